// Whether the conductor's store is usable, for the health service (a HealthGate
// dependency) and the metrics. Two sources, both cheap:
// - a probe every few seconds: an empty transaction, which on SQLite takes the
//   write lock and reads the revision (BEGIN IMMEDIATE … ROLLBACK) and on a remote
//   backend is a round trip, without writing anything;
// - the fate of the daemon's own writes: the store handed to the rest of the
//   conductor (`store`) is the same store with its writes watched, so a write that
//   failed for the store's sake (disk full, I/O error) counts until a later write
//   succeeds or two probe intervals pass without another failure; a write that
//   succeeds also clears what the last probe met.
// A locked SQLite store blocks the event loop for its busy timeout on every
// statement, this probe's included: the conductor is unusable then anyway, and the
// probe runs at most one at a time, and three times less often while it fails.
import type { Logger } from '../../common/log.ts';
import type {
  Compare,
  DeleteOptions,
  DeleteResult,
  Entry,
  ListOptions,
  ListPage,
  Op,
  Store,
  StoreStatus,
  TxnResult,
  UpdateOptions,
  WatchEvent,
  WatchOptions,
} from '../store/store.ts';
import { storeFault } from './store-faults.ts';

export interface StoreHealthOptions {
  store: Store;
  /** @default 5000 */
  probeIntervalMs?: number;
  /** Told of every change: a reason while the store is unusable, undefined when it is usable again. */
  onChange: (problem: string | undefined) => void;
  log: Logger;
  /** @default Date.now */
  clock?: () => number;
}

export class StoreHealth {
  /** The store for everyone else: the same one, its writes watched. */
  readonly store: Store;
  private readonly o: StoreHealthOptions;
  private readonly clock: () => number;
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;
  private probeProblem: string | undefined;
  /** Writes are numbered as they end, so "failed after the last success" needs no clock. */
  private writes = 0;
  private lastWriteOk = 0;
  private lastWriteFault: { seq: number; atMs: number; reason: string } | undefined;
  private shown: string | undefined;

  constructor(o: StoreHealthOptions) {
    this.o = o;
    this.clock = o.clock ?? Date.now;
    this.intervalMs = o.probeIntervalMs ?? 5000;
    this.store = watchedWrites(o.store, {
      ok: () => this.writeOk(),
      failed: (err) => this.writeFailed(err),
    });
  }

  /** Why the store is unusable now, or undefined while it is usable. */
  get problem(): string | undefined {
    if (this.probeProblem !== undefined) return `store probe failed: ${this.probeProblem}`;
    const f = this.lastWriteFault;
    if (f !== undefined && f.seq > this.lastWriteOk && f.atMs >= this.clock() - 2 * this.intervalMs) {
      return `store writes failing: ${f.reason}`;
    }
    return undefined;
  }

  /** Probes now and every interval from now on (every three while the probe fails). */
  start(): void {
    if (this.timer !== undefined || this.closed) return;
    const turn = async (): Promise<void> => {
      await this.probe();
      if (this.closed) return;
      this.timer = setTimeout(turn, this.probeProblem === undefined ? this.intervalMs : 3 * this.intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(turn, 0);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** One probe (skipped while one runs). */
  async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.o.store.txn([], []);
      this.probeProblem = undefined;
    } catch (err) {
      this.probeProblem = storeFault(err) ?? 'unexpected answer';
    } finally {
      this.probing = false;
    }
    this.report();
  }

  private writeOk(): void {
    this.lastWriteOk = ++this.writes;
    // A write went through: whatever the last probe met (a lock, a hiccup) is gone.
    this.probeProblem = undefined;
    if (this.shown !== undefined) this.report();
  }

  private writeFailed(err: unknown): void {
    const reason = storeFault(err);
    if (reason === undefined) return;
    this.lastWriteFault = { seq: ++this.writes, atMs: this.clock(), reason };
    this.report();
  }

  private report(): void {
    const now = this.problem;
    if (now === this.shown) return;
    this.shown = now;
    if (now !== undefined) this.o.log.warn({ reason: now }, 'store unusable');
    else this.o.log.info({}, 'store usable again');
    this.o.onChange(now);
  }
}

interface WriteWatch {
  ok(): void;
  failed(err: unknown): void;
}

/** `store` with the outcome of every write told to `watch`; reads pass straight through. */
export function watchedWrites(store: Store, watch: WriteWatch): Store {
  return new WatchedStore(store, watch);
}

class WatchedStore implements Store {
  private readonly inner: Store;
  private readonly w: WriteWatch;

  constructor(inner: Store, watch: WriteWatch) {
    this.inner = inner;
    this.w = watch;
  }

  private seen<T>(p: Promise<T>): Promise<T> {
    return p.then(
      (v) => {
        this.w.ok();
        return v;
      },
      (err: unknown) => {
        this.w.failed(err);
        throw err;
      },
    );
  }

  get<T = unknown>(key: string): Promise<Entry<T>> {
    return this.inner.get<T>(key);
  }

  list<T = unknown>(prefix: string, options?: ListOptions): Promise<ListPage<T>> {
    return this.inner.list<T>(prefix, options);
  }

  create<T = unknown>(key: string, value: T): Promise<Entry<T>> {
    return this.seen(this.inner.create<T>(key, value));
  }

  update<T = unknown>(key: string, value: T, options?: UpdateOptions): Promise<Entry<T>> {
    return this.seen(this.inner.update<T>(key, value, options));
  }

  delete<T = unknown>(key: string, options?: DeleteOptions): Promise<DeleteResult<T>> {
    return this.seen(this.inner.delete<T>(key, options));
  }

  txn(compares: Compare[], ops: Op[]): Promise<TxnResult> {
    return this.seen(this.inner.txn(compares, ops));
  }

  watch<T = unknown>(prefix: string, options?: WatchOptions): AsyncIterable<WatchEvent<T>> {
    return this.inner.watch<T>(prefix, options);
  }

  status(): Promise<StoreStatus> {
    return this.inner.status();
  }

  compact(revision: number): Promise<void> {
    return this.inner.compact(revision);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
