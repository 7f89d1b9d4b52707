// The conductor's metrics, in one registry: the process, gRPC calls per RPC, the
// workflows and the scheduler (through the observers their modules accept), and
// the cluster read at scrape time (cluster-metrics.ts, registered once the parts
// it reads exist). Served by common/metrics/metrics-server.ts.
import type { CallObserver } from '../../common/grpc/handlers.ts';
import { grpcServerMetrics } from '../../common/metrics/grpc-metrics.ts';
import { daemonRegistry, type Registry } from '../../common/metrics/registry.ts';
import type { WorkflowObserver } from '../compute/workflow-driver.ts';
import type { PlacementObserver } from '../scheduler/store-claimer.ts';
import { schedulerMetrics, workflowMetrics } from './workflow-metrics.ts';

export interface ConductorMetrics {
  registry: Registry;
  grpc: CallObserver;
  workflows: WorkflowObserver;
  scheduler: PlacementObserver;
}

export function conductorMetrics(): ConductorMetrics {
  const registry = daemonRegistry('conductor');
  return {
    registry,
    grpc: grpcServerMetrics(registry),
    workflows: workflowMetrics(registry),
    scheduler: schedulerMetrics(registry),
  };
}
