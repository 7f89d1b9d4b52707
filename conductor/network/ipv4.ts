// IPv4 address and CIDR arithmetic on plain numbers (pure). Addresses are
// unsigned 32-bit integers; every function here is total over its inputs and
// reports bad text as undefined or a problem string, so callers choose the error.

export interface Cidr {
  /** The network address (host bits clear). */
  network: number;
  prefix: number;
}

export interface Ipv4Range {
  /** Inclusive bounds. */
  start: number;
  end: number;
}

const OCTET = /^(?:0|[1-9][0-9]{0,2})$/;

/** '10.0.0.1' → 167772161; undefined for anything else (no leading zeros, no shorthand). */
export function parseIp(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!OCTET.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function formatIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The netmask of a prefix length as an unsigned number. */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export type CidrParse =
  | { ok: true; cidr: Cidr }
  | { ok: false; problem: 'syntax' }
  /** Well-formed but with host bits set; `canonical` is what was probably meant. */
  | { ok: false; problem: 'host-bits'; canonical: Cidr };

/** Parses 'a.b.c.d/n' strictly: the prefix is required and host bits must be clear. */
export function parseCidr(text: string): CidrParse {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, problem: 'syntax' };
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === undefined || !/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(prefixText)) return { ok: false, problem: 'syntax' };
  const prefix = Number(prefixText);
  const network = (ip & maskOf(prefix)) >>> 0;
  if (network !== ip) return { ok: false, problem: 'host-bits', canonical: { network, prefix } };
  return { ok: true, cidr: { network, prefix } };
}

/**
 * Parses a CIDR leniently, as security group rules take them: host bits are
 * cleared and a bare address is a /32. Undefined for bad syntax.
 */
export function parseCidrLenient(text: string): Cidr | undefined {
  if (!text.includes('/')) {
    const ip = parseIp(text);
    return ip === undefined ? undefined : { network: ip, prefix: 32 };
  }
  const r = parseCidr(text);
  if (r.ok) return r.cidr;
  return r.problem === 'host-bits' ? r.canonical : undefined;
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(c.network)}/${c.prefix}`;
}

export function cidrRange(c: Cidr): Ipv4Range {
  return { start: c.network, end: (c.network | ~maskOf(c.prefix)) >>> 0 };
}

export function broadcastOf(c: Cidr): number {
  return cidrRange(c).end;
}

/** The usable host addresses (network and broadcast excluded); valid for prefixes up to /30. */
export function hostRange(c: Cidr): Ipv4Range {
  const r = cidrRange(c);
  return { start: r.start + 1, end: r.end - 1 };
}

export function inRange(ip: number, r: Ipv4Range): boolean {
  return ip >= r.start && ip <= r.end;
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return inRange(ip, cidrRange(c));
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return rangesOverlap(cidrRange(a), cidrRange(b));
}

export function rangeSize(r: Ipv4Range): number {
  return r.end - r.start + 1;
}
