// What each host needs for its networks (pure): computed by the conductor from
// its records, pushed to the agents, which make their host match it. A host has
// a network when at least one port bound to it is on that network.
//
// Names follow DESIGN.md (interface names are at most 15 characters): bridge
// `brq<net[:11]>` (a flat network's taps join the operator's bridge instead),
// tap `tap<port[:11]>`, VXLAN link `vxlan-<vni>`, namespace `qdhcp-<net>`.
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
import { createHash } from 'node:crypto';
import { parseCidr } from './ipv4.ts';
import type { NetworkRecord, PortRecord, ProviderType, SecurityGroupRecord, SubnetRecord } from './model.ts';
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

export interface DhcpSubnet {
  subnetId: string;
  cidr: string;
  /** The server's address on this subnet. */
  serverIp: string;
  prefixLength: number;
  /** '' = no router option. */
  gatewayIp: string;
  dnsServers: string[];
}

export interface DhcpServer {
  networkId: string;
  namespace: string;
  bridge: string;
  /** The veth end on the bridge, and the end inside the namespace. */
  hostVeth: string;
  namespaceVeth: string;
  mac: string;
  mtu: number;
  subnets: DhcpSubnet[];
  /** Static leases only: every port of the network with an address on a DHCP subnet. */
  hosts: { portId: string; mac: string; ip: string }[];
}

export interface HostNetworkState {
  hostId: string;
  /** Ordered by id throughout, so equal inputs give equal outputs. */
  networks: HostNetwork[];
  ports: HostPort[];
  dhcp: DhcpServer[];
  /** Underlay addresses of every other registered host, in address order. */
  underlayPeers: string[];
}

export interface HostViews {
  /** One entry per host with at least one bound port. */
  hosts: Map<string, HostNetworkState>;
  /** Host id → underlay address, for every registered host. */
  underlay: ReadonlyMap<string, string>;
  /** Network id → the host serving its DHCP: feed back as `dhcpHosts` next time. */
  dhcpHosts: Map<string, string>;
}

export const bridgeName = (networkId: string): string => `brq${networkId.slice(0, 11)}`;
export const tapName = (portId: string): string => `tap${portId.slice(0, 11)}`;
export const vxlanName = (vni: number): string => `vxlan-${vni}`;
export const dhcpNamespace = (networkId: string): string => `qdhcp-${networkId}`;
export const dhcpHostVeth = (networkId: string): string => `dh-${networkId.slice(0, 11)}`;
export const dhcpNamespaceVeth = (networkId: string): string => `ns-${networkId.slice(0, 11)}`;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const prefixOf = (cidr: string) => {
  const c = parseCidr(cidr);
  return c.ok ? c.cidr.prefix : 32;
};

function underlayPeers(underlay: ReadonlyMap<string, string>, hostId: string): string[] {
  const own = underlay.get(hostId);
  return [...new Set(underlay.values())].filter((ip) => ip !== own).sort(byIp);
}

function rendezvous(networkId: string, candidates: string[]): string | undefined {
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

export function computeHostViews(input: HostViewInput): HostViews {
  const underlay = new Map(input.hosts.map((h) => [h.id, h.underlayIp]));
  const subnets = new Map(input.subnets.map((s) => [s.id, s]));
  const groups = new Map(input.securityGroups.map((g) => [g.id, g]));
  const members = groupMembers(input.ports);
  const ports = [...input.ports].sort(byId);
  const hostsOf = new Map<string, Set<string>>();
  for (const p of ports) {
    if (p.bindingHost === '') continue;
    const set = hostsOf.get(p.networkId) ?? new Set<string>();
    set.add(p.bindingHost);
    hostsOf.set(p.networkId, set);
  }
  const views = new Map<string, HostNetworkState>();
  const view = (hostId: string) => {
    let v = views.get(hostId);
    if (!v) {
      v = { hostId, networks: [], ports: [], dhcp: [], underlayPeers: underlayPeers(underlay, hostId) };
      views.set(hostId, v);
    }
    return v;
  };
  const dhcpHosts = new Map<string, string>();

  for (const net of [...input.networks].sort(byId)) {
    const netHosts = [...(hostsOf.get(net.id) ?? [])].sort();
    const bridge = net.providerType === 'flat' ? net.physicalBridge : bridgeName(net.id);
    const dhcpSubnets = net.subnetIds
      .map((id) => subnets.get(id))
      .filter((s): s is SubnetRecord => !!s?.enableDhcp && s.dhcpIp !== '');
    const dhcpServer = dhcpSubnets.length > 0 ? { mac: net.dhcpMac, ips: dhcpSubnets.map((s) => s.dhcpIp) } : undefined;

    for (const hostId of netHosts) {
      const peers = netHosts
        .filter((h) => h !== hostId)
        .map((h) => underlay.get(h))
        .filter((ip): ip is string => ip !== undefined);
      view(hostId).networks.push({
        networkId: net.id,
        providerType: net.providerType,
        vni: net.vni,
        mtu: net.mtu,
        bridge,
        vxlanDevice: net.providerType === 'vxlan' ? vxlanName(net.vni) : '',
        vxlanPeers: net.providerType === 'vxlan' ? [...new Set(peers)].sort(byIp) : [],
        dhcpServer,
      });
    }

    if (dhcpSubnets.length === 0) continue;
    const candidates = netHosts.filter((h) => underlay.has(h));
    const previous = input.dhcpHosts?.get(net.id);
    const chosen = previous !== undefined && candidates.includes(previous) ? previous : rendezvous(net.id, candidates);
    if (chosen === undefined) continue;
    dhcpHosts.set(net.id, chosen);
    const dhcpIds = new Set(dhcpSubnets.map((s) => s.id));
    view(chosen).dhcp.push({
      networkId: net.id,
      namespace: dhcpNamespace(net.id),
      bridge,
      hostVeth: dhcpHostVeth(net.id),
      namespaceVeth: dhcpNamespaceVeth(net.id),
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
    });
  }

  const networks = new Map(input.networks.map((n) => [n.id, n]));
  for (const p of ports) {
    const net = networks.get(p.networkId);
    if (p.bindingHost === '' || !net) continue;
    view(p.bindingHost).ports.push({
      portId: p.id,
      networkId: p.networkId,
      deviceId: p.deviceId,
      tap: tapName(p.id),
      bridge: net.providerType === 'flat' ? net.physicalBridge : bridgeName(net.id),
      mac: p.mac,
      mtu: net.mtu,
      fixedIps: p.fixedIps.map((f) => {
        const s = subnets.get(f.subnetId);
        return {
          subnetId: f.subnetId,
          ip: f.ip,
          prefixLength: s ? prefixOf(s.cidr) : 32,
          gatewayIp: s?.gatewayIp ?? '',
        };
      }),
      securityGroupIds: p.securityGroupIds,
      rules: resolvePortRules(p, groups, members),
    });
  }
  return { hosts: views, underlay, dhcpHosts };
}

/** One host's state; empty when nothing is bound to it (the agent then removes everything). */
export function hostNetworkState(views: HostViews, hostId: string): HostNetworkState {
  return (
    views.hosts.get(hostId) ?? {
      hostId,
      networks: [],
      ports: [],
      dhcp: [],
      underlayPeers: underlayPeers(views.underlay, hostId),
    }
  );
}
