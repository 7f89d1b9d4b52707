// Helpers for the store conformance suite. Only the Store interface is used, so
// the suite runs unchanged against any backend.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import type { Store, WatchEvent, WatchOptions } from '../../../conductor/store/store.ts';

export interface StoreHandle {
  store: Store;
  /** Removes everything the factory created; called even when a test fails. */
  cleanup: () => Promise<void>;
  /**
   * Opens a new Store on the same data after the test closed `store` (a new SQLite
   * connection on the same file, a new etcd client on the same cluster). Without it
   * the durability tests are skipped with a reason.
   */
  reopen?: () => Promise<Store>;
}

export type StoreFactory = () => Promise<StoreHandle>;

/** A fresh store for one test, cleaned up after it whatever happens. */
export async function useStore(t: TestContext, factory: StoreFactory): Promise<StoreHandle> {
  const handle = await factory();
  t.after(async () => {
    await handle.store.close().catch(() => {});
    await handle.cleanup();
  });
  return handle;
}

/** Asserts that `p` rejects with a StratoError of this code and reason; returns it. */
export async function rejectsWith(p: Promise<unknown>, code: string, reason: string) {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  assert.ok(caught !== undefined, `expected ${code}/${reason}, but the call succeeded`);
  assert.ok(isStratoError(caught), `expected a StratoError, got ${String(caught)}`);
  assert.equal(`${caught.code}/${caught.reason}`, `${code}/${reason}`, caught.message);
  return caught;
}

export async function revisionOf(store: Store): Promise<number> {
  return (await store.status()).revision;
}

/**
 * Reads a watch with timeouts. An unanswered next() is kept for the following call,
 * so a timeout never drops an event; close() aborts the watch.
 */
export class WatchReader<T = unknown> {
  readonly #abort = new AbortController();
  readonly #it: AsyncIterator<WatchEvent<T>>;
  #pending: Promise<IteratorResult<WatchEvent<T>>> | undefined;

  constructor(store: Store, prefix: string, options: Omit<WatchOptions, 'signal'> = {}) {
    this.#it = store.watch<T>(prefix, { ...options, signal: this.#abort.signal })[Symbol.asyncIterator]();
  }

  /** The next event; fails the test after `timeoutMs`. */
  async next(timeoutMs = 2000): Promise<WatchEvent<T>> {
    const r = await this.#race(timeoutMs);
    if (r === 'timeout') assert.fail(`no watch event within ${timeoutMs} ms`);
    if (r.done) assert.fail('watch ended unexpectedly');
    return r.value;
  }

  async take(n: number, timeoutMs = 2000): Promise<WatchEvent<T>[]> {
    const out: WatchEvent<T>[] = [];
    while (out.length < n) out.push(await this.next(timeoutMs));
    return out;
  }

  /** Asserts that nothing arrives within `ms`. */
  async none(ms = 150): Promise<void> {
    const r = await this.#race(ms);
    if (r !== 'timeout') assert.fail(`unexpected watch result: ${JSON.stringify(r)}`);
  }

  /** Resolves with the iteration's end: 'done', or the error it failed with. */
  async end(timeoutMs = 2000): Promise<'done' | unknown> {
    try {
      for (;;) {
        const r = await this.#race(timeoutMs);
        if (r === 'timeout') assert.fail(`watch did not end within ${timeoutMs} ms`);
        if (r.done) return 'done';
      }
    } catch (err) {
      return err;
    }
  }

  close(): void {
    this.#abort.abort();
  }

  async #race(ms: number): Promise<IteratorResult<WatchEvent<T>> | 'timeout'> {
    this.#pending ??= this.#it.next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    });
    try {
      const r = await Promise.race([this.#pending, timeout]);
      if (r !== 'timeout') this.#pending = undefined;
      return r;
    } catch (err) {
      this.#pending = undefined;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Keeps only what the suite compares in events. */
export function brief(ev: WatchEvent): [string, string, number, unknown] {
  return [ev.type, ev.key, ev.modRevision, ev.type === 'put' ? ev.value : ev.prevValue];
}
