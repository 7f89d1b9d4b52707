// The gRPC server metrics every strato daemon exports, fed by the CallObserver
// hook of common/grpc (the one place every call passes): requests and latency
// per RPC, and errors per RPC and code. `method` is the full method path
// (`/strato.compute.v1.Servers/CreateServer`), a bounded set.
import { Counter, Histogram, type Registry } from 'prom-client';
import type { CallObserver } from '../grpc/handlers.ts';

/** From a millisecond read to a ten-minute spawn. */
export const RPC_SECONDS_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600,
];

export function grpcServerMetrics(registry: Registry): CallObserver {
  const requests = new Counter({
    name: 'strato_grpc_server_requests_total',
    help: 'gRPC calls handled, per method (counted when they end, whatever the outcome).',
    labelNames: ['method'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'strato_grpc_server_errors_total',
    help: 'gRPC calls that ended with an error, per method and status code.',
    labelNames: ['method', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'strato_grpc_server_request_duration_seconds',
    help: 'How long gRPC calls ran, per method.',
    labelNames: ['method'],
    buckets: RPC_SECONDS_BUCKETS,
    registers: [registry],
  });
  return (method, code, durationS) => {
    requests.inc({ method });
    if (code !== 'OK') errors.inc({ method, code });
    duration.observe({ method }, durationS);
  };
}
