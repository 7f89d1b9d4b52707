// Checks of call arguments shared by every backend (pure), so that bad input gets
// the same INVALID_ARGUMENT everywhere and is refused before anything is touched.
import { invalid } from './errors.ts';
import { validateKey } from './keys.ts';
import { type Compare, type Op, STORE_LIMITS } from './store.ts';
import { encodeValue } from './values.ts';

export function validateLimit(limit: unknown): number {
  if (limit === undefined) return STORE_LIMITS.defaultPageSize;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > STORE_LIMITS.maxPageSize) {
    throw invalid('LIMIT_INVALID', `limit must be an integer from 1 to ${STORE_LIMITS.maxPageSize}`, {
      limit: String(limit),
    });
  }
  return limit;
}

export function validateRevision(revision: unknown, what: string): number {
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
    throw invalid('REVISION_INVALID', `${what} must be a non-negative integer`, { [what]: String(revision) });
  }
  return revision;
}

/** An op with its value already encoded as JSON text. */
export type CheckedOp =
  | { kind: 'put' | 'create'; key: string; value: unknown; json: string }
  | { kind: 'delete'; key: string };

export function validateTxn(compares: unknown, ops: unknown): { compares: Compare[]; ops: CheckedOp[] } {
  if (!Array.isArray(compares) || !Array.isArray(ops)) throw invalid('TXN_INVALID', 'compares and ops must be arrays');
  // Create ops count as compares too: on etcd each becomes one (createRevision = 0).
  const creates = ops.filter((o: Op) => o?.kind === 'create').length;
  if (compares.length + creates > STORE_LIMITS.maxTxnOps || ops.length > STORE_LIMITS.maxTxnOps) {
    throw invalid(
      'TXN_INVALID',
      `a transaction holds at most ${STORE_LIMITS.maxTxnOps} ops and ${STORE_LIMITS.maxTxnOps} compares (create ops included)`,
    );
  }
  const checkedCompares = compares.map((c: Compare, i): Compare => {
    const key = validateKey(c?.key);
    if (c.kind === 'exists' || c.kind === 'absent') return { kind: c.kind, key };
    if (c.kind === 'modRevision')
      return { kind: c.kind, key, modRevision: validateRevision(c.modRevision, 'modRevision') };
    throw invalid('TXN_INVALID', `compare ${i} has unknown kind ${JSON.stringify((c as { kind?: unknown }).kind)}`);
  });
  const seen = new Set<string>();
  const checkedOps = ops.map((o: Op, i): CheckedOp => {
    const key = validateKey(o?.key);
    if (seen.has(key)) throw invalid('TXN_INVALID', `key ${key} appears in more than one op`, { key });
    seen.add(key);
    if (o.kind === 'delete') return { kind: 'delete', key };
    if (o.kind === 'put' || o.kind === 'create')
      return { kind: o.kind, key, value: o.value, json: encodeValue(o.value, key) };
    throw invalid('TXN_INVALID', `op ${i} has unknown kind ${JSON.stringify((o as { kind?: unknown }).kind)}`);
  });
  return { compares: checkedCompares, ops: checkedOps };
}
