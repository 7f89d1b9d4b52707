// The conductor's per-host view (conductor/network/host-network-view.ts) as the
// strato.agent.v1.HostNetworkState message ApplyNetworkState carries: ids, addresses
// and rules only, since the agent derives every interface name from the ids itself.
// Deterministic (the view is ordered by id throughout), so equal views give equal
// messages and push-plan.ts can compare them by hash. Pure.
import type { DhcpConfig } from '../../common/gen/strato/agent/v1/DhcpConfig.ts';
import type { HostNetworkState } from '../../common/gen/strato/agent/v1/HostNetworkState.ts';
import type { NetworkConfig } from '../../common/gen/strato/agent/v1/NetworkConfig.ts';
import type { PortConfig } from '../../common/gen/strato/agent/v1/PortConfig.ts';
import type { RouterConfig } from '../../common/gen/strato/agent/v1/RouterConfig.ts';
import type { RuleDirection } from '../../common/gen/strato/agent/v1/RuleDirection.ts';
import type { RuleProtocol } from '../../common/gen/strato/agent/v1/RuleProtocol.ts';
import type { SecurityRuleConfig } from '../../common/gen/strato/agent/v1/SecurityRuleConfig.ts';
import type { HostDhcpServer, HostNetwork, HostNetworkView, HostPort } from '../network/host-network-view.ts';
import type { Direction, RuleProtocol as RecordProtocol } from '../network/model.ts';
import type { HostRouter } from '../network/router-view.ts';
import type { ResolvedRule } from '../network/sg-resolve.ts';

const DIRECTION: Record<Direction, RuleDirection> = {
  ingress: 'RULE_DIRECTION_INGRESS',
  egress: 'RULE_DIRECTION_EGRESS',
};

const PROTOCOL: Record<RecordProtocol, RuleProtocol> = {
  any: 'RULE_PROTOCOL_ANY',
  tcp: 'RULE_PROTOCOL_TCP',
  udp: 'RULE_PROTOCOL_UDP',
  icmp: 'RULE_PROTOCOL_ICMP',
};

function ruleConfig(r: ResolvedRule): SecurityRuleConfig {
  const out: SecurityRuleConfig = {
    direction: DIRECTION[r.direction],
    protocol: PROTOCOL[r.protocol],
    remoteCidrs: r.remoteCidrs,
  };
  if (r.protocol === 'icmp') {
    // The contract's convention (Neutron's too): type in port_min, code in port_max.
    if (r.icmpType !== null) out.portMin = r.icmpType;
    if (r.icmpCode !== null) out.portMax = r.icmpCode;
  } else if (r.portMin !== 0) {
    out.portMin = r.portMin;
    out.portMax = r.portMax;
  }
  return out;
}

function dhcpConfig(d: HostDhcpServer): DhcpConfig {
  return {
    mac: d.mac,
    subnets: d.subnets.map((s) => ({ cidr: s.cidr, serverIp: s.serverIp, gateway: s.gatewayIp, dns: s.dnsServers })),
    hosts: d.hosts.map((h) => ({ mac: h.mac, ip: h.ip })),
    metadata: d.metadata,
  };
}

function networkConfig(n: HostNetwork, dhcp: HostDhcpServer | undefined): NetworkConfig {
  const out: NetworkConfig =
    n.providerType === 'vxlan'
      ? { networkId: n.networkId, type: 'NETWORK_TYPE_VXLAN', vni: n.vni }
      : { networkId: n.networkId, type: 'NETWORK_TYPE_FLAT', physicalBridge: n.bridge };
  out.mtu = n.mtu;
  out.vxlanPeers = n.vxlanPeers;
  if (dhcp) out.dhcp = dhcpConfig(dhcp);
  return out;
}

const portConfig = (p: HostPort): PortConfig => ({
  portId: p.portId,
  networkId: p.networkId,
  mac: p.mac,
  ips: p.fixedIps.map((f) => f.ip),
  rules: p.rules.map(ruleConfig),
});

function routerConfig(r: HostRouter): RouterConfig {
  const out: RouterConfig = {
    routerId: r.routerId,
    interfaces: r.interfaces.map((i) => ({ portId: i.portId, networkId: i.networkId, mac: i.mac, ipCidr: i.ipCidr })),
    floatingIps: r.floatingIps.map((f) => ({ floatingIp: f.floatingIp, fixedIp: f.fixedIp })),
    metadata: r.metadata,
  };
  const g = r.gateway;
  if (g) {
    out.gateway = {
      portId: g.portId,
      networkId: g.networkId,
      mac: g.mac,
      ipCidr: g.ipCidr,
      gatewayIp: g.gatewayIp,
      enableSnat: g.enableSnat,
    };
  }
  return out;
}

export function hostNetworkToProto(view: HostNetworkView): HostNetworkState {
  const dhcpByNet = new Map(view.dhcp.map((d) => [d.networkId, d]));
  const networks = view.networks.map((n) => networkConfig(n, dhcpByNet.get(n.networkId)));
  // Only a host with networks has strato's tables (and VXLAN sockets) to filter; an
  // empty host keeps the bare empty state, which is never pushed to a host that had
  // nothing (push-plan.ts), however many hosts register.
  const underlayPeers = networks.length === 0 ? [] : view.underlayPeers;
  const state: HostNetworkState = { networks, ports: view.ports.map(portConfig), underlayPeers };
  // Only when there are some: a host without routers keeps the very message (and
  // hash) it had before routers existed, the empty state's above all.
  if (view.routers.length > 0) state.routers = view.routers.map(routerConfig);
  return state;
}
