// IP address management (pure): subnet validation with its gateway and pools,
// overlap detection, fixed-address checks and the choice of the next free
// address. Store access lives in ip-allocator.ts.
//
// Decisions (as Neutron does unless said otherwise):
// - A subnet CIDR with host bits set is refused, naming the canonical form
//   (Neutron's validate_subnet does the same), rather than silently normalised:
//   "10.0.0.5/24" is more often a typo than a wish.
// - Prefixes /1 to /30: a /31 or /32 has no address left for a port once the
//   network and broadcast addresses are excluded (RFC 3021 is not supported).
// - Overlap with another subnet of the same network is FAILED_PRECONDITION
//   (SUBNET_OVERLAP): the request is well-formed, the existing state forbids it.
// - The gateway defaults to the first host address, is reserved, and may not lie
//   inside an allocation pool.
import { echo, failedPrecondition, invalidArgument, StratoError } from '../../common/errors.ts';
import {
  type Cidr,
  cidrContains,
  cidrRange,
  cidrsOverlap,
  formatCidr,
  formatIp,
  hostRange,
  type Ipv4Range,
  inRange,
  parseCidr,
  parseIp,
  rangesOverlap,
} from './ipv4.ts';
import type { AllocationPool, SubnetRecord } from './model.ts';

export const MIN_PREFIX = 1;
export const MAX_PREFIX = 30;
export const MAX_DNS_SERVERS = 5;
export const MAX_POOLS = 16;

export interface SubnetRequest {
  cidr: string;
  /** '' = first host; 'none' = no gateway. */
  gatewayIp: string;
  allocationPools: AllocationPool[];
  dnsServers: string[];
}

export interface PlannedSubnet {
  cidr: string;
  gatewayIp: string;
  allocationPools: AllocationPool[];
  dnsServers: string[];
}

/** Parses and checks a subnet CIDR. Errors: INVALID_ARGUMENT CIDR_INVALID, CIDR_HOST_BITS_SET, CIDR_PREFIX_INVALID. */
export function parseSubnetCidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok && r.problem === 'host-bits') {
    const suggested = formatCidr(r.canonical);
    throw invalidArgument('CIDR_HOST_BITS_SET', `cidr ${text} has host bits set; did you mean ${suggested}?`, {
      details: { field: 'cidr', suggested },
    });
  }
  if (!r.ok) {
    throw invalidArgument('CIDR_INVALID', `cidr ${echo(text)} is not an IPv4 CIDR like 10.0.0.0/24`, {
      details: { field: 'cidr' },
    });
  }
  if (r.cidr.prefix < MIN_PREFIX || r.cidr.prefix > MAX_PREFIX) {
    throw invalidArgument(
      'CIDR_PREFIX_INVALID',
      `cidr ${text}: the prefix length must be /${MIN_PREFIX} to /${MAX_PREFIX}`,
      { details: { field: 'cidr' } },
    );
  }
  return r.cidr;
}

function ipField(field: string, text: string, reason: string): number {
  const ip = parseIp(text);
  if (ip === undefined)
    throw invalidArgument(reason, `${field} ${echo(text)} is not an IPv4 address`, { details: { field } });
  return ip;
}

/** The gateway: undefined for 'none'. Errors: INVALID_ARGUMENT/GATEWAY_INVALID. */
export function planGateway(cidr: Cidr, text: string): number | undefined {
  if (text === 'none') return undefined;
  const hosts = hostRange(cidr);
  if (text === '') return hosts.start;
  const gw = ipField('gateway_ip', text, 'GATEWAY_INVALID');
  if (!inRange(gw, hosts)) {
    throw invalidArgument('GATEWAY_INVALID', `gateway_ip ${text} is not a host address of ${formatCidr(cidr)}`, {
      details: { field: 'gateway_ip' },
    });
  }
  return gw;
}

/** Every host address but the gateway, as one or two ranges. */
export function defaultPools(cidr: Cidr, gateway: number | undefined): Ipv4Range[] {
  const hosts = hostRange(cidr);
  if (gateway === undefined) return [hosts];
  const pools: Ipv4Range[] = [];
  if (gateway > hosts.start) pools.push({ start: hosts.start, end: gateway - 1 });
  if (gateway < hosts.end) pools.push({ start: gateway + 1, end: hosts.end });
  return pools;
}

/**
 * Checks requested pools: inside the host range, start <= end, not overlapping
 * each other, not containing the gateway. Returns them sorted.
 * Errors: INVALID_ARGUMENT POOL_INVALID, POOL_OVERLAP, POOL_CONTAINS_GATEWAY.
 */
export function validatePools(cidr: Cidr, gateway: number | undefined, pools: AllocationPool[]): Ipv4Range[] {
  if (pools.length > MAX_POOLS) {
    throw invalidArgument('POOL_INVALID', `at most ${MAX_POOLS} allocation_pools`, {
      details: { field: 'allocation_pools' },
    });
  }
  const hosts = hostRange(cidr);
  const ranges = pools.map((p, i) => {
    const field = `allocation_pools[${i}]`;
    const start = ipField(`${field}.start`, p.start, 'POOL_INVALID');
    const end = ipField(`${field}.end`, p.end, 'POOL_INVALID');
    if (start > end)
      throw invalidArgument('POOL_INVALID', `${field}: start ${p.start} is after end ${p.end}`, { details: { field } });
    if (!inRange(start, hosts) || !inRange(end, hosts)) {
      throw invalidArgument(
        'POOL_INVALID',
        `${field} ${p.start}-${p.end} is not within the host addresses of ${formatCidr(cidr)}`,
        {
          details: { field },
        },
      );
    }
    if (gateway !== undefined && inRange(gateway, { start, end })) {
      throw invalidArgument(
        'POOL_CONTAINS_GATEWAY',
        `${field} ${p.start}-${p.end} contains the gateway ${formatIp(gateway)}`,
        {
          details: { field },
        },
      );
    }
    return { start, end };
  });
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (rangesOverlap(prev, cur)) {
      throw invalidArgument(
        'POOL_OVERLAP',
        `allocation pools ${formatIp(prev.start)}-${formatIp(prev.end)} and ${formatIp(cur.start)}-${formatIp(cur.end)} overlap`,
        {
          details: { field: 'allocation_pools' },
        },
      );
    }
  }
  return sorted;
}

/** Errors: FAILED_PRECONDITION/SUBNET_OVERLAP naming the first overlapping subnet of the same network. */
export function checkNoOverlap(cidr: Cidr, siblings: readonly Pick<SubnetRecord, 'id' | 'cidr'>[]): void {
  for (const s of siblings) {
    const r = parseCidr(s.cidr);
    if (r.ok && cidrsOverlap(cidr, r.cidr)) {
      throw failedPrecondition(
        'SUBNET_OVERLAP',
        `cidr ${formatCidr(cidr)} overlaps subnet ${s.id} (${s.cidr}) of the same network`,
        {
          details: { subnet_id: s.id, cidr: s.cidr },
        },
      );
    }
  }
}

/** Validates a whole subnet request against the network's other subnets. */
export function planSubnet(req: SubnetRequest, siblings: readonly Pick<SubnetRecord, 'id' | 'cidr'>[]): PlannedSubnet {
  const cidr = parseSubnetCidr(req.cidr);
  const gateway = planGateway(cidr, req.gatewayIp);
  const pools =
    req.allocationPools.length === 0 ? defaultPools(cidr, gateway) : validatePools(cidr, gateway, req.allocationPools);
  if (req.dnsServers.length > MAX_DNS_SERVERS) {
    throw invalidArgument('DNS_SERVER_INVALID', `at most ${MAX_DNS_SERVERS} dns_servers`, {
      details: { field: 'dns_servers' },
    });
  }
  const dnsServers = req.dnsServers.map((d, i) => formatIp(ipField(`dns_servers[${i}]`, d, 'DNS_SERVER_INVALID')));
  checkNoOverlap(cidr, siblings);
  return {
    cidr: formatCidr(cidr),
    gatewayIp: gateway === undefined ? '' : formatIp(gateway),
    allocationPools: pools.map((p) => ({ start: formatIp(p.start), end: formatIp(p.end) })),
    dnsServers,
  };
}

/** A stored subnet in numbers, for allocation. */
export interface SubnetMath {
  cidr: Cidr;
  pools: Ipv4Range[];
  /** Never given to a port: network, broadcast, gateway, DHCP server. */
  reserved: Set<number>;
}

export function subnetMath(s: Pick<SubnetRecord, 'cidr' | 'gatewayIp' | 'allocationPools' | 'dhcpIp'>): SubnetMath {
  const r = parseCidr(s.cidr);
  if (!r.ok) throw new StratoError('INTERNAL', 'SUBNET_CORRUPT', `stored subnet cidr ${s.cidr} is invalid`);
  const all = cidrRange(r.cidr);
  const reserved = new Set<number>([all.start, all.end]);
  for (const ip of [s.gatewayIp, s.dhcpIp]) {
    const n = ip === '' ? undefined : parseIp(ip);
    if (n !== undefined) reserved.add(n);
  }
  const pools = s.allocationPools.map((p) => ({ start: parseIp(p.start) ?? 0, end: parseIp(p.end) ?? -1 }));
  return { cidr: r.cidr, pools, reserved };
}

/** The lowest address in the pools that is neither reserved nor taken, or undefined. */
export function nextFree(m: SubnetMath, taken: { has(ip: number): boolean }): number | undefined {
  for (const pool of m.pools) {
    for (let ip = pool.start; ip <= pool.end; ip++) {
      if (!taken.has(ip) && !m.reserved.has(ip)) return ip;
    }
  }
  return undefined;
}

/**
 * Checks an explicitly requested address (which may lie outside the pools, as in
 * Neutron). Errors: INVALID_ARGUMENT IP_ADDRESS_INVALID, IP_NOT_IN_SUBNET, IP_RESERVED.
 */
export function checkFixedIp(m: SubnetMath, subnetId: string, text: string): number {
  const ip = parseIp(text);
  if (ip === undefined) {
    throw invalidArgument('IP_ADDRESS_INVALID', `ip_address ${echo(text)} is not an IPv4 address`, {
      details: { field: 'fixed_ips.ip_address' },
    });
  }
  if (!cidrContains(m.cidr, ip)) {
    throw invalidArgument(
      'IP_NOT_IN_SUBNET',
      `ip_address ${text} is not in subnet ${subnetId} (${formatCidr(m.cidr)})`,
      {
        details: { ip_address: text, subnet_id: subnetId },
      },
    );
  }
  if (m.reserved.has(ip)) {
    throw invalidArgument(
      'IP_RESERVED',
      `ip_address ${text} is the network, broadcast, gateway or DHCP address of subnet ${subnetId}`,
      {
        details: { ip_address: text, subnet_id: subnetId },
      },
    );
  }
  return ip;
}
