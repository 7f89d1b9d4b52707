// Read-modify-write of one store key under compare-and-swap: the mutation is
// applied to the latest value and committed only if nobody wrote in between;
// a lost race re-reads and re-applies. The mutation must be a pure function of
// the value it gets (it may run several times).
import { isStratoError, StratoError } from '../../common/errors.ts';
import { getOrUndefined } from './get-or-undefined.ts';
import type { Entry, Store } from './store.ts';

/** Returned by a mutation that decides to write nothing. */
export const UNCHANGED = Symbol('unchanged');

const MAX_ATTEMPTS = 50;

/**
 * Applies `mutate` to the current value of `key`. Returns the written entry, the
 * current entry when the mutation chose UNCHANGED, or undefined when the key does
 * not exist.
 */
export async function casUpdate<T>(
  store: Store,
  key: string,
  mutate: (value: T) => T | typeof UNCHANGED,
): Promise<Entry<T> | undefined> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const entry = await getOrUndefined<T>(store, key);
    if (entry === undefined) return undefined;
    const next = mutate(entry.value);
    if (next === UNCHANGED) return entry;
    try {
      return await store.update<T>(key, next, { expectedModRevision: entry.modRevision });
    } catch (err) {
      if (isStratoError(err, 'ABORTED')) continue;
      if (isStratoError(err, 'NOT_FOUND')) return undefined;
      throw err;
    }
  }
  throw new StratoError('ABORTED', 'TOO_MUCH_CONTENTION', `${key} kept changing under us; retry`, {
    details: { key },
  });
}
