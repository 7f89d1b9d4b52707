// The one write path: every create, update, delete and txn is a transaction of
// compares and ops applied here, synchronously, inside BEGIN IMMEDIATE ... COMMIT.
// Nothing in between yields to the event loop, so concurrent callers in this
// process are serialised and a compare can never be stale when its op is applied.
import type { DatabaseSync } from 'node:sqlite';
import type { CheckedOp } from '../arguments.ts';
import type { Compare, Entry, FailedCompare, OpResult, TxnResult } from '../store.ts';
import { decodeValue } from '../values.ts';
import type { KvRow, Statements } from './statements.ts';

export function rowToEntry<T>(row: KvRow): Entry<T> {
  return {
    key: row.key,
    value: decodeValue<T>(row.value),
    createRevision: row.create_rev,
    modRevision: row.mod_rev,
    version: row.version,
  };
}

export function readMeta(st: Statements, name: 'revision' | 'compact_revision'): number {
  return (st.getMeta.get(name) as { value: number }).value;
}

function holds(c: Compare, row: KvRow | undefined): boolean {
  switch (c.kind) {
    case 'exists':
      return row !== undefined;
    case 'absent':
      return row === undefined;
    case 'modRevision':
      return row !== undefined && row.mod_rev === c.modRevision;
  }
}

function evaluate(compares: Compare[], ops: CheckedOp[], look: (key: string) => KvRow | undefined) {
  const failure = (source: FailedCompare['source'], index: number, key: string): FailedCompare => {
    const row = look(key);
    return { source, index, key, actual: { exists: row !== undefined, modRevision: row?.mod_rev ?? 0 } };
  };
  for (const [i, c] of compares.entries()) if (!holds(c, look(c.key))) return failure('compare', i, c.key);
  for (const [i, o] of ops.entries())
    if (o.kind === 'create' && look(o.key) !== undefined) return failure('op', i, o.key);
  return undefined;
}

function apply(st: Statements, rev: number, now: number, op: CheckedOp, prev: KvRow | undefined): OpResult {
  if (op.kind === 'delete') {
    if (prev === undefined) return { kind: 'delete', key: op.key, deleted: false };
    st.deleteKv.run(op.key);
    st.insertChange.run(rev, now, 'delete', op.key, null, prev.create_rev, 0, prev.value, prev.mod_rev);
    return { kind: 'delete', key: op.key, deleted: true, prev: rowToEntry(prev) };
  }
  const createRev = prev?.create_rev ?? rev;
  const version = (prev?.version ?? 0) + 1;
  if (prev === undefined) st.insertKv.run(op.key, op.json, createRev, rev, version);
  else st.updateKv.run(op.json, rev, version, op.key);
  st.insertChange.run(rev, now, 'put', op.key, op.json, createRev, version, prev?.value ?? null, prev?.mod_rev ?? null);
  const entry: Entry = {
    key: op.key,
    value: decodeValue(op.json),
    createRevision: createRev,
    modRevision: rev,
    version,
  };
  return { kind: op.kind, entry };
}

/** Applies a validated transaction; returns whether it committed a new revision, and the result. */
export function commitTxn(
  db: DatabaseSync,
  st: Statements,
  compares: Compare[],
  ops: CheckedOp[],
  now: number,
): { result: TxnResult; changed: boolean } {
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  try {
    // Read under the write lock, so even a second process on the same file could
    // not make two transactions share a revision.
    const revision = readMeta(st, 'revision');
    const cache = new Map<string, KvRow | undefined>();
    const look = (key: string): KvRow | undefined => {
      if (!cache.has(key)) cache.set(key, st.getKv.get(key) as KvRow | undefined);
      return cache.get(key);
    };
    const failed = evaluate(compares, ops, look);
    if (failed !== undefined) return { result: { succeeded: false, revision, failed }, changed: false };
    const rev = revision + 1;
    const results = ops.map((op) => apply(st, rev, now, op, look(op.key)));
    const changed = results.some((r) => r.kind !== 'delete' || r.deleted);
    if (!changed) return { result: { succeeded: true, revision, results }, changed: false };
    st.setMeta.run(rev, 'revision');
    db.exec('COMMIT');
    open = false;
    return { result: { succeeded: true, revision: rev, results }, changed: true };
  } finally {
    // Reached with the transaction still open on failure, on a failed compare and on
    // a no-op: nothing of it may stay.
    if (open) db.exec('ROLLBACK');
  }
}
