// Whether an address stays on this machine: listeners and endpoints that may
// go without TLS must (a plain-text API reachable from the network would hand
// out passwords and tokens to anyone on the path).
import { isIP } from 'node:net';

/** The host of `host:port`, `[v6]:port`, `v6` or `host`. */
export function hostOf(address: string): string {
  const s = address.trim();
  const bracket = /^\[([^\]]*)\](?::\d*)?$/.exec(s);
  if (bracket) return bracket[1]!;
  if (isIP(s) === 6) return s;
  const colon = s.lastIndexOf(':');
  return colon >= 0 ? s.slice(0, colon) : s;
}

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped loopback) and `localhost`, with or without a port. */
export function isLoopbackAddress(address: string): boolean {
  const host = hostOf(address).toLowerCase();
  if (host === 'localhost') return true;
  const v4 = host.startsWith('::ffff:') ? host.slice(7) : host;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  // The URL parser writes an IPv6 address in its shortest form (0:0:0:0:0:0:0:1 is ::1).
  if (isIP(host) === 6) return new URL(`http://[${host}]/`).hostname === '[::1]';
  return false;
}
