// A read where a missing key is an answer, not an error: what every service
// does before deciding (NOT_FOUND for the caller, create, or skip). Any other
// store error still throws.
import { isStratoError } from '../../common/errors.ts';
import type { Entry, Store } from './store.ts';

/** The entry at `key`, or undefined when there is none. */
export async function getOrUndefined<T>(store: Store, key: string): Promise<Entry<T> | undefined> {
  try {
    return await store.get<T>(key);
  } catch (err) {
    if (isStratoError(err, 'NOT_FOUND')) return undefined;
    throw err;
  }
}
