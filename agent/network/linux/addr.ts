// Address arithmetic the planners need (IPv4 masks, CIDR containment) and the strict
// syntax checks that keep user data from ever reaching an nft script or a dnsmasq
// file unvalidated. Pure.
import { isIPv4, isIPv6 } from 'node:net';
import { invalidArgument } from '../../../common/errors.ts';

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

export function checkMac(mac: string, what: string): string {
  const m = String(mac).toLowerCase();
  if (!MAC.test(m)) throw invalidArgument('INVALID_MAC', `${what}: ${JSON.stringify(mac)} is not a MAC address`);
  return m;
}

export function checkIp(ip: string, what: string): string {
  if (!isIPv4(ip) && !isIPv6(ip))
    throw invalidArgument('INVALID_IP', `${what}: ${JSON.stringify(ip)} is not an IP address`);
  return ip;
}

/**
 * An address in one spelling (IPv6 compressed and in lower case, as the WHATWG URL
 * parser writes it), so a desired address and one read back from nft compare equal.
 */
export function canonicalIp(ip: string, what: string): string {
  const checked = checkIp(ip, what);
  if (!isIPv6(checked)) return checked;
  // A scoped address (`fe80::1%eth0`) names no host on the underlay, and nft has no spelling for it.
  if (checked.includes('%')) throw invalidArgument('INVALID_IP', `${what}: ${JSON.stringify(ip)} is a scoped address`);
  return new URL(`http://[${checked}]/`).hostname.slice(1, -1);
}

export function checkIpv4(ip: string, what: string): string {
  if (!isIPv4(ip)) throw invalidArgument('INVALID_IP', `${what}: ${JSON.stringify(ip)} is not an IPv4 address`);
  return ip;
}

export interface Cidr {
  family: 4 | 6;
  address: string;
  prefix: number;
}

export function parseCidr(cidr: string, what: string): Cidr {
  const [address = '', len, extra] = String(cidr).split('/');
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : 0;
  const prefix = Number(len);
  if (family === 0 || extra !== undefined || !/^\d{1,3}$/.test(len ?? '') || prefix > (family === 4 ? 32 : 128)) {
    throw invalidArgument('INVALID_CIDR', `${what}: ${JSON.stringify(cidr)} is not a CIDR`);
  }
  return { family, address, prefix };
}

export const ipv4ToInt = (ip: string): number => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
export const intToIpv4 = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

function maskInt(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff - (2 ** (32 - prefix) - 1)) >>> 0;
}

export const netmask = (prefix: number): string => intToIpv4(maskInt(prefix));

/** The network address of an IPv4 CIDR (`10.0.0.5/24` → `10.0.0.0`). */
export function ipv4Network(c: Cidr): string {
  return intToIpv4((ipv4ToInt(c.address) & maskInt(c.prefix)) >>> 0);
}

export function ipv4InCidr(ip: string, c: Cidr): boolean {
  const m = maskInt(c.prefix);
  return (ipv4ToInt(ip) & m) >>> 0 === (ipv4ToInt(c.address) & m) >>> 0;
}

/**
 * Canonical, non-overlapping CIDR lists per family: nft refuses overlapping intervals in
 * one set, and a canonical form keeps rendered rules (and so their hashes) stable.
 */
export function normalizeCidrs(cidrs: readonly string[], what: string): { v4: string[]; v6: string[] } {
  const v4: Cidr[] = [];
  const v6 = new Set<string>();
  for (const raw of cidrs) {
    const c = parseCidr(raw.includes('/') ? raw : `${raw}/${isIPv6(raw) ? 128 : 32}`, what);
    if (c.family === 6) v6.add(`${c.address.toLowerCase()}/${c.prefix}`);
    else v4.push({ family: 4, address: ipv4Network(c), prefix: c.prefix });
  }
  v4.sort((a, b) => a.prefix - b.prefix || ipv4ToInt(a.address) - ipv4ToInt(b.address));
  const kept: Cidr[] = [];
  for (const c of v4) if (!kept.some((k) => ipv4InCidr(c.address, k))) kept.push(c);
  kept.sort((a, b) => ipv4ToInt(a.address) - ipv4ToInt(b.address) || a.prefix - b.prefix);
  return { v4: kept.map((c) => `${c.address}/${c.prefix}`), v6: [...v6].sort() };
}

const IFNAME = /^[A-Za-z0-9_.-]{1,15}$/;

export function checkIfname(name: string, what: string): string {
  if (!IFNAME.test(String(name))) {
    throw invalidArgument('INVALID_INTERFACE_NAME', `${what}: ${JSON.stringify(name)} is not a valid interface name`);
  }
  return name;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

export function checkId(id: string, what: string): string {
  if (!ID.test(String(id))) throw invalidArgument('INVALID_ID', `${what}: ${JSON.stringify(id)} is not a valid id`);
  return id;
}

const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function checkHostname(name: string, what: string): string {
  if (!LABEL.test(String(name))) {
    throw invalidArgument('INVALID_HOSTNAME', `${what}: ${JSON.stringify(name)} is not a DNS label`);
  }
  return name;
}
