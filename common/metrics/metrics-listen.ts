// The `--metrics-listen` setting both daemons share: HOST:PORT to serve
// Prometheus metrics on, or empty / `off` for no endpoint. Hosts are IP
// literals or `localhost` (an IPv6 one in brackets): the endpoint has no
// authentication, so it binds exactly where the operator says, nowhere else.
import { isIP } from 'node:net';

export interface ListenAddress {
  /** Without brackets: `127.0.0.1`, `::1`, `localhost`. */
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

/** Undefined for '' and 'off'. Throws a TypeError saying what is wrong, without the flag's name (the caller adds it). */
export function parseMetricsListen(value: string): ListenAddress | undefined {
  const v = value.trim();
  if (v === '' || v.toLowerCase() === 'off') return undefined;
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+|localhost)):(\d{1,5})$/.exec(v);
  const host = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  const shown = JSON.stringify(v.slice(0, 64));
  if (host === undefined || (host !== 'localhost' && isIP(host) === 0)) {
    throw new TypeError(`must be IP:PORT ([IPv6]:PORT), localhost:PORT, or off; got ${shown}`);
  }
  if (m?.[1] !== undefined && isIP(host) !== 6) throw new TypeError(`brackets hold an IPv6 address; got ${shown}`);
  if (!(port <= 65535)) throw new TypeError(`port out of range in ${shown}`);
  return { host, port };
}

/** `127.0.0.1:9180`, `[::1]:9180`. */
export function formatListen(a: ListenAddress): string {
  return isIP(a.host) === 6 ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}
