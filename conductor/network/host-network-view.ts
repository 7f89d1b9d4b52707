// What each host needs for its networks (pure): computed by the conductor from
// its records, pushed to the agents, which make their host match it. A host has
// a network when at least one port bound to it is on that network, or when a
// router it runs has a leg there.
//
// Names follow DESIGN.md, from the one convention both daemons share
// (common/network-names.ts): bridge `brq<net[:11]>` (a flat network's taps join
// the operator's bridge instead), tap `tap<port[:11]>`, VXLAN link
// `vxlan-<vni>`, namespace `qdhcp-<net>`. The pushed state carries ids only
// (conductor/network-push/desired-state-proto.ts) and the agent derives the same
// names itself; the view spells them out so that what a host will have reads in
// the host's own terms.
//
// VXLAN peers are the underlay addresses of every OTHER host with a port on the
// network (what l2population programs as all-zeros FDB entries). Underlay peers
// are those of every other REGISTERED host, ports or not: the agent admits VXLAN
// only from them, and since a host registers before it gets any port, its
// address is on every filter before it shares a network with anyone. DHCP for a
// network is served by one host with a port on it: the current one as long as
// it still qualifies (so DHCP does not move with every new port), else the
// winner of rendezvous hashing over the candidates, which moves as few networks
// as possible when hosts come and go.
//
// Routers (router-view.ts) add to this: a router's host gets the links of
// every network the router has a leg on, ports there or not, and is a VXLAN
// peer of those networks' other hosts (both ways). A router's ports are not
// guests' ports: no tap, no rules, no DHCP lease, and they make no host a DHCP
// candidate (DHCP stays where the guests are). Metadata (169.254.169.254) is
// served to a network's guests by the routers with an interface on it, else by
// its DHCP namespace: servesMetadata says which host does.
import { createHash } from 'node:crypto';
import {
  bridgeName,
  dhcpHostVethName,
  dhcpNamespaceName,
  dhcpNsVethName,
  tapName,
  vxlanName,
} from '../../common/network-names.ts';
import { parseCidr } from './ipv4.ts';
import type {
  FloatingIpRecord,
  NetworkRecord,
  PortRecord,
  ProviderType,
  RouterRecord,
  SecurityGroupRecord,
  SubnetRecord,
} from './model.ts';
import { type HostRouter, hostRouters, routedNetworks, routerHostsByNetwork, routerPortIds } from './router-view.ts';
import { byIp, groupMembers, type ResolvedRule, resolvePortRules } from './sg-resolve.ts';

export interface UnderlayHost {
  id: string;
  /** The host's VXLAN endpoint address. */
  underlayIp: string;
}

export interface HostViewInput {
  networks: readonly NetworkRecord[];
  subnets: readonly SubnetRecord[];
  ports: readonly PortRecord[];
  securityGroups: readonly SecurityGroupRecord[];
  /** Absent: none. */
  routers?: readonly RouterRecord[];
  /** Absent: none. */
  floatingIps?: readonly FloatingIpRecord[];
  /**
   * Registered hosts with an underlay address: DHCP candidates, VXLAN peers, and the
   * sources every host's VXLAN filter admits.
   */
  hosts: readonly UnderlayHost[];
  /** The previous DHCP placement (network id → host id), kept while still valid. */
  dhcpHosts?: ReadonlyMap<string, string>;
}

export interface HostNetwork {
  networkId: string;
  providerType: ProviderType;
  /** 0 for flat. */
  vni: number;
  mtu: number;
  /** The bridge the network's taps join: brq… for vxlan, the operator's for flat. */
  bridge: string;
  /** 'vxlan-<vni>'; '' for flat. */
  vxlanDevice: string;
  /** Underlay addresses of the other hosts with ports on the network, in address order. */
  vxlanPeers: string[];
  /** The network's DHCP server (wherever it runs), for the ports' firewall; undefined without DHCP. */
  dhcpServer: { mac: string; ips: string[] } | undefined;
}

export interface HostPortIp {
  subnetId: string;
  ip: string;
  prefixLength: number;
  /** '' without a gateway. */
  gatewayIp: string;
}

export interface HostPort {
  portId: string;
  networkId: string;
  /** The instance; '' when the port is bound but not (yet) attached. */
  deviceId: string;
  tap: string;
  bridge: string;
  mac: string;
  mtu: number;
  /** The only addresses the port may send from (anti-spoofing). */
  fixedIps: HostPortIp[];
  securityGroupIds: string[];
  /** Ingress and egress rules with remotes resolved to CIDRs; empty = nothing allowed that way. */
  rules: ResolvedRule[];
}

export interface HostDhcpSubnet {
  subnetId: string;
  cidr: string;
  /** The server's address on this subnet. */
  serverIp: string;
  prefixLength: number;
  /** '' = no router option. */
  gatewayIp: string;
  dnsServers: string[];
}

export interface HostDhcpServer {
  networkId: string;
  namespace: string;
  bridge: string;
  /** The veth end on the bridge, and the end inside the namespace. */
  hostVeth: string;
  namespaceVeth: string;
  mac: string;
  mtu: number;
  subnets: HostDhcpSubnet[];
  /** Static leases only: every guest port of the network with an address on a DHCP subnet. */
  hosts: { portId: string; mac: string; ip: string }[];
  /** Serve 169.254.169.254 from the namespace: no router joins the network. */
  metadata: boolean;
}

/** What one host needs for its networks (the conductor's side; the agent gets it as a proto message). */
export interface HostNetworkView {
  hostId: string;
  /** Ordered by id throughout, so equal inputs give equal outputs. */
  networks: HostNetwork[];
  ports: HostPort[];
  dhcp: HostDhcpServer[];
  /** The routers the host runs, by router id. */
  routers: HostRouter[];
  /** Underlay addresses of every other registered host, in address order. */
  underlayPeers: string[];
}

export interface HostViews {
  /** One entry per host with at least one bound port or router. */
  hosts: Map<string, HostNetworkView>;
  /** Host id → underlay address, for every registered host. */
  underlay: ReadonlyMap<string, string>;
  /** Network id → the host serving its DHCP: feed back as `dhcpHosts` next time. */
  dhcpHosts: Map<string, string>;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const prefixOf = (cidr: string) => {
  const c = parseCidr(cidr);
  return c.ok ? c.cidr.prefix : 32;
};

function underlayPeers(underlay: ReadonlyMap<string, string>, hostId: string): string[] {
  const own = underlay.get(hostId);
  return [...new Set(underlay.values())].filter((ip) => ip !== own).sort(byIp);
}

/** The view of a host with nothing bound to it yet. */
function emptyView(hostId: string, underlay: ReadonlyMap<string, string>): HostNetworkView {
  return { hostId, networks: [], ports: [], dhcp: [], routers: [], underlayPeers: underlayPeers(underlay, hostId) };
}

/** Network id → the hosts with a port of it bound, in id order. */
export function hostsByNetwork(ports: readonly PortRecord[]): Map<string, string[]> {
  const hostsOf = new Map<string, Set<string>>();
  for (const p of ports) {
    if (p.bindingHost === '') continue;
    const set = hostsOf.get(p.networkId) ?? new Set<string>();
    set.add(p.bindingHost);
    if (p.migrationHost) set.add(p.migrationHost);
    hostsOf.set(p.networkId, set);
  }
  return new Map([...hostsOf].map(([net, hosts]) => [net, [...hosts].sort()]));
}

/** The bridge a network's taps join: brq… for vxlan, the operator's for flat. */
export const networkBridge = (net: NetworkRecord): string =>
  net.providerType === 'flat' ? net.physicalBridge : bridgeName(net.id);

/** The network's subnets that have DHCP and a DHCP address, in the network's order. */
export function dhcpSubnetsOf(net: NetworkRecord, subnets: ReadonlyMap<string, SubnetRecord>): SubnetRecord[] {
  return net.subnetIds
    .map((id) => subnets.get(id))
    .filter((s): s is SubnetRecord => !!s?.enableDhcp && s.dhcpIp !== '');
}

/** Underlay addresses of the network's other hosts (those with a known address), in address order. */
export function vxlanPeersOf(
  hostId: string,
  netHosts: readonly string[],
  underlay: ReadonlyMap<string, string>,
): string[] {
  const peers = netHosts
    .filter((h) => h !== hostId)
    .map((h) => underlay.get(h))
    .filter((ip): ip is string => ip !== undefined);
  return [...new Set(peers)].sort(byIp);
}

/** A network as one of its hosts has it. */
export function hostNetwork(
  net: NetworkRecord,
  hostId: string,
  netHosts: readonly string[],
  underlay: ReadonlyMap<string, string>,
  dhcpSubnets: readonly SubnetRecord[],
): HostNetwork {
  const vxlan = net.providerType === 'vxlan';
  return {
    networkId: net.id,
    providerType: net.providerType,
    vni: net.vni,
    mtu: net.mtu,
    bridge: networkBridge(net),
    vxlanDevice: vxlan ? vxlanName(net.vni) : '',
    vxlanPeers: vxlan ? vxlanPeersOf(hostId, netHosts, underlay) : [],
    dhcpServer: dhcpSubnets.length > 0 ? { mac: net.dhcpMac, ips: dhcpSubnets.map((s) => s.dhcpIp) } : undefined,
  };
}

function rendezvous(networkId: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = '';
  for (const h of candidates) {
    const score = createHash('sha256').update(`${networkId}/${h}`).digest('hex');
    if (best === undefined || score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/** The host to serve a network's DHCP: the previous one while it qualifies, else the rendezvous winner. */
export function chooseDhcpHost(
  networkId: string,
  candidates: readonly string[],
  previous: string | undefined,
): string | undefined {
  return previous !== undefined && candidates.includes(previous) ? previous : rendezvous(networkId, candidates);
}

/**
 * A network's DHCP server: its DHCP subnets and a static lease for every address
 * of `ports` (guests' ports only) on them; `metadata` when no router serves it.
 */
export function dhcpServer(
  net: NetworkRecord,
  dhcpSubnets: readonly SubnetRecord[],
  ports: readonly PortRecord[],
  metadata = false,
): HostDhcpServer {
  const dhcpIds = new Set(dhcpSubnets.map((s) => s.id));
  return {
    networkId: net.id,
    namespace: dhcpNamespaceName(net.id),
    bridge: networkBridge(net),
    hostVeth: dhcpHostVethName(net.id),
    namespaceVeth: dhcpNsVethName(net.id),
    mac: net.dhcpMac,
    mtu: net.mtu,
    subnets: dhcpSubnets.map((s) => ({
      subnetId: s.id,
      cidr: s.cidr,
      serverIp: s.dhcpIp,
      prefixLength: prefixOf(s.cidr),
      gatewayIp: s.gatewayIp,
      dnsServers: s.dnsServers,
    })),
    hosts: ports
      .filter((p) => p.networkId === net.id)
      .flatMap((p) =>
        p.fixedIps.filter((f) => dhcpIds.has(f.subnetId)).map((f) => ({ portId: p.id, mac: p.mac, ip: f.ip })),
      ),
    metadata,
  };
}

/** A bound port as its host has it, with its rules already resolved. */
export function hostPort(
  p: PortRecord,
  net: NetworkRecord,
  subnets: ReadonlyMap<string, SubnetRecord>,
  rules: ResolvedRule[],
): HostPort {
  return {
    portId: p.id,
    networkId: p.networkId,
    deviceId: p.deviceId,
    tap: tapName(p.id),
    bridge: networkBridge(net),
    mac: p.mac,
    mtu: net.mtu,
    fixedIps: p.fixedIps.map((f) => {
      const s = subnets.get(f.subnetId);
      return { subnetId: f.subnetId, ip: f.ip, prefixLength: s ? prefixOf(s.cidr) : 32, gatewayIp: s?.gatewayIp ?? '' };
    }),
    securityGroupIds: p.securityGroupIds,
    rules,
  };
}

export function computeHostViews(input: HostViewInput): HostViews {
  const underlay = new Map(input.hosts.map((h) => [h.id, h.underlayIp]));
  const subnets = new Map(input.subnets.map((s) => [s.id, s]));
  const networks = new Map(input.networks.map((n) => [n.id, n]));
  const routerRecords = input.routers ?? [];
  const notGuests = routerPortIds(routerRecords, input.ports);
  const allPorts = [...input.ports].sort(byId);
  const ports = allPorts.filter((p) => !notGuests.has(p.id));
  const routers = hostRouters({
    routers: routerRecords,
    floatingIps: input.floatingIps ?? [],
    networks,
    subnets,
    ports: new Map(allPorts.map((p) => [p.id, p])),
  });
  const routerHosts = routerHostsByNetwork(routers);
  const routed = routedNetworks(routers);
  const hostsOf = hostsByNetwork(ports);
  const views = new Map<string, HostNetworkView>();
  const view = (hostId: string): HostNetworkView => {
    let v = views.get(hostId);
    if (!v) {
      v = emptyView(hostId, underlay);
      views.set(hostId, v);
    }
    return v;
  };
  const dhcpHosts = new Map<string, string>();

  for (const net of [...input.networks].sort(byId)) {
    const portHosts = hostsOf.get(net.id) ?? [];
    const netHosts = [...new Set([...portHosts, ...(routerHosts.get(net.id) ?? [])])].sort();
    const dhcpSubnets = dhcpSubnetsOf(net, subnets);
    for (const hostId of netHosts)
      view(hostId).networks.push(hostNetwork(net, hostId, netHosts, underlay, dhcpSubnets));
    if (dhcpSubnets.length === 0) continue;
    const candidates = portHosts.filter((h) => underlay.has(h));
    const chosen = chooseDhcpHost(net.id, candidates, input.dhcpHosts?.get(net.id));
    if (chosen === undefined) continue;
    dhcpHosts.set(net.id, chosen);
    view(chosen).dhcp.push(dhcpServer(net, dhcpSubnets, ports, !routed.has(net.id)));
  }
  for (const r of routers) view(r.hostId).routers.push(r);

  const groups = new Map(input.securityGroups.map((g) => [g.id, g]));
  const members = groupMembers(ports);
  for (const p of ports) {
    const net = networks.get(p.networkId);
    if (p.bindingHost === '' || !net) continue;
    const wired = hostPort(p, net, subnets, resolvePortRules(p, groups, members));
    view(p.bindingHost).ports.push(wired);
    // A moving server's port is wired on its destination too, until the move ends.
    if (p.migrationHost && p.migrationHost !== p.bindingHost) view(p.migrationHost).ports.push(wired);
  }
  return { hosts: views, underlay, dhcpHosts };
}

/** One host's view; empty when nothing is bound to it (the agent then removes everything). */
export function hostNetworkView(views: HostViews, hostId: string): HostNetworkView {
  return views.hosts.get(hostId) ?? emptyView(hostId, views.underlay);
}

/** Whether the host's view serves metadata to `networkId`'s guests (a router's interface there, or its DHCP). */
export function servesMetadata(view: HostNetworkView, networkId: string): boolean {
  return (
    view.routers.some((r) => r.metadata && r.interfaces.some((i) => i.networkId === networkId)) ||
    view.dhcp.some((d) => d.networkId === networkId && d.metadata)
  );
}
