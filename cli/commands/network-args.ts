// Parsers for the networking commands' flag values. They check syntax only
// (an IPv4 address, a CIDR, key=value lists, port numbers) and throw
// commander's InvalidArgumentError, which the CLI reports as a usage error
// (exit 2) before any call. Whether a CIDR is canonical, a pool lies in its
// subnet or an address is free is the conductor's call: its errors are more
// precise than anything the CLI could guess.
import { InvalidArgumentError } from 'commander';
import type { AllocationPool } from '../../common/gen/strato/network/v1/AllocationPool.ts';
import type { FixedIpRequest } from '../../common/gen/strato/network/v1/FixedIpRequest.ts';

// A regex rather than node:net's isIPv4: loading node:net costs every command
// (even `--help`) a few milliseconds of start-up.
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const isIPv4 = (s: string): boolean => IPV4_RE.test(s);

export function ipv4(value: string): string {
  const v = value.trim();
  if (!isIPv4(v)) throw new InvalidArgumentError(`${JSON.stringify(value)} is not an IPv4 address`);
  return v;
}

/** A Linux interface name (what a flat network's bridge must be). */
export function ifname(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,15}$/.test(value)) {
    throw new InvalidArgumentError(`${JSON.stringify(value)} is not an interface name (1-15 of A-Z a-z 0-9 _ . -)`);
  }
  return value;
}

export function mac(value: string): string {
  const v = value.trim().toLowerCase();
  if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(v)) {
    throw new InvalidArgumentError(`${JSON.stringify(value)} is not a MAC address such as fa:16:3e:00:00:01`);
  }
  return v;
}

/** a.b.c.d/n; host bits are left for the conductor to judge (it names the canonical form). */
export function cidr(value: string): string {
  const v = value.trim();
  const m = /^([^/]+)\/(\d{1,2})$/.exec(v);
  if (!m || !isIPv4(m[1] ?? '') || Number(m[2]) > 32) {
    throw new InvalidArgumentError(`${JSON.stringify(value)} is not an IPv4 CIDR such as 10.0.0.0/24`);
  }
  return v;
}

/** A CIDR or a bare address (the conductor makes it a /32). */
export function remoteIp(value: string): string {
  return value.includes('/') ? cidr(value) : ipv4(value);
}

/** --gateway: an address or "none". */
export function gateway(value: string): string {
  return value.trim().toLowerCase() === 'none' ? 'none' : ipv4(value);
}

/** `k1=v1,k2=v2`, every key one of `allowed` (aliases map to a canonical key), none twice. */
export function keyValues(value: string, allowed: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const names = [...new Set(Object.keys(allowed))].join(', ');
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new InvalidArgumentError(`expected key=value pairs (keys: ${names}), got ${JSON.stringify(part)}`);
    const key = allowed[part.slice(0, eq).trim()];
    if (!key) throw new InvalidArgumentError(`unknown key ${JSON.stringify(part.slice(0, eq))} (keys: ${names})`);
    if (key in out) throw new InvalidArgumentError(`${key} given twice`);
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** --allocation-pool start=A,end=B (repeatable). */
export function allocationPool(value: string, previous: AllocationPool[] | undefined): AllocationPool[] {
  const kv = keyValues(value, { start: 'start', end: 'end' });
  if (kv['start'] === undefined || kv['end'] === undefined) {
    throw new InvalidArgumentError('needs both start= and end=');
  }
  const start = ipv4(kv['start']);
  const end = ipv4(kv['end']);
  if (ipToInt(start) > ipToInt(end)) throw new InvalidArgumentError(`start ${start} is after end ${end}`);
  return [...(previous ?? []), { start, end }];
}

/** --fixed-ip ip=A[,subnet=S] or subnet=S (repeatable); ip-address= as in OpenStack's client. */
export function fixedIp(value: string, previous: FixedIpRequest[] | undefined): FixedIpRequest[] {
  const kv = keyValues(value, { ip: 'ip', 'ip-address': 'ip', ip_address: 'ip', subnet: 'subnet' });
  const entry: FixedIpRequest = {};
  if (kv['ip'] !== undefined) entry.ipAddress = ipv4(kv['ip']);
  if (kv['subnet'] !== undefined) {
    if (!kv['subnet']) throw new InvalidArgumentError('subnet= must not be empty');
    entry.subnet = kv['subnet'];
  }
  if (!entry.ipAddress && !entry.subnet) throw new InvalidArgumentError('needs ip= or subnet=');
  return [...(previous ?? []), entry];
}

export interface PortRange {
  min: number;
  max: number;
}

function portNumber(s: string, what: string): number {
  if (!/^\d{1,5}$/.test(s)) throw new InvalidArgumentError(`${what} ${JSON.stringify(s)} is not a port number`);
  const n = Number(s);
  if (n < 1 || n > 65535) throw new InvalidArgumentError(`${what} ${n} is outside 1-65535`);
  return n;
}

/** --dst-port 22 or 22:23 (OpenStack's client also accepts 22:23). */
export function portRange(value: string): PortRange {
  const parts = value.trim().split(':');
  if (parts.length > 2) throw new InvalidArgumentError(`expected PORT or MIN:MAX, got ${JSON.stringify(value)}`);
  const min = portNumber(parts[0] ?? '', 'port');
  const max = parts.length === 2 ? portNumber(parts[1] ?? '', 'port') : min;
  if (min > max) throw new InvalidArgumentError(`range ${min}:${max} is backwards`);
  return { min, max };
}

/** --icmp-type / --icmp-code: 0-255. */
export function icmpValue(value: string): number {
  if (!/^\d{1,3}$/.test(value.trim()) || Number(value) > 255) throw new InvalidArgumentError('must be 0-255');
  return Number(value);
}
