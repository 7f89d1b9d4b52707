// Desired state → a fully resolved, validated form the planners can compare with the
// host: names, MTUs, VXLAN parameters, dnsmasq argv and files, firewall specs. Every
// bad input is refused here, before any step runs (bad input changes nothing). Pure.
import { failedPrecondition, invalidArgument } from '../../../common/errors.ts';
import {
  type DhcpSpec,
  dhcpHostVethName,
  dhcpNamespaceName,
  dhcpNsVethName,
  guestIfName,
  type HostNetworkFacts,
  type HostNetworkState,
  vxlanName,
} from '../network-driver.ts';
import { canonicalIp, checkId, checkIfname, checkIp, checkIpv4, checkMac } from './addr.ts';
import { type DnsmasqConfig, type DnsmasqPaths, dnsmasqPaths, renderDnsmasq } from './dnsmasq-config.ts';
import type { PortFirewallSpec } from './firewall-render.ts';

/** VXLAN over IPv4 adds 50 bytes (outer Ethernet 14 + IP 20 + UDP 8 + VXLAN 8). */
export const VXLAN_OVERHEAD = 50;
export const VXLAN_PORT = 4789;

export interface ResolvedDhcp {
  namespace: string;
  hostEnd: string;
  nsEnd: string;
  mac: string;
  paths: DnsmasqPaths;
  config: DnsmasqConfig;
}

export interface ResolvedNetwork {
  networkId: string;
  bridge: string;
  /** strato creates and deletes the bridge (vxlan); false for an operator's flat bridge. */
  managedBridge: boolean;
  mtu: number;
  vxlan?: { name: string; vni: number; local: string; dev: string; mtu: number };
  peers: string[];
  dhcp?: ResolvedDhcp;
}

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
}

export interface ResolveContext {
  facts: HostNetworkFacts;
  underlayMtu: number;
  stateDir: string;
  /** MTU of an existing link in the host namespace (flat bridges), or undefined. */
  linkMtu(name: string): number | undefined;
}

function resolveDhcp(networkId: string, spec: DhcpSpec, mtu: number, stateDir: string): ResolvedDhcp {
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

function checkNamespace(name: string): string {
  if (!/^[A-Za-z0-9_.-]{1,200}$/.test(String(name)) || name === '.' || name === '..') {
    throw invalidArgument('INVALID_NAMESPACE', `attach namespace ${JSON.stringify(name)} is not a valid name`);
  }
  return name;
}

export function resolveDesired(desired: HostNetworkState, ctx: ResolveContext): ResolvedState {
  const local = checkIp(ctx.facts.underlayIp, 'underlay ip');
  const dev = checkIfname(ctx.facts.underlayDevice, 'underlay device');
  const byNetwork = new Map<string, number>();
  for (const p of desired.ports) byNetwork.set(p.networkId, (byNetwork.get(p.networkId) ?? 0) + 1);
  const networks: ResolvedNetwork[] = [];
  const seenBridges = new Set<string>();
  const seenNetworks = new Set<string>();
  for (const n of desired.networks) {
    checkId(n.networkId, 'networkId');
    if (seenNetworks.has(n.networkId))
      throw invalidArgument('DUPLICATE_NETWORK', `network ${n.networkId} listed twice`);
    seenNetworks.add(n.networkId);
    // A network is on this host while a port of it is bound here or the host serves its DHCP.
    if (!byNetwork.has(n.networkId) && n.dhcp === undefined) continue;
    let net: ResolvedNetwork;
    if (n.type === 'vxlan') {
      const vni = n.vni;
      if (vni === undefined || !Number.isInteger(vni) || vni < 1 || vni > 0xffffff) {
        throw invalidArgument('INVALID_VNI', `network ${n.networkId}: VNI ${String(vni)} is not 1..16777215`);
      }
      if (!Number.isFinite(ctx.underlayMtu)) {
        throw failedPrecondition('UNDERLAY_MISSING', `underlay device ${dev} does not exist on this host`);
      }
      const vxMtu = ctx.underlayMtu - VXLAN_OVERHEAD;
      const mtu = n.mtu ?? vxMtu;
      if (!Number.isInteger(mtu) || mtu < 576 || mtu > vxMtu) {
        throw invalidArgument(
          'INVALID_MTU',
          `network ${n.networkId}: MTU ${mtu} must be 576..${vxMtu} (underlay MTU − ${VXLAN_OVERHEAD})`,
        );
      }
      const peers = [...new Set(n.vxlanPeers.map((p) => checkIp(p, 'vxlan peer')))].filter((p) => p !== local).sort();
      net = {
        networkId: n.networkId,
        bridge: checkIfname(n.bridge, 'bridge'),
        managedBridge: true,
        mtu,
        vxlan: { name: vxlanName(vni), vni, local, dev, mtu: vxMtu },
        peers,
      };
    } else if (n.type === 'flat') {
      const bridge = checkIfname(n.physicalBridge ?? '', 'physicalBridge');
      const have = ctx.linkMtu(bridge);
      if (have === undefined) {
        throw failedPrecondition(
          'PHYSICAL_BRIDGE_MISSING',
          `flat network ${n.networkId}: bridge ${bridge} does not exist on this host`,
        );
      }
      net = { networkId: n.networkId, bridge, managedBridge: false, mtu: n.mtu ?? have, peers: [] };
    } else {
      throw invalidArgument(
        'INVALID_NETWORK_TYPE',
        `network ${n.networkId}: type ${JSON.stringify(n.type)} is not vxlan or flat`,
      );
    }
    if (seenBridges.has(net.bridge))
      throw invalidArgument('DUPLICATE_BRIDGE', `bridge ${net.bridge} used by two networks`);
    seenBridges.add(net.bridge);
    if (n.dhcp !== undefined) net.dhcp = resolveDhcp(n.networkId, n.dhcp, net.mtu, ctx.stateDir);
    networks.push(net);
  }
  const netById = new Map(networks.map((n) => [n.networkId, n]));
  const taps = new Set<string>();
  const ports: ResolvedPort[] = desired.ports.map((p) => {
    checkId(p.portId, 'portId');
    const net = netById.get(p.networkId);
    if (net === undefined)
      throw invalidArgument(
        'UNKNOWN_NETWORK',
        `port ${p.portId}: network ${p.networkId} is not in the desired networks`,
      );
    const tap = checkIfname(p.tap, 'tap');
    if (!tap.startsWith('tap'))
      throw invalidArgument('INVALID_INTERFACE_NAME', `port ${p.portId}: tap ${tap} must start with "tap"`);
    if (taps.has(tap)) throw invalidArgument('DUPLICATE_TAP', `tap ${tap} used by two ports`);
    taps.add(tap);
    const mac = checkMac(p.mac, `port ${p.portId} mac`);
    const ips = p.ips.map((ip) => checkIpv4(ip, `port ${p.portId} ip`));
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
  });
  return { networks, ports, vxlanSources: vxlanSources(desired, networks, local) };
}

function vxlanSources(desired: HostNetworkState, networks: ResolvedNetwork[], local: string): string[] {
  const out = new Set<string>();
  for (const ip of desired.underlayPeers ?? []) out.add(canonicalIp(ip, 'underlay peer'));
  for (const n of networks) for (const ip of n.peers) out.add(canonicalIp(ip, 'vxlan peer'));
  out.delete(canonicalIp(local, 'underlay ip'));
  return [...out].sort();
}
