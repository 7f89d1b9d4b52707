// Bearer tokens: 32 random bytes, base64url (43 characters). Only the sha256 of a
// token is stored, so a copy of the store grants nobody access.
import { createHash, randomBytes } from 'node:crypto';
import type { TokenRecord } from './model.ts';

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export interface NewToken {
  token: string;
  hash: string;
}

export function newToken(): NewToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check, so garbage never reaches the store. */
export function looksLikeToken(token: string): boolean {
  return TOKEN_RE.test(token);
}

export function isExpired(record: Pick<TokenRecord, 'expiresAtMs'>, nowMs: number): boolean {
  return nowMs >= record.expiresAtMs;
}

/** One hour, as Keystone's default; conductors set their own (--token-ttl-s). */
export const DEFAULT_TOKEN_TTL_MS = 60 * 60 * 1000;
