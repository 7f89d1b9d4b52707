// Network records as stored (plain data). Addresses are kept as text in the
// records (what users see and what the store holds); ipv4.ts does the math.

export type ProviderType = 'vxlan' | 'flat';
export const PROVIDER_TYPES: readonly ProviderType[] = ['vxlan', 'flat'];

export interface NetworkRecord {
  id: string;
  name: string;
  projectId: string;
  providerType: ProviderType;
  /** The VNI of a vxlan network; 0 for flat. */
  vni: number;
  /** The operator's bridge of a flat network; '' for vxlan. */
  physicalBridge: string;
  mtu: number;
  /** In creation order; the first with a free address serves automatic allocation. */
  subnetIds: string[];
  /** MAC of the DHCP server's interface in qdhcp-<id>, reserved at network creation. */
  dhcpMac: string;
  createdAt: string;
  /**
   * An external network (router:external): flat, made by an admin; gateways and
   * floating IPs take their addresses from its subnets. Absent = false.
   */
  external?: boolean;
}

export interface AllocationPool {
  /** Inclusive dotted-quad bounds. */
  start: string;
  end: string;
}

export interface SubnetRecord {
  id: string;
  name: string;
  projectId: string;
  networkId: string;
  /** Canonical 'a.b.c.d/n'. */
  cidr: string;
  /** '' = no gateway. */
  gatewayIp: string;
  allocationPools: AllocationPool[];
  dnsServers: string[];
  enableDhcp: boolean;
  /** The DHCP server's address, allocated from the pools; '' without DHCP. */
  dhcpIp: string;
  createdAt: string;
}

export interface FixedIp {
  subnetId: string;
  ip: string;
}

export interface PortRecord {
  id: string;
  /** May be ''. */
  name: string;
  projectId: string;
  networkId: string;
  mac: string;
  fixedIps: FixedIp[];
  securityGroupIds: string[];
  /** The instance using the port; '' when free. */
  deviceId: string;
  deviceOwner: string;
  /** The host the port is wired on; '' when unbound. */
  bindingHost: string;
  /**
   * While its server moves: the destination, where the port is wired too (a
   * second binding, like Neutron's during a live migration) so the guest has its
   * taps before it runs there. Absent or '' = none.
   */
  migrationHost?: string;
  createdAt: string;
  updatedAt: string;
}

export type Direction = 'ingress' | 'egress';
export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];
export type RuleProtocol = 'tcp' | 'udp' | 'icmp' | 'any';
export const RULE_PROTOCOLS: readonly RuleProtocol[] = ['tcp', 'udp', 'icmp', 'any'];

export interface SecurityGroupRuleRecord {
  id: string;
  direction: Direction;
  ethertype: 'IPv4';
  protocol: RuleProtocol;
  /** tcp/udp only; 0/0 = every port. */
  portMin: number;
  portMax: number;
  /** icmp only; null = any. */
  icmpType: number | null;
  icmpCode: number | null;
  /** Canonical CIDR, or '' when remoteGroupId is set. */
  remoteIpPrefix: string;
  /** '' when remoteIpPrefix is set. */
  remoteGroupId: string;
}

export interface SecurityGroupRecord {
  id: string;
  name: string;
  projectId: string;
  description: string;
  rules: SecurityGroupRuleRecord[];
  createdAt: string;
}

export const DEFAULT_SECURITY_GROUP = 'default';

/** device_owner of a router's ports (Neutron's words). */
export const ROUTER_INTERFACE_OWNER = 'network:router_interface';
export const ROUTER_GATEWAY_OWNER = 'network:router_gateway';
export const FLOATING_IP_OWNER = 'network:floatingip';

/** A router's leg on one tenant subnet: a port (owner ROUTER_INTERFACE_OWNER) holding the subnet's gateway address. */
export interface RouterInterfaceRecord {
  subnetId: string;
  networkId: string;
  portId: string;
  ip: string;
}

/** A router's leg on its external network: a port (owner ROUTER_GATEWAY_OWNER) with an address from its pool. */
export interface RouterGatewayRecord {
  networkId: string;
  subnetId: string;
  portId: string;
  ip: string;
  enableSnat: boolean;
}

export interface RouterRecord {
  id: string;
  name: string;
  projectId: string;
  /** The host (network role) whose agent runs it. */
  hostId: string;
  /** Absent: no external gateway. */
  gateway?: RouterGatewayRecord;
  /** In the order they were added. */
  interfaces: RouterInterfaceRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface FloatingIpRecord {
  id: string;
  projectId: string;
  /** The external network and subnet the address belongs to. */
  networkId: string;
  subnetId: string;
  ip: string;
  /** '' when unassociated. */
  portId: string;
  /** The port's address it maps to; '' when unassociated. */
  fixedIp: string;
  /** The router carrying it while associated; ''. */
  routerId: string;
  createdAt: string;
  updatedAt: string;
}
