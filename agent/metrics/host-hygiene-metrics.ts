// How clean the host is: the orphans of the last reconcile pass per kind (a gauge per
// kind, 0 when none: the same counts `strato host show` gives), the instances the
// conductor expects that the host lacks, and what the image cache holds and evicted.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Orphans } from '../../common/gen/strato/host/v1/Orphans.ts';
import { ORPHAN_KINDS } from '../../common/orphan-kinds.ts';

export interface HostHygieneMetrics {
  orphans(counts: Required<Orphans>, missingInstances: number): void;
  cache(bytes: number, evicted: number): void;
}

export function hostHygieneMetrics(registry: Registry): HostHygieneMetrics {
  const registers = [registry];
  const orphans = new Gauge({
    name: 'strato_agent_orphans',
    help: 'Objects with strato names on this host that the conductor does not expect, per kind (last reconcile).',
    labelNames: ['kind'],
    registers,
  });
  const missing = new Gauge({
    name: 'strato_agent_expected_missing',
    help: 'What the conductor expects on this host that the host lacks, per kind (last reconcile).',
    labelNames: ['kind'],
    registers,
  });
  const cacheBytes = new Gauge({
    name: 'strato_agent_image_cache_bytes',
    help: 'Bytes of cached base images on this host.',
    registers,
  });
  const evictions = new Counter({
    name: 'strato_agent_image_cache_evictions_total',
    help: 'Unused cached images evicted (by age or the size limit).',
    registers,
  });
  for (const kind of ORPHAN_KINDS) orphans.set({ kind }, 0);
  missing.set({ kind: 'instances' }, 0);
  return {
    orphans(counts, missingInstances) {
      for (const kind of ORPHAN_KINDS) orphans.set({ kind }, counts[kind]);
      missing.set({ kind: 'instances' }, missingInstances);
    },
    cache(bytes, evicted) {
      cacheBytes.set(bytes);
      evictions.inc(evicted);
    },
  };
}
