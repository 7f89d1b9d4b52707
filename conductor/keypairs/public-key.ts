// OpenSSH public keys ("<type> <base64 blob> [comment]", an authorized_keys
// line without options): parsed, checked and written back in canonical form.
// The blob is decoded field by field and the key itself is handed to
// node:crypto (OpenSSL), which refuses what is not a real key (an Ed25519 key
// of the wrong length, an ECDSA point off the curve, a malformed RSA modulus).
// Accepted: ssh-ed25519, ssh-rsa of 2048 to 16384 bits, ecdsa-sha2-nistp256.
// The comment reaches the guest's authorized_keys, so it is sanitised: no
// control characters (a newline would start another key), one space between
// words, at most COMMENT_MAX characters.
import { createHash, createPublicKey } from 'node:crypto';
import { invalidArgument, isStratoError, type StratoError } from '../../common/errors.ts';
import { mpintMagnitude, WireReader } from './ssh-wire.ts';

export const KEY_TYPES = ['ssh-ed25519', 'ssh-rsa', 'ecdsa-sha2-nistp256'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** The longest public key line accepted (an RSA 16384-bit key is about 2,800 characters). */
export const PUBLIC_KEY_MAX = 8192;
export const COMMENT_MAX = 255;
export const RSA_MIN_BITS = 2048;
export const RSA_MAX_BITS = 16384;

export interface PublicKey {
  type: KeyType;
  /** The decoded key blob (what the fingerprint hashes). */
  blob: Buffer;
  comment: string;
  /** Key size in bits (256 for Ed25519 and P-256). */
  bits: number;
}

const bad = (why: string): StratoError =>
  invalidArgument('PUBLIC_KEY_INVALID', `public_key ${why}`, { details: { field: 'public_key' } });

const b64url = (b: Buffer) => b.toString('base64url');

/** Decodes the blob and proves it is a key of its type. */
function checkBlob(type: KeyType, blob: Buffer): number {
  const r = new WireReader(blob);
  try {
    if (r.string() !== type) throw bad(`says ${type} but its blob holds another key type`);
    let bits: number;
    if (type === 'ssh-ed25519') {
      const x = r.bytes();
      if (x.length !== 32) throw bad('is not an Ed25519 key (its key is not 32 bytes)');
      createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(x) }, format: 'jwk' });
      bits = 256;
    } else if (type === 'ssh-rsa') {
      const e = mpintMagnitude(r.bytes());
      const n = mpintMagnitude(r.bytes());
      bits = n.length === 0 ? 0 : (n.length - 1) * 8 + (32 - Math.clz32(n[0]!));
      if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
        throw bad(`is an RSA key of ${bits} bits; ${RSA_MIN_BITS} to ${RSA_MAX_BITS} bits are accepted`);
      }
      if (e.length === 0 || e.length > 8 || (e[e.length - 1]! & 1) === 0) throw bad('has an invalid RSA exponent');
      createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(e) }, format: 'jwk' });
    } else {
      if (r.string() !== 'nistp256') throw bad('is not a nistp256 ECDSA key');
      const q = r.bytes();
      if (q.length !== 65 || q[0] !== 4) throw bad('is not an uncompressed P-256 point');
      const point = { x: b64url(q.subarray(1, 33)), y: b64url(q.subarray(33)) };
      createPublicKey({ key: { kty: 'EC', crv: 'P-256', ...point }, format: 'jwk' });
      bits = 256;
    }
    if (!r.done) throw bad('has bytes after the key');
    return bits;
  } catch (err) {
    if (isStratoError(err)) throw err;
    // A truncated blob, or OpenSSL refusing the key material.
    throw bad(`is not a valid ${type} key`);
  }
}

/** Control characters and Unicode line or paragraph separators out, whitespace runs to one space, bounded. */
export function sanitizeComment(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what must not reach authorized_keys
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, COMMENT_MAX)
      .trim()
  );
}

/**
 * A public key as a user gives it (one line; surrounding whitespace ignored).
 * Errors: INVALID_ARGUMENT/PUBLIC_KEY_INVALID naming the field public_key
 * (never quoting the input).
 */
export function parsePublicKey(text: string): PublicKey {
  if (text.length > PUBLIC_KEY_MAX) throw bad(`is ${text.length} characters; at most ${PUBLIC_KEY_MAX}`);
  const line = text.trim();
  if (/[\r\n]/.test(line)) throw bad('must be one line');
  const m = /^(\S+)\s+([A-Za-z0-9+/]+={0,2})(?:\s+(.*))?$/.exec(line);
  if (!m) throw bad('is not an OpenSSH public key ("<type> <base64 key> [comment]")');
  const type = m[1] as KeyType;
  if (!KEY_TYPES.includes(type)) throw bad(`type must be one of ${KEY_TYPES.join(', ')}`);
  const blob = Buffer.from(m[2]!, 'base64');
  const bits = checkBlob(type, blob);
  return { type, blob, comment: sanitizeComment(m[3] ?? ''), bits };
}

/** The canonical line: type, base64 blob and (sanitised) comment. */
export function formatPublicKey(k: Pick<PublicKey, 'type' | 'blob' | 'comment'>): string {
  return `${k.type} ${k.blob.toString('base64')}${k.comment ? ` ${k.comment}` : ''}`;
}

/** OpenSSH's fingerprint (ssh-keygen -l): SHA256: and the digest of the blob in unpadded base64. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
