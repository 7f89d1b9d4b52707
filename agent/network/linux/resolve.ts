// Desired state → a fully resolved, validated form the planners can compare with the
// host: names, MTUs, VXLAN parameters, dnsmasq argv and files, firewall specs. Every
// bad input is refused here, before any step runs (bad input changes nothing). Pure;
// one function per part (underlay, network, port, VXLAN sources), composed at the end.
import { failedPrecondition, invalidArgument } from '../../../common/errors.ts';
import {
  bridgeName,
  dhcpHostVethName,
  dhcpNamespaceName,
  dhcpNsVethName,
  guestIfName,
  tapName,
  vxlanName,
} from '../../../common/network-names.ts';
import type { DesiredHostNetwork, DhcpSpec, HostNetworkFacts, NetworkSpec, PortBinding } from '../network-driver.ts';
import { canonicalIp, checkId, checkIfname, checkIp, checkIpv4, checkMac } from './addr.ts';
import { dnsmasqPaths, renderDnsmasq } from './dnsmasq-config.ts';
import { checkRule, type PortFirewallSpec } from './firewall-render.ts';
import { type ResolvedRouter, resolveRouters, routerNetworkIds } from './resolve-routers.ts';
import type { ResolvedDhcp, ResolvedNetwork } from './resolved-network.ts';

export type { ResolvedDhcp, ResolvedNetwork };

/** VXLAN over IPv4 adds 50 bytes (outer Ethernet 14 + IP 20 + UDP 8 + VXLAN 8). */
export const VXLAN_OVERHEAD = 50;
export const VXLAN_PORT = 4789;

export interface ResolvedPort {
  portId: string;
  tap: string;
  /** Host side of the tap: the guest MAC with first octet 0xfe (as libvirt does), so the
   * bridge never adopts the guest's address as its own. */
  hostMac: string;
  mtu: number;
  bridge: string;
  /** A veth into this namespace instead of a tap (see PortBinding.attach). */
  attach?: { namespace: string; guestIf: string; mac: string };
  firewall: PortFirewallSpec;
}

export interface ResolvedState {
  networks: ResolvedNetwork[];
  ports: ResolvedPort[];
  /**
   * Underlay addresses VXLAN is accepted from (canonical, sorted, own address left
   * out): every registered host plus every peer of a network here.
   */
  vxlanSources: string[];
  routers: ResolvedRouter[];
}

export interface ResolveContext {
  facts: HostNetworkFacts;
  underlayMtu: number;
  stateDir: string;
  /** MTU of an existing link in the host namespace (flat bridges), or undefined. */
  linkMtu(name: string): number | undefined;
}

/** The host's own end of every VXLAN tunnel. */
export interface Underlay {
  /** The VTEP address (`local` of every VXLAN link). */
  local: string;
  /** The device VXLAN links are bound to. */
  dev: string;
  /** Its MTU; NaN when the device does not exist (only a vxlan network needs it). */
  mtu: number;
}

export function resolveUnderlay(ctx: ResolveContext): Underlay {
  return {
    local: checkIp(ctx.facts.underlayIp, 'underlay ip'),
    dev: checkIfname(ctx.facts.underlayDevice, 'underlay device'),
    mtu: ctx.underlayMtu,
  };
}

export function resolveDhcp(networkId: string, spec: DhcpSpec, mtu: number, stateDir: string): ResolvedDhcp {
  const nsEnd = dhcpNsVethName(networkId);
  const paths = dnsmasqPaths(stateDir, networkId);
  return {
    namespace: dhcpNamespaceName(networkId),
    hostEnd: dhcpHostVethName(networkId),
    nsEnd,
    mac: checkMac(spec.mac, 'dhcp mac'),
    paths,
    config: renderDnsmasq(spec, nsEnd, mtu, paths),
  };
}

/** A vxlan network: strato's bridge and VXLAN link, the MTU within the underlay's, its peers. */
export function resolveVxlanNetwork(n: NetworkSpec, underlay: Underlay): ResolvedNetwork {
  const vni = n.vni;
  if (vni === undefined || !Number.isInteger(vni) || vni < 1 || vni > 0xffffff) {
    throw invalidArgument('INVALID_VNI', `network ${n.networkId}: VNI ${String(vni)} is not 1..16777215`);
  }
  if (!Number.isFinite(underlay.mtu)) {
    throw failedPrecondition('UNDERLAY_MISSING', `underlay device ${underlay.dev} does not exist on this host`);
  }
  const vxMtu = underlay.mtu - VXLAN_OVERHEAD;
  const mtu = n.mtu ?? vxMtu;
  if (!Number.isInteger(mtu) || mtu < 576 || mtu > vxMtu) {
    throw invalidArgument(
      'INVALID_MTU',
      `network ${n.networkId}: MTU ${mtu} must be 576..${vxMtu} (underlay MTU − ${VXLAN_OVERHEAD})`,
    );
  }
  const peers = [...new Set(n.vxlanPeers.map((p) => checkIp(p, 'vxlan peer')))]
    .filter((p) => p !== underlay.local)
    .sort();
  return {
    networkId: n.networkId,
    bridge: bridgeName(n.networkId),
    managedBridge: true,
    mtu,
    vxlan: { name: vxlanName(vni), vni, local: underlay.local, dev: underlay.dev, mtu: vxMtu },
    peers,
  };
}

/** A flat network: the operator's bridge, which must exist; its MTU unless one is given. */
export function resolveFlatNetwork(n: NetworkSpec, linkMtu: ResolveContext['linkMtu']): ResolvedNetwork {
  const bridge = checkIfname(n.physicalBridge ?? '', 'physicalBridge');
  const have = linkMtu(bridge);
  if (have === undefined) {
    throw failedPrecondition(
      'PHYSICAL_BRIDGE_MISSING',
      `flat network ${n.networkId}: bridge ${bridge} does not exist on this host`,
    );
  }
  return { networkId: n.networkId, bridge, managedBridge: false, mtu: n.mtu ?? have, peers: [] };
}

/** One network of either type, with its DHCP server when this host serves it. */
export function resolveNetwork(n: NetworkSpec, underlay: Underlay, ctx: ResolveContext): ResolvedNetwork {
  let net: ResolvedNetwork;
  if (n.type === 'vxlan') net = resolveVxlanNetwork(n, underlay);
  else if (n.type === 'flat') net = resolveFlatNetwork(n, ctx.linkMtu);
  else {
    throw invalidArgument(
      'INVALID_NETWORK_TYPE',
      `network ${n.networkId}: type ${JSON.stringify(n.type)} is not vxlan or flat`,
    );
  }
  if (n.dhcp !== undefined) net.dhcp = resolveDhcp(n.networkId, n.dhcp, net.mtu, ctx.stateDir);
  return net;
}

/**
 * The networks that belong on this host, resolved: every listed id is checked and
 * unique, but only a network with a port bound here, DHCP served here or a router leg
 * here is kept; no two kept networks may share a bridge.
 */
export function resolveNetworks(
  desired: DesiredHostNetwork,
  underlay: Underlay,
  ctx: ResolveContext,
): ResolvedNetwork[] {
  const seen = new Set<string>();
  for (const n of desired.networks) {
    checkId(n.networkId, 'networkId');
    if (seen.has(n.networkId)) throw invalidArgument('DUPLICATE_NETWORK', `network ${n.networkId} listed twice`);
    seen.add(n.networkId);
  }
  const withPorts = new Set([...desired.ports.map((p) => p.networkId), ...routerNetworkIds(desired.routers ?? [])]);
  const networks = desired.networks
    .filter((n) => withPorts.has(n.networkId) || n.dhcp !== undefined)
    .map((n) => resolveNetwork(n, underlay, ctx));
  const bridges = new Set<string>();
  for (const n of networks) {
    if (bridges.has(n.bridge)) throw invalidArgument('DUPLICATE_BRIDGE', `bridge ${n.bridge} used by two networks`);
    bridges.add(n.bridge);
  }
  return networks;
}

function checkNamespace(name: string): string {
  if (!/^[A-Za-z0-9_.-]{1,200}$/.test(String(name)) || name === '.' || name === '..') {
    throw invalidArgument('INVALID_NAMESPACE', `attach namespace ${JSON.stringify(name)} is not a valid name`);
  }
  return name;
}

/** One port on its (resolved) network: tap and host-side MAC, attachment, checked rules. */
export function resolvePort(p: PortBinding, net: ResolvedNetwork): ResolvedPort {
  const tap = tapName(checkId(p.portId, 'portId'));
  const mac = checkMac(p.mac, `port ${p.portId} mac`);
  const ips = p.ips.map((ip) => checkIpv4(ip, `port ${p.portId} ip`));
  for (const rule of p.securityGroups) checkRule(rule);
  return {
    portId: p.portId,
    tap,
    hostMac: `fe${mac.slice(2)}`,
    mtu: net.mtu,
    bridge: net.bridge,
    ...(p.attach === undefined
      ? {}
      : { attach: { namespace: checkNamespace(p.attach.namespace), guestIf: guestIfName(p.portId), mac } }),
    firewall: {
      tap,
      mac,
      ips,
      rules: p.securityGroups,
      portSecurity: p.portSecurity !== false,
      ...(net.managedBridge ? {} : { hostBridge: net.bridge }),
    },
  };
}

/** Every port, each on a network of the state and with a tap of its own. */
export function resolvePorts(ports: readonly PortBinding[], networks: readonly ResolvedNetwork[]): ResolvedPort[] {
  const netById = new Map(networks.map((n) => [n.networkId, n]));
  const tapOwner = new Map<string, string>();
  return ports.map((p) => {
    const net = netById.get(p.networkId);
    if (net === undefined) {
      throw invalidArgument(
        'UNKNOWN_NETWORK',
        `port ${p.portId}: network ${p.networkId} is not in the desired networks`,
      );
    }
    const port = resolvePort(p, net);
    const owner = tapOwner.get(port.tap);
    if (owner !== undefined) {
      throw invalidArgument(
        'DUPLICATE_TAP',
        `ports ${owner} and ${p.portId} would share tap ${port.tap} (their ids share the first 11 characters)`,
      );
    }
    tapOwner.set(port.tap, p.portId);
    return port;
  });
}

/**
 * Underlay addresses VXLAN is accepted from (canonical, sorted, own address left out):
 * every registered host plus every peer of a network here.
 */
export function vxlanSources(
  underlayPeers: readonly string[],
  networks: readonly ResolvedNetwork[],
  local: string,
): string[] {
  const out = new Set<string>();
  for (const ip of underlayPeers) out.add(canonicalIp(ip, 'underlay peer'));
  for (const n of networks) for (const ip of n.peers) out.add(canonicalIp(ip, 'vxlan peer'));
  out.delete(canonicalIp(local, 'underlay ip'));
  return [...out].sort();
}

export function resolveDesired(desired: DesiredHostNetwork, ctx: ResolveContext): ResolvedState {
  const underlay = resolveUnderlay(ctx);
  const networks = resolveNetworks(desired, underlay, ctx);
  const ports = resolvePorts(desired.ports, networks);
  const routers = resolveRouters(desired.routers ?? [], networks);
  return {
    networks,
    ports,
    vxlanSources: vxlanSources(desired.underlayPeers ?? [], networks, underlay.local),
    routers,
  };
}
