// Scheduler options with documented defaults; addDefaults() returns every field set
// and refuses nonsense early, so the rest of the scheduler never re-checks.
import { invalidArgument } from '../../common/errors.ts';
import { DEFAULT_FILTERS } from './filters/default-filters.ts';
import type { Random } from './seeded-random.ts';
import { seededRandom } from './seeded-random.ts';
import type { HostFilter } from './types.ts';
import { DEFAULT_SPREAD_WEIGHTS, type SpreadWeights } from './weighers/spread-weigher.ts';

export interface SchedulerOptions {
  /** How often agents are asked to heartbeat. @default 10_000 */
  heartbeatIntervalMs?: number;
  /** A host silent for longer than this is down. @default 60_000 */
  downTimeMs?: number;
  /** Alternates returned with each placement (tried when a spawn fails). @default 3 */
  maxAlternates?: number;
  /** Pick at random among the best N passing hosts (anti thundering herd). @default 1 */
  hostSubsetSize?: number;
  /** @default { ram: 1, cpu: 1 } */
  weights?: SpreadWeights;
  /** @default DEFAULT_FILTERS */
  filters?: readonly HostFilter[];
  /** Source of randomness for hostSubsetSize > 1. @default seededRandom(1) */
  random?: Random;
  /** Injected clock. @default Date.now */
  clock?: () => number;
}

export type ResolvedSchedulerOptions = Required<SchedulerOptions>;

export function addDefaults(o: SchedulerOptions = {}): ResolvedSchedulerOptions {
  const r: ResolvedSchedulerOptions = {
    heartbeatIntervalMs: o.heartbeatIntervalMs ?? 10_000,
    downTimeMs: o.downTimeMs ?? 60_000,
    maxAlternates: o.maxAlternates ?? 3,
    hostSubsetSize: o.hostSubsetSize ?? 1,
    weights: o.weights ?? DEFAULT_SPREAD_WEIGHTS,
    filters: o.filters ?? DEFAULT_FILTERS,
    random: o.random ?? seededRandom(1),
    clock: o.clock ?? Date.now,
  };
  if (!(r.heartbeatIntervalMs > 0)) throw invalidArgument('BAD_SCHEDULER_OPTION', 'heartbeatIntervalMs must be > 0');
  if (!(r.downTimeMs > r.heartbeatIntervalMs)) {
    throw invalidArgument(
      'BAD_SCHEDULER_OPTION',
      `downTimeMs (${r.downTimeMs}) must exceed heartbeatIntervalMs (${r.heartbeatIntervalMs}), or every host flaps down`,
    );
  }
  if (!Number.isInteger(r.maxAlternates) || r.maxAlternates < 0) {
    throw invalidArgument('BAD_SCHEDULER_OPTION', 'maxAlternates must be an integer >= 0');
  }
  if (!Number.isInteger(r.hostSubsetSize) || r.hostSubsetSize < 1) {
    throw invalidArgument('BAD_SCHEDULER_OPTION', 'hostSubsetSize must be an integer >= 1');
  }
  return r;
}
