// Key and prefix rules shared by every backend (pure). Keys sort by UTF-8 bytes,
// which equals code point order; prefixEnd() relies on that.
import { invalid } from './errors.ts';
import { STORE_LIMITS } from './store.ts';

// Control characters are refused so that `key + '\x01'` is the smallest string
// sorting after `key` among valid keys (used for page tokens), and so keys stay
// printable in logs. Lone surrogates cannot be encoded as UTF-8 at all.
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function problem(s: string): string | undefined {
  if (!s.startsWith('/')) return "must start with '/'";
  if (hasControl(s) || !s.isWellFormed()) return 'must not contain control characters or unpaired surrogates';
  if (Buffer.byteLength(s, 'utf8') > STORE_LIMITS.maxKeyBytes)
    return `must be at most ${STORE_LIMITS.maxKeyBytes} bytes`;
  return undefined;
}

export function validateKey(key: unknown): string {
  if (typeof key !== 'string') throw invalid('KEY_INVALID', 'key must be a string');
  const p = key === '/' ? 'must name something below /' : problem(key);
  if (p !== undefined) throw invalid('KEY_INVALID', `key ${JSON.stringify(key)} ${p}`, { key });
  return key;
}

/** '' (everything) or a string starting with '/'. */
export function validatePrefix(prefix: unknown): string {
  if (typeof prefix !== 'string') throw invalid('PREFIX_INVALID', 'prefix must be a string');
  if (prefix === '') return prefix;
  const p = problem(prefix);
  if (p !== undefined) throw invalid('PREFIX_INVALID', `prefix ${JSON.stringify(prefix)} ${p}`, { prefix });
  return prefix;
}

/**
 * The smallest string greater than every string that starts with `prefix`
 * (exclusive upper bound of a range scan), or undefined for '' (no bound).
 */
export function prefixEnd(prefix: string): string | undefined {
  const cps = Array.from(prefix, (c) => c.codePointAt(0) as number);
  while (cps.length > 0) {
    const last = cps.pop() as number;
    if (last < 0x10ffff) {
      // Skip the surrogate block: those code points are not valid scalar values.
      cps.push(last + 1 === 0xd800 ? 0xe000 : last + 1);
      return String.fromCodePoint(...cps);
    }
  }
  return undefined;
}

/** The smallest valid key greater than `key` (valid keys contain no control characters). */
export function keyAfter(key: string): string {
  return key + '\u0001';
}
