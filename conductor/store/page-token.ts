// Page tokens are opaque to callers; inside they carry the last key returned, so
// the next page starts strictly after it (stable under concurrent writes: no key
// is returned twice, none is skipped that existed throughout the listing).
import { invalid } from './errors.ts';

const VERSION = 1;

export function encodePageToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: VERSION, k: lastKey }), 'utf8').toString('base64url');
}

/** Returns the last key of the previous page; the token must belong to `prefix`. */
export function decodePageToken(token: unknown, prefix: string): string {
  const bad = (why: string) => invalid('PAGE_TOKEN_INVALID', `page token is invalid: ${why}`);
  if (typeof token !== 'string' || token === '' || !/^[A-Za-z0-9_-]+$/.test(token)) throw bad('not a token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a token');
  }
  const p = parsed as { v?: unknown; k?: unknown } | null;
  if (p === null || typeof p !== 'object' || p.v !== VERSION || typeof p.k !== 'string') throw bad('not a token');
  if (!p.k.startsWith(prefix) || p.k === '') {
    throw bad('it belongs to another prefix');
  }
  return p.k;
}
