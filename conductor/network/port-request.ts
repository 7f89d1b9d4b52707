// What a port create asks for, checked against its network's subnets (pure):
// each requested address becomes either a fixed address on a known subnet or
// an automatic one from a list of candidate subnets.
import { echo, invalidArgument, StratoError } from '../../common/errors.ts';
import { checkFixedIp, nextFree, subnetMath } from './ipam.ts';
import { cidrContains, formatIp, parseIp } from './ipv4.ts';
import type { SubnetRecord } from './model.ts';

export type AddressWant =
  | { kind: 'fixed'; subnet: SubnetRecord; ip: number }
  /** The lowest free address of the first candidate that has one. */
  | { kind: 'auto'; candidates: SubnetRecord[] };

export interface ResolvedFixedIp {
  /** Already resolved (by id or name) and visible to the caller; undefined when not given. */
  subnet: SubnetRecord | undefined;
  /** '' when not given. */
  ipAddress: string;
}

/**
 * Turns requests into wants. No request = one automatic address from any subnet
 * (none at all on a network without subnets).
 * Errors: INVALID_ARGUMENT SUBNET_NOT_IN_NETWORK, IP_ADDRESS_INVALID,
 * IP_NOT_IN_SUBNET, IP_RESERVED, FIXED_IPS_CONFLICT, FIELD_REQUIRED.
 */
export function planAddressWants(
  networkId: string,
  subnets: SubnetRecord[],
  requests: ResolvedFixedIp[],
): AddressWant[] {
  if (requests.length === 0) return subnets.length === 0 ? [] : [{ kind: 'auto', candidates: subnets }];
  const seen = new Set<string>();
  return requests.map((r, i): AddressWant => {
    const field = `fixed_ips[${i}]`;
    if (r.subnet && r.subnet.networkId !== networkId) {
      throw invalidArgument('SUBNET_NOT_IN_NETWORK', `${field}: subnet ${r.subnet.id} is not on network ${networkId}`, {
        details: { field, subnet_id: r.subnet.id },
      });
    }
    if (r.ipAddress === '') {
      if (!r.subnet)
        throw invalidArgument('FIELD_REQUIRED', `${field} needs a subnet or an ip_address`, { details: { field } });
      return { kind: 'auto', candidates: [r.subnet] };
    }
    const parsed = parseIp(r.ipAddress);
    if (parsed === undefined) {
      throw invalidArgument('IP_ADDRESS_INVALID', `${field}.ip_address ${echo(r.ipAddress)} is not an IPv4 address`, {
        details: { field: `${field}.ip_address` },
      });
    }
    let subnet = r.subnet;
    if (!subnet) {
      subnet = subnets.find((s) => cidrContains(subnetMath(s).cidr, parsed));
      if (!subnet) {
        throw invalidArgument('IP_NOT_IN_SUBNET', `${field}: ${r.ipAddress} is in no subnet of network ${networkId}`, {
          details: { field, ip_address: r.ipAddress },
        });
      }
    }
    const ip = checkFixedIp(subnetMath(subnet), subnet.id, r.ipAddress);
    const key = `${subnet.id} ${ip}`;
    if (seen.has(key)) {
      throw invalidArgument('FIXED_IPS_CONFLICT', `${field}: ${formatIp(ip)} is requested twice`, {
        details: { field },
      });
    }
    seen.add(key);
    return { kind: 'fixed', subnet, ip };
  });
}

export interface ChosenAddress {
  subnetId: string;
  ip: number;
  /** Asked for by the caller (a collision is the caller's IP_IN_USE, not a retry). */
  fixed: boolean;
}

/**
 * Picks an address for every want, given what is taken on each subnet (store
 * allocations plus addresses that lost a race). Fixed addresses come first so an
 * automatic pick never takes one the same port asked for.
 * Errors: RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED.
 */
export function chooseAddresses(
  wants: AddressWant[],
  taken: (subnetId: string) => ReadonlySet<number>,
): ChosenAddress[] {
  const chosen: ChosenAddress[] = [];
  const mine = (subnetId: string) => new Set(chosen.filter((c) => c.subnetId === subnetId).map((c) => c.ip));
  for (const w of wants) if (w.kind === 'fixed') chosen.push({ subnetId: w.subnet.id, ip: w.ip, fixed: true });
  for (const w of wants) {
    if (w.kind !== 'auto') continue;
    let picked: ChosenAddress | undefined;
    for (const s of w.candidates) {
      const own = mine(s.id);
      const used = taken(s.id);
      const ip = nextFree(subnetMath(s), { has: (n: number) => used.has(n) || own.has(n) });
      if (ip !== undefined) {
        picked = { subnetId: s.id, ip, fixed: false };
        break;
      }
    }
    if (!picked) {
      const ids = w.candidates.map((s) => s.id).join(', ');
      throw new StratoError(
        'RESOURCE_EXHAUSTED',
        'IP_POOL_EXHAUSTED',
        `no free address left in the allocation pools of subnet ${ids}`,
        {
          details: { subnet_ids: ids },
        },
      );
    }
    chosen.push(picked);
  }
  return chosen;
}
