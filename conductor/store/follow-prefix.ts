// The cache recipe of store.ts as one loop: list a prefix, then watch it from the
// listing's revision; when the watch breaks (history compacted under it, a backend
// hiccup, or it ends by itself) list again after a back-off that doubles per
// failure in a row. What follows the store (the scheduler's index, the server state
// counts, the certificate view) supplies only what it does with a listing and with
// a change.
import { setTimeout as sleep } from 'node:timers/promises';
import { isStratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { listAll } from './list-all.ts';
import type { Entry, Store, WatchEvent } from './store.ts';

export interface PrefixFollower<T> {
  /** A whole listing of the prefix at `revision`: first, and again after every break. */
  listed(entries: Entry<T>[], revision: number): void;
  /** A change after the last listing. */
  changed(ev: WatchEvent<T>): void;
}

export interface FollowOptions {
  signal: AbortSignal;
  log: Logger;
  /** The warning logged when the watch breaks (a constant message). */
  brokeMessage: string;
  /** The first wait after a break, doubling per break in a row. */
  firstRetryMs: number;
  /** The longest wait. */
  maxRetryMs: number;
}

/**
 * Follows `prefix` until `signal` aborts (then resolves). Rejects with the store's
 * UNAVAILABLE/STORE_CLOSED once the store is closed: nothing more will come.
 */
export async function followPrefix<T>(
  store: Store,
  prefix: string,
  follower: PrefixFollower<T>,
  o: FollowOptions,
): Promise<void> {
  const { signal } = o;
  for (let streak = 0; !signal.aborted; ) {
    try {
      const { entries, revision } = await listAll<T>(store, prefix);
      follower.listed(entries, revision);
      streak = 0;
      for await (const ev of store.watch<T>(prefix, { fromRevision: revision + 1, signal })) follower.changed(ev);
      if (signal.aborted) return;
      throw new Error('the watch ended by itself');
    } catch (err) {
      if (signal.aborted) return;
      if (isStratoError(err, 'UNAVAILABLE') && err.reason === 'STORE_CLOSED') throw err;
      streak++;
      o.log.warn({ err, prefix, streak }, o.brokeMessage);
      const waitMs = Math.min(o.maxRetryMs, o.firstRetryMs * 2 ** Math.min(streak - 1, 10));
      await sleep(waitMs, undefined, { signal }).catch(() => {});
    }
  }
}

/** Whether `err` (a rejection of followPrefix) only says the store was closed. */
export function storeClosed(err: unknown): boolean {
  return isStratoError(err, 'UNAVAILABLE') && err.reason === 'STORE_CLOSED';
}
