// Choosing the underlay subnet of a simulated cluster: a private /24 that no address of
// the root namespace overlaps, so parallel clusters (and the machine's own network) never
// share a route. Pure arithmetic plus one look at the root namespace's addresses.
import { unavailable } from '../../common/errors.ts';
import { rootIpv4Prefixes } from './host-plumbing.ts';

export interface UnderlayPlan {
  /** e.g. `10.213.7.0`. */
  network: string;
  prefixLength: number;
  /** The root namespace's address on the cluster bridge. */
  bridgeIp: string;
  hostIp(n: number): string;
}

const toInt = (ip: string): number => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
const toIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** Two prefixes overlap when they agree on the bits of the shorter one. */
export function overlaps(a: string, b: string): boolean {
  const [ipA = '', lenA = '32'] = a.split('/');
  const [ipB = '', lenB = '32'] = b.split('/');
  const len = Math.min(Number(lenA), Number(lenB));
  const size = 2 ** (32 - len);
  return Math.floor(toInt(ipA) / size) === Math.floor(toInt(ipB) / size);
}

/** Candidate /24s in 10.200.0.0–10.239.255.0, starting at one derived from the cluster id. */
export function planUnderlay(clusterId: string, taken: readonly string[]): UnderlayPlan {
  const start = Number.parseInt(clusterId, 16) % (40 * 256);
  for (let i = 0; i < 40 * 256; i++) {
    const k = (start + i) % (40 * 256);
    const network = `10.${200 + Math.floor(k / 256)}.${k % 256}.0`;
    const cidr = `${network}/24`;
    if (taken.some((t) => overlaps(t, cidr))) continue;
    const base = toInt(network);
    return {
      network,
      prefixLength: 24,
      bridgeIp: toIp(base + 1),
      hostIp: (n) => {
        if (n < 0 || n > 200) throw new RangeError(`host index ${n} out of 0..200`);
        return toIp(base + 10 + n);
      },
    };
  }
  throw unavailable('SIM_HOST_NO_SUBNET', 'no free /24 left in 10.200.0.0/13');
}

export async function pickUnderlaySubnet(clusterId: string): Promise<UnderlayPlan> {
  return planUnderlay(clusterId, await rootIpv4Prefixes());
}
