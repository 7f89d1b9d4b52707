// The conductor's state store: one contract, several backends (SQLite by default,
// etcd for HA). It is modelled on etcd v3 so that both backends can honour it
// exactly: a sorted key space, one global revision counter, per-key create/mod
// revisions, compare-and-swap, all-or-nothing transactions and resumable watches.
// Every backend must pass test/conformance/store/store-suite.ts unchanged.
//
// Vocabulary
// - key: a string starting with '/', e.g. `/instances/<uuid>`; at most
//   STORE_LIMITS.maxKeyBytes UTF-8 bytes; no control characters (U+0000-U+001F,
//   U+007F) and no lone surrogates. Keys sort by UTF-8 bytes (= code point order),
//   which is what both SQLite (BINARY collation) and etcd use.
// - value: any JSON-serialisable value (objects, arrays, strings, numbers,
//   booleans, null), at most STORE_LIMITS.maxValueBytes of JSON. Values are stored
//   as JSON and every read returns a fresh copy, so callers may mutate what they get.
//   The type parameter `T` on reads is the caller's assertion; the store does not
//   check shapes.
// - revision: a store-wide counter, starting at 0 for an empty store. Every write
//   that changes at least one key advances it by exactly one; all changes made by
//   one call (one transaction) share that revision. Revisions never repeat and never
//   go backwards, also across restarts.
// - entry: a key with its value and metadata. createRevision is the revision that
//   created the key (a key deleted and created again gets a new one), modRevision the
//   revision of its last change, version counts changes since creation (1 after
//   create). A write that loses a race is detected by comparing modRevision.
//
// Errors are StratoError (common/errors.ts); callers branch on `code` + `reason`:
//   INVALID_ARGUMENT  KEY_INVALID, PREFIX_INVALID, VALUE_INVALID, VALUE_TOO_LARGE,
//                     PAGE_TOKEN_INVALID, LIMIT_INVALID, REVISION_INVALID,
//                     TXN_INVALID (duplicate keys, too many ops)
//   NOT_FOUND         KEY_NOT_FOUND                       details: key
//   ALREADY_EXISTS    KEY_EXISTS                          details: key, modRevision
//   ABORTED           REVISION_MISMATCH                   details: key, expected, actual
//   OUT_OF_RANGE      REVISION_COMPACTED                  details: requested, compactRevision
//                     REVISION_IN_FUTURE (compact only)   details: requested, revision
//   UNAVAILABLE       STORE_CLOSED, or backend-specific (connection lost, ...)
// A call that fails with any error changed nothing. A write that resolved survives
// a crash of the conductor process; whether it also survives a power loss depends
// on the backend's configuration (etcd: always; SQLite: see sqlite/schema.ts).

/** Size limits every backend enforces identically (etcd-compatible). */
export const STORE_LIMITS = {
  maxKeyBytes: 1024,
  /** etcd's default request limit is 1.5 MiB; keep values well below it. */
  maxValueBytes: 1024 * 1024,
  defaultPageSize: 100,
  maxPageSize: 1000,
  /** etcd's default --max-txn-ops. */
  maxTxnOps: 128,
} as const;

export interface Entry<T = unknown> {
  key: string;
  value: T;
  createRevision: number;
  modRevision: number;
  /** Number of writes since the key was (re)created; 1 right after create. */
  version: number;
}

export interface UpdateOptions {
  /**
   * Compare-and-swap: apply only if the key's current modRevision equals this.
   * Omit for an unconditional overwrite of an existing key.
   */
  expectedModRevision?: number;
}

export type DeleteOptions = UpdateOptions;

export interface DeleteResult<T = unknown> {
  /** The entry as it was just before the delete. */
  prev: Entry<T>;
  /** The revision of the delete. */
  revision: number;
}

export interface ListOptions {
  /** Page size, 1..STORE_LIMITS.maxPageSize. @default STORE_LIMITS.defaultPageSize */
  limit?: number;
  /** `nextPageToken` from the previous page of the same prefix; omit for the first page. */
  pageToken?: string;
}

export interface ListPage<T = unknown> {
  /** Entries whose key starts with the prefix, in key order. */
  entries: Entry<T>[];
  /** Present only when more entries follow; absent on the last page. */
  nextPageToken?: string;
  /** The store revision at which this page was read. */
  revision: number;
}

/** A condition on one key, evaluated against the state before the transaction. */
export type Compare =
  | { kind: 'exists'; key: string }
  | { kind: 'absent'; key: string }
  /** True only if the key exists and its modRevision equals `modRevision`. */
  | { kind: 'modRevision'; key: string; modRevision: number };

export type Op =
  /** Create or overwrite. */
  | { kind: 'put'; key: string; value: unknown }
  /** Create; implies the compare `{ kind: 'absent', key }`. */
  | { kind: 'create'; key: string; value: unknown }
  /** Delete if present; deleting an absent key in a transaction is a no-op. */
  | { kind: 'delete'; key: string };

export type OpResult =
  | { kind: 'put' | 'create'; entry: Entry }
  | { kind: 'delete'; key: string; deleted: boolean; prev?: Entry };

export interface FailedCompare {
  /** 'compare': `index` is into `compares`; 'op': a create op's implied compare, `index` into `ops`. */
  source: 'compare' | 'op';
  index: number;
  key: string;
  /** What the key looked like when the compare was evaluated (modRevision 0 = absent). */
  actual: { exists: boolean; modRevision: number };
}

export type TxnResult =
  | { succeeded: true; revision: number; results: OpResult[] }
  | { succeeded: false; revision: number; failed: FailedCompare };

export type WatchEventType = 'put' | 'delete';

export interface WatchEvent<T = unknown> {
  type: WatchEventType;
  key: string;
  /** The revision of this change (for a put, the entry's new modRevision). */
  modRevision: number;
  /** The new value (put only). */
  value?: T;
  /** For a put, the entry's createRevision; for a delete, the deleted entry's. */
  createRevision: number;
  /** For a put, the entry's new version; 0 for a delete. */
  version: number;
  /** The value before this change, when the key existed. */
  prevValue?: T;
  /** The modRevision before this change, when the key existed. */
  prevModRevision?: number;
}

export interface WatchOptions {
  /**
   * First revision to deliver (inclusive). History from there is replayed first,
   * then live changes follow. @default the current revision + 1 (live changes only),
   * read when watch() is called, so nothing committed after the call is missed.
   */
  fromRevision?: number;
  /** Aborting ends the iteration normally (no error), even while it is waiting. */
  signal?: AbortSignal;
}

export interface StoreStatus {
  revision: number;
  /** Watches may start at this revision or later; 0 when nothing was compacted. */
  compactRevision: number;
}

export interface Store {
  /**
   * Reads one key. Errors: NOT_FOUND/KEY_NOT_FOUND if absent; INVALID_ARGUMENT/KEY_INVALID.
   */
  get<T = unknown>(key: string): Promise<Entry<T>>;

  /**
   * Lists keys that start with `prefix` ('' or a string starting with '/'), in key
   * order, one page at a time. Prefixes match characters, not path segments: '/a'
   * matches '/ab'; use '/a/' for the children of '/a'. Pages are not a snapshot:
   * each key is returned at most once and in order, but a key created or deleted
   * while paging may or may not appear. To build a cache, list all pages, then watch
   * from the first page's `revision + 1` and apply an event only when its modRevision
   * is newer than the cached entry's.
   * Errors: INVALID_ARGUMENT/PREFIX_INVALID, LIMIT_INVALID, PAGE_TOKEN_INVALID (a token
   * from a different prefix, or not a token at all).
   */
  list<T = unknown>(prefix: string, options?: ListOptions): Promise<ListPage<T>>;

  /**
   * Creates a key that must not exist. Returns the new entry (version 1,
   * createRevision = modRevision = the new revision).
   * Errors: ALREADY_EXISTS/KEY_EXISTS; INVALID_ARGUMENT/KEY_INVALID, VALUE_INVALID,
   * VALUE_TOO_LARGE.
   */
  create<T = unknown>(key: string, value: T): Promise<Entry<T>>;

  /**
   * Replaces the value of an existing key, optionally only if its modRevision still
   * equals `expectedModRevision` (compare-and-swap). Of several concurrent updates
   * expecting the same modRevision exactly one succeeds; the others fail with
   * ABORTED and should re-read and retry. Returns the new entry (version + 1).
   * Errors: NOT_FOUND/KEY_NOT_FOUND; ABORTED/REVISION_MISMATCH; INVALID_ARGUMENT as create.
   */
  update<T = unknown>(key: string, value: T, options?: UpdateOptions): Promise<Entry<T>>;

  /**
   * Deletes an existing key, optionally only if its modRevision equals
   * `expectedModRevision`. Returns the deleted entry and the delete's revision.
   * Callers that want idempotent deletes treat NOT_FOUND as success.
   * Errors: NOT_FOUND/KEY_NOT_FOUND; ABORTED/REVISION_MISMATCH; INVALID_ARGUMENT/KEY_INVALID.
   */
  delete<T = unknown>(key: string, options?: DeleteOptions): Promise<DeleteResult<T>>;

  /**
   * Evaluates all `compares` (and the implied compares of `create` ops) against the
   * current state; if all hold, applies all `ops` atomically at one new revision
   * (no new revision if no op changed anything), else applies nothing and reports
   * the first failing compare (explicit compares first, then ops in order). A failed
   * compare is a normal result, not an error.
   * Errors: INVALID_ARGUMENT/TXN_INVALID (a key in more than one op, more than
   * STORE_LIMITS.maxTxnOps ops, or more than that many compares counting one per
   * create op), and the key/value errors of create.
   */
  txn(compares: Compare[], ops: Op[]): Promise<TxnResult>;

  /**
   * Streams changes under `prefix` (same matching as list) in revision order,
   * changes within one revision in the order they were made. History from
   * `fromRevision` is replayed first, then live changes follow, with no gap and no
   * duplicate between the two. Resuming after the last seen modRevision r with
   * `fromRevision: r + 1` yields exactly the missed changes, also after a restart.
   * Errors are delivered by the iteration (next() rejects), never by watch() itself:
   * OUT_OF_RANGE/REVISION_COMPACTED when history at `fromRevision` is gone (start
   * or, for a consumer that fell behind, later) - re-list and watch again;
   * INVALID_ARGUMENT/PREFIX_INVALID, REVISION_INVALID; UNAVAILABLE/STORE_CLOSED when
   * the store is closed. Breaking out of `for await` or aborting `signal` ends it.
   */
  watch<T = unknown>(prefix: string, options?: WatchOptions): AsyncIterable<WatchEvent<T>>;

  /** Current revision and compaction point. */
  status(): Promise<StoreStatus>;

  /**
   * Discards watch history before `revision`: afterwards watches may start at
   * `revision` or later. Compacting to a revision at or before the current
   * compaction point is a no-op. Current values are never affected. Backends may
   * also compact on their own (retention policy).
   * Errors: OUT_OF_RANGE/REVISION_IN_FUTURE if `revision` > the current revision;
   * INVALID_ARGUMENT/REVISION_INVALID.
   */
  compact(revision: number): Promise<void>;

  /** Releases resources; open watches end with UNAVAILABLE/STORE_CLOSED; later calls fail the same way. Idempotent. */
  close(): Promise<void>;
}
