// The agent's metrics, in one registry: the process, gRPC calls per RPC, the
// guests' counters (instance-metrics.ts), the links to libvirt and netlink
// (host-link-metrics.ts) and the host network's applies (network-metrics.ts).
// Served by common/metrics/metrics-server.ts.
import type { CallObserver } from '../../common/grpc/handlers.ts';
import { grpcServerMetrics } from '../../common/metrics/grpc-metrics.ts';
import { daemonRegistry, type Registry } from '../../common/metrics/registry.ts';

export interface AgentMetrics {
  registry: Registry;
  grpc: CallObserver;
}

export function agentMetrics(): AgentMetrics {
  const registry = daemonRegistry('agent');
  return { registry, grpc: grpcServerMetrics(registry) };
}
