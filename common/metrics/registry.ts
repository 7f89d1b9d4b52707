// One Prometheus registry per daemon (prom-client), never the library's global
// default one: two daemons in one process (the tests) or a module that registers
// on import cannot mix their series. The default process metrics (CPU, memory,
// event loop lag, GC, handles) come with it under their standard names, plus
// `strato_build_info` saying which daemon and version answer.
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { packageVersion } from '../version.ts';

export type { Registry };

export function daemonRegistry(daemon: 'conductor' | 'agent'): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'strato_build_info',
    help: 'Always 1; the labels say which strato daemon and version this is.',
    labelNames: ['daemon', 'version'],
    registers: [registry],
  }).set({ daemon, version: packageVersion() }, 1);
  return registry;
}
