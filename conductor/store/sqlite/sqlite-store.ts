// The default Store backend: one SQLite file owned by one conductor process.
//
// node:sqlite is synchronous, and the store runs it on the main thread on purpose.
// Every call is a few prepared statements on indexed rows; measured on a loaded
// 2-core VM (bench/store.bench.ts): get 5-15 us, create 50-200 us, a page of 100
// 0.2-0.3 ms, commit -> watch event ~0.1 ms. A worker-thread round trip alone costs
// ~30 us (p50), more than a read; for writes it would free ~0.1 ms of loop time
// but lose the property that makes compare-and-swap trivially race-free here: each
// write runs to completion without yielding. The slow part of SQLite - checkpoints
// with their fsyncs - is kept short or moved to a worker (checkpointer.ts). Long work is
// bounded: list pages and watch batches are capped, history purges run in chunks.
//
// Watchers are woken by this process's own commits; a second process writing the
// same file would keep revisions consistent (they are read under the write lock)
// but its changes would reach this process's watchers only with its next commit.
import { log } from '../../../common/log.ts';
import { validateLimit, validateRevision, validateTxn } from '../arguments.ts';
import { keyExists, keyNotFound, revisionInFuture, revisionMismatch, storeClosed } from '../errors.ts';
import { keyAfter, prefixEnd, validateKey, validatePrefix } from '../keys.ts';
import { decodePageToken, encodePageToken } from '../page-token.ts';
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
} from '../store.ts';
import { encodeValue } from '../values.ts';
import { Checkpointer } from './checkpointer.ts';
import { CommitSignal } from './commit-signal.ts';
import { DEFAULT_RETENTION, type RetentionPolicy, retentionPoint } from './retention.ts';
import { openDatabase, type Synchronous } from './schema.ts';
import { type KvRow, prepareStatements, type Statements } from './statements.ts';
import { watchChanges } from './watcher.ts';
import { commitTxn, readMeta, rowToEntry } from './writer.ts';

export interface SqliteStoreOptions {
  /** Database file (created if missing), or ':memory:' for throw-away stores. */
  path: string;
  /** See schema.ts for the trade-off. @default 'NORMAL' */
  synchronous?: Synchronous;
  /** How long a statement waits for another connection's lock. @default 5000 */
  busyTimeoutMs?: number;
  /** Watch history kept. @default { revisions: 10000 } */
  retention?: RetentionPolicy;
  /** Apply the retention policy after this many commits. @default 100 */
  compactEvery?: number;
  /**
   * Checkpoint the WAL at most this long after a commit (ms), the durability bound
   * with synchronous=NORMAL (see checkpointer.ts); 0 leaves checkpoints to SQLite
   * on the main thread. Ignored for ':memory:'. @default 250
   */
  checkpointIntervalMs?: number;
  /** Close the checkpoint worker after this long without a busy checkpoint (ms). @default 30000 */
  checkpointWorkerIdleMs?: number;
  /** Clock for change timestamps (tests). @default Date.now */
  now?: () => number;
}

/** Rows deleted per purge step; keeps each step well under a millisecond. */
const PURGE_CHUNK = 1000;

export class SqliteStore implements Store {
  readonly #db;
  readonly #st: Statements;
  readonly #commits = new CommitSignal();
  readonly #retention: RetentionPolicy;
  readonly #compactEvery: number;
  readonly #now: () => number;
  readonly #log;
  #closed = false;
  #commitsSinceCompact = 0;
  #purgeScheduled: NodeJS.Immediate | undefined;
  readonly #checkpointer: Checkpointer | undefined;

  constructor(options: SqliteStoreOptions) {
    const retention = { ...DEFAULT_RETENTION, ...options.retention };
    if (!Number.isInteger(retention.revisions) || retention.revisions < 1) {
      throw new RangeError('retention.revisions must be an integer >= 1');
    }
    this.#retention = retention;
    this.#compactEvery = options.compactEvery ?? 100;
    this.#now = options.now ?? Date.now;
    const checkpointMs = options.path === ':memory:' ? 0 : (options.checkpointIntervalMs ?? 250);
    this.#db = openDatabase(options.path, {
      synchronous: options.synchronous ?? 'NORMAL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      // The checkpointer keeps the WAL short; SQLite's own checkpoint stays as a
      // safety net (40 MB).
      walAutocheckpointPages: checkpointMs > 0 ? 10_000 : 1000,
    });
    this.#st = prepareStatements(this.#db);
    this.#log = log.child({ component: 'store', backend: 'sqlite', path: options.path });
    const checkpointHere = this.#db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    this.#checkpointer =
      checkpointMs > 0
        ? new Checkpointer({
            path: options.path,
            intervalMs: checkpointMs,
            checkpointHere: () => (checkpointHere.get() as { busy: number }).busy === 0,
            ...(options.checkpointWorkerIdleMs === undefined ? {} : { workerIdleMs: options.checkpointWorkerIdleMs }),
            log: this.#log,
          })
        : undefined;
    this.#log.info({ revision: readMeta(this.#st, 'revision') }, 'store opened');
    this.#schedulePurge();
  }

  async get<T = unknown>(key: string): Promise<Entry<T>> {
    this.#assertOpen();
    validateKey(key);
    const row = this.#st.getKv.get(key) as KvRow | undefined;
    if (row === undefined) throw keyNotFound(key);
    return rowToEntry<T>(row);
  }

  async list<T = unknown>(prefix: string, options: ListOptions = {}): Promise<ListPage<T>> {
    this.#assertOpen();
    validatePrefix(prefix);
    const limit = validateLimit(options.limit);
    const from = options.pageToken === undefined ? prefix : keyAfter(decodePageToken(options.pageToken, prefix));
    const end = prefixEnd(prefix);
    // One more row than asked tells whether a next page exists, so the last page
    // never carries a token to an empty page.
    // One read transaction, so the revision is exactly the state the rows show.
    this.#db.exec('BEGIN');
    let rows: KvRow[];
    let revision: number;
    try {
      rows = (end === undefined
        ? this.#st.listOpen.all(from, limit + 1)
        : this.#st.listBounded.all(from, end, limit + 1)) as unknown as KvRow[];
      revision = readMeta(this.#st, 'revision');
    } finally {
      this.#db.exec('COMMIT');
    }
    const page = rows.slice(0, limit);
    const result: ListPage<T> = { entries: page.map((r) => rowToEntry<T>(r)), revision };
    const last = page.at(-1);
    if (rows.length > limit && last !== undefined) result.nextPageToken = encodePageToken(last.key);
    return result;
  }

  async create<T = unknown>(key: string, value: T): Promise<Entry<T>> {
    const op = this.#putOp('create', key, value);
    const res = this.#commit([], [op]);
    if (!res.succeeded) throw keyExists(key, res.failed.actual.modRevision);
    return (res.results[0] as { entry: Entry<T> }).entry;
  }

  async update<T = unknown>(key: string, value: T, options: UpdateOptions = {}): Promise<Entry<T>> {
    const op = this.#putOp('put', key, value);
    const res = this.#commit([this.#guard(key, options)], [op]);
    if (!res.succeeded) throw this.#guardError(key, options, res.failed.actual);
    return (res.results[0] as { entry: Entry<T> }).entry;
  }

  async delete<T = unknown>(key: string, options: DeleteOptions = {}): Promise<DeleteResult<T>> {
    this.#assertOpen();
    validateKey(key);
    const res = this.#commit([this.#guard(key, options)], [{ kind: 'delete', key }]);
    if (!res.succeeded) throw this.#guardError(key, options, res.failed.actual);
    return { prev: (res.results[0] as { prev: Entry<T> }).prev, revision: res.revision };
  }

  async txn(compares: Compare[], ops: Op[]): Promise<TxnResult> {
    this.#assertOpen();
    const checked = validateTxn(compares, ops);
    return this.#commit(checked.compares, checked.ops);
  }

  watch<T = unknown>(prefix: string, options: WatchOptions = {}): AsyncIterable<WatchEvent<T>> {
    // The default start is fixed now, not at the first next(), so changes made
    // between watch() and the first iteration are delivered.
    const from = this.#closed ? 0 : (options.fromRevision ?? readMeta(this.#st, 'revision') + 1);
    const ctx = { db: this.#db, st: this.#st, commits: this.#commits, assertOpen: () => this.#assertOpen() };
    return (async function* () {
      validatePrefix(prefix);
      validateRevision(from, 'fromRevision');
      yield* watchChanges<T>(ctx, prefix, from, options.signal);
    })();
  }

  async status(): Promise<StoreStatus> {
    this.#assertOpen();
    return { revision: readMeta(this.#st, 'revision'), compactRevision: readMeta(this.#st, 'compact_revision') };
  }

  async compact(revision: number): Promise<void> {
    this.#assertOpen();
    validateRevision(revision, 'revision');
    const current = readMeta(this.#st, 'revision');
    if (revision > current) throw revisionInFuture(revision, current);
    this.#compactTo(revision);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#purgeScheduled !== undefined) clearImmediate(this.#purgeScheduled);
    this.#commits.notify(); // wakes watchers, which then fail with STORE_CLOSED
    await this.#checkpointer?.stop();
    this.#db.close();
    this.#log.info('store closed');
  }

  #assertOpen(): void {
    if (this.#closed) throw storeClosed();
  }

  #putOp(kind: 'put' | 'create', key: string, value: unknown) {
    this.#assertOpen();
    validateKey(key);
    return { kind, key, value, json: encodeValue(value, key) };
  }

  #guard(key: string, options: UpdateOptions): Compare {
    if (options.expectedModRevision === undefined) return { kind: 'exists', key };
    return {
      kind: 'modRevision',
      key,
      modRevision: validateRevision(options.expectedModRevision, 'expectedModRevision'),
    };
  }

  #guardError(key: string, options: UpdateOptions, actual: { exists: boolean; modRevision: number }) {
    if (!actual.exists) return keyNotFound(key);
    return revisionMismatch(key, options.expectedModRevision ?? 0, actual.modRevision);
  }

  #commit(compares: Compare[], ops: Parameters<typeof commitTxn>[3]): TxnResult {
    const { result, changed } = commitTxn(this.#db, this.#st, compares, ops, this.#now());
    if (changed) {
      this.#checkpointer?.noteCommit();
      this.#commits.notify();
      if (++this.#commitsSinceCompact >= this.#compactEvery) this.#applyRetention(result.revision);
    }
    return result;
  }

  #applyRetention(revision: number): void {
    this.#commitsSinceCompact = 0;
    const { ageMs } = this.#retention;
    const young =
      ageMs === undefined
        ? undefined
        : (this.#st.firstRevSince.get(this.#now() - ageMs) as { rev: number } | undefined);
    this.#compactTo(retentionPoint(revision, this.#retention, young?.rev));
  }

  /** Moves the compaction point now; the rows behind it are purged in the background. */
  #compactTo(revision: number): void {
    const current = readMeta(this.#st, 'compact_revision');
    if (revision <= current) return;
    this.#st.setMeta.run(revision, 'compact_revision');
    this.#checkpointer?.noteCommit();
    this.#log.debug({ compactRevision: revision }, 'store compacted');
    this.#commits.notify(); // a watcher that fell behind learns it now, not at the next write
    this.#schedulePurge();
  }

  #schedulePurge(): void {
    if (this.#purgeScheduled !== undefined || this.#closed) return;
    this.#purgeScheduled = setImmediate(() => {
      this.#purgeScheduled = undefined;
      if (this.#closed) return;
      const upTo = readMeta(this.#st, 'compact_revision');
      const { changes } = this.#st.purgeChanges.run(upTo, PURGE_CHUNK);
      if (Number(changes) > 0) this.#checkpointer?.noteCommit();
      if (Number(changes) === PURGE_CHUNK) this.#schedulePurge();
    });
    this.#purgeScheduled.unref();
  }
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  return new SqliteStore(options);
}
