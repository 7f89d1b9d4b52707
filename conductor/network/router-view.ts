// Routers as their hosts run them (pure): the part of the per-host view
// (host-network-view.ts) that comes from RouterRecords and FloatingIpRecords.
//
// A router's legs are ports, but not guests' ports: the agent plugs them as
// veths into qrouter-<id> (common/network-names.ts), so they get no tap, no
// security-group rules and no DHCP lease (the router's addresses are static).
// Whatever a record names that is gone or does not fit (a port, subnet or
// network deleted a moment ago, a floating IP whose fixed address no longer
// lies behind the router) is left out rather than pushed: the agent refuses a
// whole state with one bad field, and the records converge on the next cycle.
import { routerNamespaceName } from '../../common/network-names.ts';
import { cidrContains, parseCidr, parseIp } from './ipv4.ts';
import {
  FLOATING_IP_OWNER,
  type FloatingIpRecord,
  type NetworkRecord,
  type PortRecord,
  ROUTER_GATEWAY_OWNER,
  ROUTER_INTERFACE_OWNER,
  type RouterRecord,
  type SubnetRecord,
} from './model.ts';
import { byIp } from './sg-resolve.ts';

export interface HostRouterInterface {
  portId: string;
  networkId: string;
  subnetId: string;
  mac: string;
  /** The subnet's gateway address with the subnet's prefix, e.g. 10.0.0.1/24. */
  ipCidr: string;
}

export interface HostRouterGateway {
  portId: string;
  networkId: string;
  subnetId: string;
  mac: string;
  /** The router's external address with the external subnet's prefix. */
  ipCidr: string;
  /** The external subnet's gateway: the namespace's default route; '' = none. */
  gatewayIp: string;
  enableSnat: boolean;
}

export interface HostFloatingIp {
  floatingIp: string;
  fixedIp: string;
}

export interface HostRouter {
  routerId: string;
  /** The host that runs it. */
  hostId: string;
  namespace: string;
  /** Ordered by port id. */
  interfaces: HostRouterInterface[];
  gateway: HostRouterGateway | undefined;
  /** Ordered by floating address; empty without a gateway. */
  floatingIps: HostFloatingIp[];
  /** Serves 169.254.169.254 to its subnets' guests: whenever it has an interface. */
  metadata: boolean;
}

export interface RouterViewInput {
  routers: readonly RouterRecord[];
  floatingIps: readonly FloatingIpRecord[];
  networks: ReadonlyMap<string, NetworkRecord>;
  subnets: ReadonlyMap<string, SubnetRecord>;
  ports: ReadonlyMap<string, PortRecord>;
}

const ROUTER_OWNERS: ReadonlySet<string> = new Set([ROUTER_INTERFACE_OWNER, ROUTER_GATEWAY_OWNER, FLOATING_IP_OWNER]);

/**
 * The ports that are not guests' (never a tap, rules or a DHCP lease): those the
 * routers name, and those whose owner says so even before a router names them
 * (the records are written apart). Leaving a port unwired never weakens a rule.
 */
export function routerPortIds(routers: readonly RouterRecord[], ports: readonly PortRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const r of routers) {
    for (const i of r.interfaces) ids.add(i.portId);
    if (r.gateway) ids.add(r.gateway.portId);
  }
  for (const p of ports) if (ROUTER_OWNERS.has(p.deviceOwner)) ids.add(p.id);
  return ids;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function prefixOf(cidr: string): number | undefined {
  const c = parseCidr(cidr);
  return c.ok ? c.cidr.prefix : undefined;
}

/** A leg's port and subnet, when both exist and sit on the leg's network. */
function leg(
  input: RouterViewInput,
  networkId: string,
  subnetId: string,
  portId: string,
): { port: PortRecord; subnet: SubnetRecord; prefix: number } | undefined {
  const port = input.ports.get(portId);
  const subnet = input.subnets.get(subnetId);
  const prefix = subnet ? prefixOf(subnet.cidr) : undefined;
  if (!port || !subnet || prefix === undefined || !input.networks.has(networkId)) return undefined;
  if (port.networkId !== networkId || subnet.networkId !== networkId) return undefined;
  return { port, subnet, prefix };
}

function interfacesOf(r: RouterRecord, input: RouterViewInput): HostRouterInterface[] {
  const out = new Map<string, HostRouterInterface>();
  for (const i of r.interfaces) {
    const l = leg(input, i.networkId, i.subnetId, i.portId);
    if (!l) continue;
    out.set(i.portId, {
      portId: i.portId,
      networkId: i.networkId,
      subnetId: i.subnetId,
      mac: l.port.mac,
      ipCidr: `${i.ip}/${l.prefix}`,
    });
  }
  return [...out.values()].sort((a, b) => cmp(a.portId, b.portId));
}

function gatewayOf(r: RouterRecord, input: RouterViewInput): HostRouterGateway | undefined {
  const g = r.gateway;
  if (!g || input.networks.get(g.networkId)?.providerType !== 'flat') return undefined;
  const l = leg(input, g.networkId, g.subnetId, g.portId);
  if (!l) return undefined;
  return {
    portId: g.portId,
    networkId: g.networkId,
    subnetId: g.subnetId,
    mac: l.port.mac,
    ipCidr: `${g.ip}/${l.prefix}`,
    gatewayIp: l.subnet.gatewayIp,
    enableSnat: g.enableSnat,
  };
}

/**
 * The router's associated floating IPs on its gateway's subnet whose fixed
 * address lies behind one of its interfaces.
 */
function floatingIpsOf(
  r: RouterRecord,
  gateway: HostRouterGateway | undefined,
  interfaces: readonly HostRouterInterface[],
  input: RouterViewInput,
): HostFloatingIp[] {
  if (!gateway) return [];
  const behind = interfaces
    .map((i) => parseCidr(input.subnets.get(i.subnetId)?.cidr ?? ''))
    .flatMap((c) => (c.ok ? [c.cidr] : []));
  const outside = parseCidr(input.subnets.get(gateway.subnetId)?.cidr ?? '');
  const out = new Map<string, HostFloatingIp>();
  for (const f of input.floatingIps) {
    if (f.routerId !== r.id || f.portId === '' || f.networkId !== gateway.networkId) continue;
    const [floating, fixed] = [parseIp(f.ip), parseIp(f.fixedIp)];
    if (floating === undefined || fixed === undefined) continue;
    if (!outside.ok || !cidrContains(outside.cidr, floating)) continue;
    if (!behind.some((c) => cidrContains(c, fixed))) continue;
    out.set(f.ip, { floatingIp: f.ip, fixedIp: f.fixedIp });
  }
  return [...out.values()].sort((a, b) => byIp(a.floatingIp, b.floatingIp));
}

/** Every router placed on a host, as that host runs it, ordered by router id. */
export function hostRouters(input: RouterViewInput): HostRouter[] {
  return [...input.routers]
    .filter((r) => r.hostId !== '')
    .sort((a, b) => cmp(a.id, b.id))
    .map((r) => {
      const interfaces = interfacesOf(r, input);
      const gateway = gatewayOf(r, input);
      return {
        routerId: r.id,
        hostId: r.hostId,
        namespace: routerNamespaceName(r.id),
        interfaces,
        gateway,
        floatingIps: floatingIpsOf(r, gateway, interfaces, input),
        metadata: interfaces.length > 0,
      };
    });
}

/** Network id → the hosts of the routers with a leg (interface or gateway) on it. */
export function routerHostsByNetwork(routers: readonly HostRouter[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (networkId: string, hostId: string) => {
    const set = out.get(networkId) ?? new Set<string>();
    set.add(hostId);
    out.set(networkId, set);
  };
  for (const r of routers) {
    for (const i of r.interfaces) add(i.networkId, r.hostId);
    if (r.gateway) add(r.gateway.networkId, r.hostId);
  }
  return out;
}

/** The networks whose guests a router serves metadata to (their DHCP namespace then does not). */
export function routedNetworks(routers: readonly HostRouter[]): Set<string> {
  return new Set(routers.filter((r) => r.metadata).flatMap((r) => r.interfaces.map((i) => i.networkId)));
}
