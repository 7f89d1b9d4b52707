// What each kind of record counts against its project's quota, defined once
// and used both ways: the services charge a new record's usageOf() in the
// transaction that creates it (and give it back in the one that deletes it),
// and countUsage() sums usageOf() over every record, which is what the usage
// records must always equal (the start-up count and the tests use it).
import { iterateAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import { applyDelta } from './check.ts';
import type { QuotaCounts, QuotaDelta } from './model.ts';
import { ZERO_USAGE } from './model.ts';

/** A kind of record that holds quota: where its records live and what one counts. */
export interface UsageSource<T> {
  /** Store prefix of the records (e.g. /instances/). */
  prefix: string;
  usageOf(record: T): { projectId: string; delta: QuotaDelta };
}

// biome-ignore lint/suspicious/noExplicitAny: a list of sources of different record types
export type AnyUsageSource = UsageSource<any>;

/** Every project's usage, summed over the records as they are now. */
export async function countUsage(store: Store, sources: readonly AnyUsageSource[]): Promise<Map<string, QuotaCounts>> {
  const out = new Map<string, QuotaCounts>();
  for (const s of sources) {
    for await (const e of iterateAll(store, s.prefix)) {
      const { projectId, delta } = s.usageOf(e.value);
      out.set(projectId, applyDelta(out.get(projectId) ?? ZERO_USAGE, delta));
    }
  }
  return out;
}
