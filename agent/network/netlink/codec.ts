// Pure conversions between strato's plain data (strings) and the byte forms the
// kernel uses (MAC and IP buffers, big-endian ports), plus input validation, so
// bad input fails before anything reaches the kernel.
import { isIPv4, isIPv6 } from 'node:net';
import { invalidArgument } from '../../../common/errors.ts';

export const IFNAMSIZ = 16;

/** Linux interface names: 1–15 bytes, no '/', ':' or whitespace, not '.'/'..'. */
export function checkIfname(name: unknown, what = 'interface name'): string {
  if (typeof name !== 'string' || name.length === 0 || Buffer.byteLength(name) >= IFNAMSIZ) {
    throw invalidArgument('INVALID_IFNAME', `${what} must be 1 to 15 bytes, got ${JSON.stringify(name)}`);
  }
  if (/[/:\s]/.test(name) || name === '.' || name === '..') {
    throw invalidArgument('INVALID_IFNAME', `${what} ${JSON.stringify(name)} contains a forbidden character`);
  }
  return name;
}

/** Named network namespaces are files in /run/netns. */
export function checkNamespaceName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255 || name.includes('/') || name.includes('\0')) {
    throw invalidArgument('INVALID_NAMESPACE', `namespace name ${JSON.stringify(name)} is not a valid file name`);
  }
  if (name === '.' || name === '..') throw invalidArgument('INVALID_NAMESPACE', `namespace name ${name} is reserved`);
  return name;
}

const SYSCTL = /^[a-z0-9_]+(\/[A-Za-z0-9_.-]+)+$/;

/** A /proc/sys path below /proc/sys (`net/ipv4/ip_forward`), nothing that climbs out. */
export function checkSysctlName(name: unknown): string {
  if (typeof name !== 'string' || !SYSCTL.test(name) || name.split('/').some((p) => p === '.' || p === '..')) {
    throw invalidArgument('INVALID_SYSCTL', `sysctl name ${JSON.stringify(name)} is not valid`);
  }
  return name;
}

export function checkMtu(mtu: unknown): number {
  if (typeof mtu !== 'number' || !Number.isInteger(mtu) || mtu < 68 || mtu > 65535) {
    throw invalidArgument('INVALID_MTU', `MTU must be an integer from 68 to 65535, got ${String(mtu)}`);
  }
  return mtu;
}

export function macToBuffer(mac: string): Buffer {
  if (!/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(mac)) {
    throw invalidArgument('INVALID_MAC', `MAC address ${JSON.stringify(mac)} is not of the form aa:bb:cc:dd:ee:ff`);
  }
  return Buffer.from(mac.replaceAll(':', ''), 'hex');
}

export function bufferToMac(buf: Uint8Array): string {
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join(':');
}

export interface IpBytes {
  family: 4 | 6;
  bytes: Buffer;
}

function ipv6ToBuffer(ip: string): Buffer {
  let text = ip;
  const tail: number[] = [];
  // An embedded dotted quad (::ffff:1.2.3.4) fills the last 32 bits.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1] !== undefined) {
    tail.push(...dotted[1].split('.').map(Number));
    text = text.slice(0, -dotted[1].length) + '0:0';
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const fill = rest === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right];
  const out = Buffer.alloc(16);
  for (const [i, g] of groups.entries()) out.writeUInt16BE(Number.parseInt(g, 16), i * 2);
  if (tail.length === 4) Buffer.from(tail).copy(out, 12);
  return out;
}

export function ipToBuffer(ip: string): IpBytes {
  if (isIPv4(ip)) return { family: 4, bytes: Buffer.from(ip.split('.').map(Number)) };
  if (isIPv6(ip)) return { family: 6, bytes: ipv6ToBuffer(ip) };
  throw invalidArgument('INVALID_IP', `${JSON.stringify(ip)} is not an IPv4 or IPv6 address`);
}

export function bufferToIp(buf: Uint8Array): string {
  if (buf.length === 4) return Array.from(buf).join('.');
  if (buf.length !== 16) return Buffer.from(buf).toString('hex');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((buf[i] ?? 0) << 8) | (buf[i + 1] ?? 0));
  // RFC 5952: compress the longest run (length ≥ 2) of zero groups.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

export interface Cidr extends IpBytes {
  address: string;
  prefixLength: number;
}

export function parseCidr(cidr: string): Cidr {
  const slash = cidr.lastIndexOf('/');
  if (slash < 0) throw invalidArgument('INVALID_CIDR', `${JSON.stringify(cidr)} lacks a /prefix length`);
  const address = cidr.slice(0, slash);
  const prefixText = cidr.slice(slash + 1);
  const ip = ipToBuffer(address);
  const prefixLength = Number(prefixText);
  const max = ip.family === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefixText) || prefixLength > max) {
    throw invalidArgument('INVALID_CIDR', `prefix length in ${JSON.stringify(cidr)} must be 0 to ${max}`);
  }
  return { ...ip, address, prefixLength };
}

export function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalidArgument('INVALID_PORT', `UDP port must be 1 to 65535, got ${port}`);
  }
  return port;
}

export function checkVni(vni: number): number {
  if (!Number.isInteger(vni) || vni < 1 || vni > 0xffffff) {
    throw invalidArgument('INVALID_VNI', `VNI must be 1 to 16777215, got ${vni}`);
  }
  return vni;
}

export function u16be(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
}

/** RFC 2863 operational states, as IFLA_OPERSTATE numbers them. */
const OPER_STATES = ['unknown', 'notpresent', 'down', 'lowerlayerdown', 'testing', 'dormant', 'up'];

export function operStateName(value: number | undefined): string {
  return OPER_STATES[value ?? 0] ?? 'unknown';
}
