// Routers: desired RouterSpecs → names, legs, addresses and the NAT table, each value
// checked before any step (bad input changes nothing). Errors name the field by its
// proto path (`state.routers[0].floating_ips[1].fixed_ip`, as the conductor sent it) in details.field. Pure.
import { isIPv4 } from 'node:net';
import { invalidArgument, StratoError } from '../../../common/errors.ts';
import {
  routerGatewayHostVethName,
  routerGatewayNsVethName,
  routerInterfaceHostVethName,
  routerInterfaceNsVethName,
  routerNamespaceName,
} from '../../../common/network-names.ts';
import type { RouterSpec } from '../network-driver.ts';
import { type Cidr, checkId, checkMac, ipv4InCidr, ipv4Network, parseCidr } from './addr.ts';
import type { ResolvedNetwork } from './resolved-network.ts';
import { type RenderedRouterNat, renderRouterNat } from './router-nft.ts';

export interface ResolvedRouterLeg {
  portId: string;
  /** Veth end on the network's bridge (host namespace). */
  hostEnd: string;
  /** Veth end inside the router's namespace. */
  nsEnd: string;
  mac: string;
  bridge: string;
  mtu: number;
  /** Addresses of the namespace end, `ip/prefix`: the leg's own, then floating /32s. */
  addresses: string[];
  /** The gateway leg: its addresses are announced by gratuitous ARP when added. */
  announce?: boolean;
}

export interface ResolvedRouter {
  routerId: string;
  namespace: string;
  /** Interfaces in the given order, then the gateway leg. */
  legs: ResolvedRouterLeg[];
  /** The namespace's default route (via the external subnet's gateway), on the gateway leg. */
  defaultRoute?: { via: string; dev: string };
  nat: RenderedRouterNat;
}

function bad(reason: string, field: string, message: string): never {
  throw invalidArgument(reason, `${field}: ${message}`, { details: { field } });
}

/** addr.ts's checks, with the field they refused in the details. */
function checked<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof StratoError) err.details.field ??= field;
    throw err;
  }
}

function ipv4Cidr(value: string, field: string): Cidr {
  let c: Cidr;
  try {
    c = parseCidr(value, field);
  } catch {
    bad('INVALID_CIDR', field, `${JSON.stringify(value)} is not an IPv4 address with a prefix`);
  }
  if (c.family !== 4 || c.prefix < 1 || c.prefix > 32) {
    bad('INVALID_CIDR', field, `${JSON.stringify(value)} is not an IPv4 address with a prefix of 1..32`);
  }
  return c;
}

function ipv4Address(value: string, field: string): string {
  if (!isIPv4(value)) bad('INVALID_IP', field, `${JSON.stringify(value)} is not an IPv4 address`);
  return value;
}

const subnetOf = (c: Cidr): string => `${ipv4Network(c)}/${c.prefix}`;
const overlaps = (a: Cidr, b: Cidr): boolean => ipv4InCidr(a.address, b) || ipv4InCidr(b.address, a);

function network(networks: ReadonlyMap<string, ResolvedNetwork>, networkId: string, field: string): ResolvedNetwork {
  const net = networks.get(networkId);
  if (net === undefined) bad('UNKNOWN_NETWORK', field, `network ${networkId} is not in the desired networks`);
  return net;
}

/** Host-wide uniqueness of what routers name on the host: namespaces, veths, floating IPs. */
class Claims {
  readonly #owner = new Map<string, string>();
  claim(key: string, field: string, reason: string, what: string): void {
    const owner = this.#owner.get(key);
    if (owner !== undefined) bad(reason, field, `${what} is also used by ${owner}`);
    this.#owner.set(key, field);
  }
}

function resolveRouter(
  r: RouterSpec,
  field: string,
  networks: ReadonlyMap<string, ResolvedNetwork>,
  claims: Claims,
): ResolvedRouter {
  checked(`${field}.router_id`, () => checkId(r.routerId, `${field}.router_id`));
  claims.claim(`router:${r.routerId}`, `${field}.router_id`, 'DUPLICATE_ROUTER', `router ${r.routerId}`);
  const legs: ResolvedRouterLeg[] = [];
  const subnets: { cidr: Cidr; field: string }[] = [];
  const leg = (portId: string, f: string, host: string, ns: string, mac: string, net: ResolvedNetwork, cidr: Cidr) => {
    checked(`${f}.port_id`, () => checkId(portId, `${f}.port_id`));
    claims.claim(
      `veth:${host}`,
      `${f}.port_id`,
      'DUPLICATE_ROUTER_PORT',
      `veth ${host} (port ids sharing 11 characters)`,
    );
    for (const s of subnets) {
      if (overlaps(s.cidr, cidr))
        bad(
          'OVERLAPPING_SUBNETS',
          `${f}.ip_cidr`,
          `subnet ${subnetOf(cidr)} overlaps ${subnetOf(s.cidr)} of ${s.field}`,
        );
    }
    subnets.push({ cidr, field: f });
    const out: ResolvedRouterLeg = {
      portId,
      hostEnd: host,
      nsEnd: ns,
      mac: checked(`${f}.mac`, () => checkMac(mac, `${f}.mac`)),
      bridge: net.bridge,
      mtu: net.mtu,
      addresses: [`${cidr.address}/${cidr.prefix}`],
    };
    legs.push(out);
    return out;
  };
  r.interfaces.forEach((i, n) => {
    const f = `${field}.interfaces[${n}]`;
    const net = network(networks, i.networkId, `${f}.network_id`);
    const cidr = ipv4Cidr(i.ipCidr, `${f}.ip_cidr`);
    leg(i.portId, f, routerInterfaceHostVethName(i.portId), routerInterfaceNsVethName(i.portId), i.mac, net, cidr);
  });
  const interfaceSubnets = subnets.map((s) => s.cidr);
  const g = r.gateway;
  let defaultRoute: ResolvedRouter['defaultRoute'];
  let gatewayIf: string | undefined;
  let snatTo: string | undefined;
  if (g === undefined) {
    if (r.floatingIps.length > 0) {
      bad(
        'FLOATING_IP_WITHOUT_GATEWAY',
        `${field}.floating_ips`,
        `router ${r.routerId} has floating IPs but no gateway`,
      );
    }
  } else {
    const f = `${field}.gateway`;
    const net = network(networks, g.networkId, `${f}.network_id`);
    const cidr = ipv4Cidr(g.ipCidr, `${f}.ip_cidr`);
    const gwLeg = leg(
      g.portId,
      f,
      routerGatewayHostVethName(g.portId),
      routerGatewayNsVethName(g.portId),
      g.mac,
      net,
      cidr,
    );
    gatewayIf = gwLeg.nsEnd;
    gwLeg.announce = true;
    if (g.enableSnat) snatTo = cidr.address;
    if (g.gatewayIp !== undefined) {
      const via = ipv4Address(g.gatewayIp, `${f}.gateway_ip`);
      if (!ipv4InCidr(via, cidr) || via === cidr.address) {
        bad(
          'INVALID_GATEWAY_IP',
          `${f}.gateway_ip`,
          `${via} is not another address of the gateway subnet ${subnetOf(cidr)}`,
        );
      }
      defaultRoute = { via, dev: gwLeg.nsEnd };
    }
    const fixed = new Set<string>();
    r.floatingIps.forEach((fip, n) => {
      const ff = `${field}.floating_ips[${n}]`;
      const floating = ipv4Address(fip.floatingIp, `${ff}.floating_ip`);
      if (!ipv4InCidr(floating, cidr) || floating === cidr.address || floating === defaultRoute?.via) {
        bad(
          'INVALID_FLOATING_IP',
          `${ff}.floating_ip`,
          `${floating} is not a free address of the gateway subnet ${subnetOf(cidr)}`,
        );
      }
      claims.claim(`fip:${floating}`, `${ff}.floating_ip`, 'DUPLICATE_FLOATING_IP', `floating IP ${floating}`);
      const fixedIp = ipv4Address(fip.fixedIp, `${ff}.fixed_ip`);
      if (!interfaceSubnets.some((s) => ipv4InCidr(fixedIp, s))) {
        bad('INVALID_FIXED_IP', `${ff}.fixed_ip`, `${fixedIp} is in none of router ${r.routerId}'s interface subnets`);
      }
      if (fixed.has(fixedIp)) bad('DUPLICATE_FIXED_IP', `${ff}.fixed_ip`, `${fixedIp} has two floating IPs`);
      fixed.add(fixedIp);
      gwLeg.addresses.push(`${floating}/32`);
    });
  }
  const floatingIps = r.floatingIps.map((f) => ({ floatingIp: f.floatingIp, fixedIp: f.fixedIp }));
  return {
    routerId: r.routerId,
    namespace: routerNamespaceName(r.routerId),
    legs,
    ...(defaultRoute === undefined ? {} : { defaultRoute }),
    nat: renderRouterNat({
      ...(gatewayIf === undefined ? {} : { gatewayIf }),
      ...(snatTo === undefined ? {} : { snatTo }),
      subnets: interfaceSubnets.map(subnetOf),
      floatingIps,
    }),
  };
}

/** Every router, on networks of the state, naming nothing another router names. */
export function resolveRouters(routers: readonly RouterSpec[], networks: readonly ResolvedNetwork[]): ResolvedRouter[] {
  const byId = new Map(networks.map((n) => [n.networkId, n]));
  const claims = new Claims();
  return routers.map((r, i) => resolveRouter(r, `state.routers[${i}]`, byId, claims));
}

/** The networks routers have legs on: their links must exist here, ports or not. */
export function routerNetworkIds(routers: readonly RouterSpec[]): Set<string> {
  const ids = new Set<string>();
  for (const r of routers) {
    for (const i of r.interfaces) ids.add(i.networkId);
    if (r.gateway !== undefined) ids.add(r.gateway.networkId);
  }
  return ids;
}
