// Limits password guessing without letting a stranger lock a user out.
//
// Three counters of failed logins, each with exponential backoff once its free
// allowance is used (the wait doubles with every further failure, up to a cap):
// - per (user, source address): the ordinary case, one client guessing one
//   user's password; a success from that source clears it;
// - per source, whatever the user names: one client trying many users;
// - per user, all sources together: a user under a distributed attack. This
//   one slows only the sources that have themselves failed for that user: a
//   source with a clean record for the user is never held back by it, so the
//   user, typing the right password from their own machine, always gets in.
// A blocked attempt is refused before the password is checked (no oracle, no
// scrypt paid for it) and does not count as a failure.
//
// State is in memory, per conductor: losing it on a restart costs an attacker
// nothing worth having (a restart is rare and not theirs to cause), while
// writing every failure to the store would let anyone make the store write.
// With several conductors each keeps its own counts (the allowances multiply
// by their number). Counters are forgotten after a quiet period, and the maps
// are bounded (the least recently failed entries go first).
//
// Sources are IP addresses; an IPv6 address counts as its /64, which is what
// one client (one LAN, one provider's customer) holds.
import { isIPv6 } from 'node:net';
import { hostOf } from '../../common/loopback.ts';

export interface LoginLimits {
  /** Failures one source may make for one user before backoff. @default 5 */
  perUserSource: number;
  /** Failures one source may make for all users together before backoff. @default 20 */
  perSource: number;
  /** Failures for one user from all sources after which every source that failed for it backs off at once. @default 50 */
  perUser: number;
  /** The first wait; each further failure doubles it. @default 1000 */
  baseDelayMs: number;
  /** @default 15 min */
  maxDelayMs: number;
  /** A counter with no failure for this long starts over. @default 1 h */
  forgetAfterMs: number;
  /** Entries per map before the least recently failed are dropped. @default 100000 */
  maxEntries: number;
}

export const DEFAULT_LOGIN_LIMITS: Readonly<LoginLimits> = {
  perUserSource: 5,
  perSource: 20,
  perUser: 50,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 60 * 60 * 1000,
  maxEntries: 100_000,
};

interface Counter {
  failures: number;
  lastMs: number;
}

/** A user name as a map key: bounded, so unknown names of any length cost little. */
const userKey = (user: string) => user.slice(0, 64);

/** The source an address counts as: IPv4 as is (also when IPv4-mapped), IPv6 as its /64. */
export function sourceOf(remoteAddress: string): string {
  const host = hostOf(remoteAddress.trim().replace(/^ipv[46]:/, ''));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host);
  if (mapped) return mapped[1]!;
  if (!isIPv6(host)) return host;
  return `${expandIPv6(host).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(addr: string): string[] {
  const [head, tail] = addr.toLowerCase().split('::') as [string, string | undefined];
  const a = head === '' ? [] : head.split(':');
  const b = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array(Math.max(0, 8 - a.length - b.length)).fill('0');
  return [...a, ...fill, ...b].map((g) => g.replace(/^0+(?=.)/, ''));
}

class Counters {
  private readonly map = new Map<string, Counter>();
  private readonly limits: LoginLimits;

  constructor(limits: LoginLimits) {
    this.limits = limits;
  }

  get(key: string, nowMs: number): Counter | undefined {
    const c = this.map.get(key);
    if (c && nowMs - c.lastMs >= this.limits.forgetAfterMs) {
      this.map.delete(key);
      return undefined;
    }
    return c;
  }

  fail(key: string, nowMs: number): void {
    const c = this.get(key, nowMs) ?? { failures: 0, lastMs: nowMs };
    // Re-inserted so the map's order is least recently failed first.
    this.map.delete(key);
    this.map.set(key, { failures: c.failures + 1, lastMs: nowMs });
    while (this.map.size > this.limits.maxEntries) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  clear(key: string): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}

export class LoginLimiter {
  private readonly limits: LoginLimits;
  private readonly pairs: Counters;
  private readonly sources: Counters;
  private readonly users: Counters;

  constructor(limits: Partial<LoginLimits> = {}) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...limits };
    this.pairs = new Counters(this.limits);
    this.sources = new Counters(this.limits);
    this.users = new Counters(this.limits);
  }

  /** When a counter past its allowance lets the next attempt in (0 while within it). */
  private openAt(c: Counter | undefined, free: number): number {
    if (!c || c.failures < free) return 0;
    const doublings = Math.min(c.failures - free, 30);
    return c.lastMs + Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** doublings);
  }

  /** How long (ms) `source` must wait before trying `user` again; 0 = go ahead. */
  check(user: string, remoteAddress: string, nowMs: number): number {
    const source = sourceOf(remoteAddress);
    const pair = this.pairs.get(`${source} ${userKey(user)}`, nowMs);
    const underAttack = (this.users.get(userKey(user), nowMs)?.failures ?? 0) >= this.limits.perUser;
    const at = Math.max(
      this.openAt(pair, this.limits.perUserSource),
      this.openAt(this.sources.get(source, nowMs), this.limits.perSource),
      // A user under attack: sources that failed for it wait from their first failure.
      underAttack ? this.openAt(pair, 1) : 0,
    );
    return Math.max(0, at - nowMs);
  }

  failed(user: string, remoteAddress: string, nowMs: number): void {
    const source = sourceOf(remoteAddress);
    this.pairs.fail(`${source} ${userKey(user)}`, nowMs);
    this.sources.fail(source, nowMs);
    this.users.fail(userKey(user), nowMs);
  }

  /** The right password: this source's record for this user starts over (the others stay). */
  succeeded(user: string, remoteAddress: string): void {
    this.pairs.clear(`${sourceOf(remoteAddress)} ${userKey(user)}`);
  }

  /** Entries held, for tests of the bound. */
  size(): { pairs: number; sources: number; users: number } {
    return { pairs: this.pairs.size, sources: this.sources.size, users: this.users.size };
  }
}
