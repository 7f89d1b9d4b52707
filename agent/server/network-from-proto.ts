// strato.agent.v1.HostNetworkState (ApplyNetworkState) → the network driver's plain
// data. Missing or malformed fields become INVALID_ARGUMENT (STATE_INVALID) naming
// the field by its proto path (`state.ports[2].mac`); an enum value this agent does
// not know is refused too, since a rule it cannot read is a rule it would not
// enforce. Values (CIDRs, MACs, VNI and MTU ranges, names) are the driver's to check
// (agent/network/linux/resolve.ts), before any step. Pure.
import { invalidArgument } from '../../common/errors.ts';
import type { DhcpConfig__Output } from '../../common/gen/strato/agent/v1/DhcpConfig.ts';
import type { DhcpHostConfig__Output } from '../../common/gen/strato/agent/v1/DhcpHostConfig.ts';
import type { DhcpSubnetConfig__Output } from '../../common/gen/strato/agent/v1/DhcpSubnetConfig.ts';
import type { HostNetworkState__Output } from '../../common/gen/strato/agent/v1/HostNetworkState.ts';
import type { NetworkConfig__Output } from '../../common/gen/strato/agent/v1/NetworkConfig.ts';
import type { PortConfig__Output } from '../../common/gen/strato/agent/v1/PortConfig.ts';
import type { SecurityRuleConfig__Output } from '../../common/gen/strato/agent/v1/SecurityRuleConfig.ts';
import type {
  DesiredHostNetwork,
  DhcpHost,
  DhcpSpec,
  DhcpSubnet,
  NetworkSpec,
  PortBinding,
  SecurityRule,
} from '../network/network-driver.ts';
import { routerFromProto } from './router-from-proto.ts';

function bad(field: string, message: string): never {
  throw invalidArgument('STATE_INVALID', `${field}: ${message}`, { details: { field } });
}

function required(value: string, field: string): string {
  if (value === '') bad(field, 'is required');
  return value;
}

function strings(values: readonly string[], field: string): string[] {
  return values.map((v, i) => required(v, `${field}[${i}]`));
}

/** A known enum value by its proto name, or INVALID_ARGUMENT (UNSPECIFIED reads as missing). */
function oneOf<T extends string>(value: string | number, names: Readonly<Record<string, T>>, field: string): T {
  const known = typeof value === 'string' && Object.hasOwn(names, value) ? names[value] : undefined;
  if (known === undefined) bad(field, `must be one of ${Object.keys(names).join(', ')}`);
  return known;
}

const NETWORK_TYPES = { NETWORK_TYPE_VXLAN: 'vxlan', NETWORK_TYPE_FLAT: 'flat' } as const;
const DIRECTIONS = { RULE_DIRECTION_INGRESS: 'ingress', RULE_DIRECTION_EGRESS: 'egress' } as const;
const PROTOCOLS = {
  RULE_PROTOCOL_ANY: 'any',
  RULE_PROTOCOL_TCP: 'tcp',
  RULE_PROTOCOL_UDP: 'udp',
  RULE_PROTOCOL_ICMP: 'icmp',
} as const;

function dhcpSubnetFromProto(s: DhcpSubnetConfig__Output, field: string): DhcpSubnet {
  const out: DhcpSubnet = {
    cidr: required(s.cidr, `${field}.cidr`),
    serverIp: required(s.serverIp, `${field}.server_ip`),
    dns: strings(s.dns, `${field}.dns`),
  };
  if (s.gateway !== '') out.gateway = s.gateway;
  return out;
}

function dhcpHostFromProto(h: DhcpHostConfig__Output, field: string): DhcpHost {
  const out: DhcpHost = { mac: required(h.mac, `${field}.mac`), ip: required(h.ip, `${field}.ip`) };
  if (h.hostname !== '') out.hostname = h.hostname;
  return out;
}

function dhcpFromProto(d: DhcpConfig__Output, field: string): DhcpSpec {
  const out: DhcpSpec = {
    mac: required(d.mac, `${field}.mac`),
    subnets: d.subnets.map((s, i) => dhcpSubnetFromProto(s, `${field}.subnets[${i}]`)),
    hosts: d.hosts.map((h, i) => dhcpHostFromProto(h, `${field}.hosts[${i}]`)),
  };
  if (d.upstreamDns.length > 0) out.upstreamDns = strings(d.upstreamDns, `${field}.upstream_dns`);
  if (d.metadata) out.metadata = true;
  return out;
}

function networkConfigFromProto(n: NetworkConfig__Output, field: string): NetworkSpec {
  const out: NetworkSpec = {
    networkId: required(n.networkId, `${field}.network_id`),
    type: oneOf(n.type, NETWORK_TYPES, `${field}.type`),
    vxlanPeers: strings(n.vxlanPeers, `${field}.vxlan_peers`),
  };
  if (out.type === 'vxlan') {
    if (n.vni === 0) bad(`${field}.vni`, 'is required for a vxlan network');
    out.vni = n.vni;
  } else {
    out.physicalBridge = required(n.physicalBridge, `${field}.physical_bridge`);
  }
  if (n.mtu !== 0) out.mtu = n.mtu;
  if (n.dhcp) out.dhcp = dhcpFromProto(n.dhcp, `${field}.dhcp`);
  return out;
}

function ruleFromProto(r: SecurityRuleConfig__Output, field: string): SecurityRule {
  const out: SecurityRule = {
    direction: oneOf(r.direction, DIRECTIONS, `${field}.direction`),
    protocol: oneOf(r.protocol, PROTOCOLS, `${field}.protocol`),
    remoteCidrs: strings(r.remoteCidrs, `${field}.remote_cidrs`),
  };
  if (r.portMin !== undefined) out.portMin = r.portMin;
  if (r.portMax !== undefined) out.portMax = r.portMax;
  return out;
}

function portConfigFromProto(p: PortConfig__Output, field: string): PortBinding {
  const out: PortBinding = {
    portId: required(p.portId, `${field}.port_id`),
    networkId: required(p.networkId, `${field}.network_id`),
    mac: required(p.mac, `${field}.mac`),
    ips: strings(p.ips, `${field}.ips`),
    securityGroups: p.rules.map((r, i) => ruleFromProto(r, `${field}.rules[${i}]`)),
  };
  if (p.portSecurity !== undefined) out.portSecurity = p.portSecurity;
  if (p.attach) out.attach = { namespace: required(p.attach.namespace, `${field}.attach.namespace`) };
  return out;
}

/** The whole state of ApplyNetworkState (`field` is where the message sits in the request). */
export function hostNetworkFromProto(
  state: HostNetworkState__Output | null | undefined,
  field = 'state',
): DesiredHostNetwork {
  if (!state) bad(field, 'is required');
  const out: DesiredHostNetwork = {
    networks: state.networks.map((n, i) => networkConfigFromProto(n, `${field}.networks[${i}]`)),
    ports: state.ports.map((p, i) => portConfigFromProto(p, `${field}.ports[${i}]`)),
  };
  if (state.underlayPeers.length > 0) out.underlayPeers = strings(state.underlayPeers, `${field}.underlay_peers`);
  if (state.routers.length > 0) out.routers = state.routers.map((r, i) => routerFromProto(r, `${field}.routers[${i}]`));
  return out;
}
