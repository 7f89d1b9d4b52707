// Which store errors say the store itself is failing (a locked, full, read-only or
// closed database, a backend that does not answer), as opposed to a caller's
// mistake or a lost race that the store reported correctly (NOT_FOUND,
// ALREADY_EXISTS, ABORTED, INVALID_ARGUMENT, OUT_OF_RANGE).
import { type ErrorCode, isStratoError } from '../../common/errors.ts';

const STORE_FAULT_CODES: ReadonlySet<ErrorCode> = new Set(['UNAVAILABLE', 'INTERNAL', 'DATA_LOSS', 'UNKNOWN']);

/** Undefined when `err` is no fault of the store's; else a short reason (never the caller's input). */
export function storeFault(err: unknown): string | undefined {
  if (isStratoError(err)) return STORE_FAULT_CODES.has(err.code) ? err.reason : undefined;
  // node:sqlite errors carry SQLite's own short text ('database is locked', 'disk I/O error').
  const e = err as { errstr?: unknown; code?: unknown } | null;
  if (typeof e?.errstr === 'string') return e.errstr.slice(0, 80);
  if (typeof e?.code === 'string') return e.code.slice(0, 80);
  return 'unexpected error';
}
