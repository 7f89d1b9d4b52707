// A real store (SQLite in memory) behind switches the scheduler tests need: it counts
// lost compare-and-swaps, can make calls wait a few event-loop turns (so requests
// interleave as with a remote store), freeze or break watches (a conductor whose view
// is stale), and drop the usage compare from claims (a broken claimer, for negative
// controls).
import { setImmediate as turn } from 'node:timers/promises';
import { USAGE_PREFIX } from '../../../conductor/scheduler/usage-records.ts';
import { revisionCompacted } from '../../../conductor/store/errors.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import type { Store, WatchEvent, WatchOptions } from '../../../conductor/store/store.ts';

export class WrappedStore implements Store {
  readonly inner: Store;
  /** Transactions whose compare failed. */
  failedTxns = 0;
  /** watch() calls per prefix (a re-listing feed watches again). */
  readonly watches = new Map<string, number>();
  /** The largest gap seen, when a transaction starts, between the last committed revision and the last usage change a watch delivered. */
  maxUsageLag = 0;
  private committed = 0;
  private delivered = 0;
  /** Returns how many event-loop turns the next get or txn waits first. */
  delay: () => number = () => 0;
  /** Watches of these prefixes deliver nothing (they end when aborted). */
  readonly frozen = new Set<string>();
  /** The next watch of each of these prefixes fails at once with REVISION_COMPACTED. */
  readonly breakNext = new Set<string>();
  /** Claims lose their usage compare: they no longer check that what they read is current. */
  blindClaims = false;

  constructor(inner: Store = new SqliteStore({ path: ':memory:', checkpointIntervalMs: 0 })) {
    this.inner = inner;
  }

  get: Store['get'] = async (key) => {
    await this.wait();
    return this.inner.get(key);
  };
  list: Store['list'] = (prefix, options) => this.inner.list(prefix, options);
  create: Store['create'] = (key, value) => this.inner.create(key, value);
  update: Store['update'] = (key, value, options) => this.inner.update(key, value, options);
  delete: Store['delete'] = (key, options) => this.inner.delete(key, options);
  status: Store['status'] = () => this.inner.status();
  compact: Store['compact'] = (revision) => this.inner.compact(revision);
  close: Store['close'] = () => this.inner.close();

  txn: Store['txn'] = async (compares, ops) => {
    await this.wait();
    const kept = this.blindClaims ? compares.filter((c) => !c.key.startsWith(USAGE_PREFIX)) : compares;
    this.maxUsageLag = Math.max(this.maxUsageLag, this.committed - this.delivered);
    const r = await this.inner.txn(kept, ops);
    if (!r.succeeded) this.failedTxns++;
    else this.committed = r.revision;
    return r;
  };

  watch<T>(prefix: string, options: WatchOptions = {}): AsyncIterable<WatchEvent<T>> {
    this.watches.set(prefix, (this.watches.get(prefix) ?? 0) + 1);
    if (this.breakNext.delete(prefix)) {
      return (async function* () {
        yield* [];
        throw revisionCompacted(options.fromRevision ?? 0, (options.fromRevision ?? 0) + 1);
      })();
    }
    if (this.frozen.has(prefix)) {
      const signal = options.signal;
      return (async function* () {
        yield* [];
        if (signal && !signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve));
      })();
    }
    const inner = this.inner.watch<T>(prefix, options);
    if (prefix !== USAGE_PREFIX) return inner;
    const seen = (revision: number) => {
      this.delivered = revision;
    };
    return (async function* () {
      for await (const e of inner) {
        seen(e.modRevision);
        yield e;
      }
    })();
  }

  private async wait(): Promise<void> {
    for (let n = this.delay(); n > 0; n--) await turn();
  }
}
