// The conductor's per-host view in the shape the agent's network driver takes
// (agent/network/network-driver.ts), so the two sides are checked against each
// other by the compiler until the push travels in a proto message. Pure.
import type {
  HostNetworkState as AgentHostNetworkState,
  NetworkSpec,
  PortBinding,
  SecurityRule,
} from '../../agent/network/network-driver.ts';
import type { HostNetworkState } from './host-network-view.ts';
import type { ResolvedRule } from './sg-resolve.ts';

function agentRule(r: ResolvedRule): SecurityRule {
  const out: SecurityRule = { direction: r.direction, protocol: r.protocol, remoteCidrs: r.remoteCidrs };
  if (r.protocol === 'icmp') {
    // The driver's convention (Neutron's too): type in portMin, code in portMax.
    if (r.icmpType !== null) out.portMin = r.icmpType;
    if (r.icmpCode !== null) out.portMax = r.icmpCode;
  } else if (r.portMin !== 0) {
    out.portMin = r.portMin;
    out.portMax = r.portMax;
  }
  return out;
}

export function toAgentDesiredState(view: HostNetworkState): AgentHostNetworkState {
  const dhcpByNet = new Map(view.dhcp.map((d) => [d.networkId, d]));
  const networks = view.networks.map((n): NetworkSpec => {
    const spec: NetworkSpec = {
      networkId: n.networkId,
      type: n.providerType,
      mtu: n.mtu,
      bridge: n.bridge,
      vxlanPeers: n.vxlanPeers,
    };
    if (n.providerType === 'vxlan') spec.vni = n.vni;
    else spec.physicalBridge = n.bridge;
    const d = dhcpByNet.get(n.networkId);
    if (d) {
      spec.dhcp = {
        mac: d.mac,
        subnets: d.subnets.map((s) => ({
          cidr: s.cidr,
          serverIp: s.serverIp,
          ...(s.gatewayIp === '' ? {} : { gateway: s.gatewayIp }),
          dns: s.dnsServers,
        })),
        hosts: d.hosts.map((h) => ({ mac: h.mac, ip: h.ip })),
      };
    }
    return spec;
  });
  const ports = view.ports.map(
    (p): PortBinding => ({
      portId: p.portId,
      networkId: p.networkId,
      tap: p.tap,
      mac: p.mac,
      ips: p.fixedIps.map((f) => f.ip),
      securityGroups: p.rules.map(agentRule),
    }),
  );
  // Only a host with networks has strato's tables (and VXLAN sockets) to filter; an
  // empty host keeps the bare empty state, which is never pushed to a host that had
  // nothing (push-plan.ts), however many hosts register.
  return networks.length === 0 ? { networks, ports } : { networks, ports, underlayPeers: view.underlayPeers };
}
