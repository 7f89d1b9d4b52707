// The agent's network seam: the conductor's desired state for ONE host, as plain data,
// and the driver that makes the host match it (bridges, VXLAN + FDB peers, taps, one
// dnsmasq per network, security groups). The conductor pushes the state
// (strato.agent.v1.AgentNetwork, converted by agent/server/network-from-proto.ts); the
// agent hands the whole of it to `apply` after every change and periodically, and the
// driver re-plans from what it observes on the host, so a restart, a lost message or a
// half-done apply converges. Applying the same state twice performs zero steps.
//
// The state names ids only: the driver derives every host name from them with
// common/network-names.ts (bridge `brq<netid[:11]>`, tap `tap<portid[:11]>`, VXLAN
// `vxlan-<vni>`, DHCP namespace `qdhcp-<netid>`, DHCP veth `dh-<netid[:11]>` /
// `ns-<netid[:11]>`, router namespace `qrouter-<routerid>` with veths `tqr`/`qr-` and
// `tqg`/`qg-` + port id prefix), plus nftables tables `inet strato` + `bridge strato`
// on the host and `ip strato_router` in each router's namespace.

/** What the agent knows about its own host; not part of the conductor's message. */
export interface HostNetworkFacts {
  /** Underlay device VXLAN tunnels are bound to, e.g. `eth0`. */
  underlayDevice: string;
  /** This host's underlay (VTEP) address, the `local` of every VXLAN link. */
  underlayIp: string;
}

export interface DhcpSubnet {
  /** e.g. `10.0.0.0/24`. */
  cidr: string;
  /** The DHCP port's fixed IP in this subnet; dnsmasq listens on it. */
  serverIp: string;
  /** Router option; omitted (and suppressed) when the subnet has no gateway. */
  gateway?: string;
  /** DNS servers option; empty → dnsmasq offers itself (it answers for the network's hosts). */
  dns: string[];
}

export interface DhcpHost {
  mac: string;
  ip: string;
  /** A DNS label (letters, digits, '-'); optional. */
  hostname?: string;
}

/** Present only on the host the conductor chose to serve DHCP for the network. */
export interface DhcpSpec {
  /** MAC of the DHCP port (the namespace end of the veth). */
  mac: string;
  subnets: DhcpSubnet[];
  /** Static MAC → IP entries; dnsmasq serves nothing else. */
  hosts: DhcpHost[];
  /** Upstream resolvers for dnsmasq; without any it runs with --no-resolv. */
  upstreamDns?: string[];
  /**
   * Serve the metadata service from the DHCP namespace: 169.254.169.254/32 on its
   * interface and DHCP option 121 routing it through the DHCP port. @default false
   */
  metadata?: boolean;
}

export interface NetworkSpec {
  /** A vxlan network's bridge is `bridgeName(networkId)`. */
  networkId: string;
  type: 'vxlan' | 'flat';
  /** Required for vxlan. */
  vni?: number;
  /** Required for flat: the operator's existing bridge, never created or deleted by strato. */
  physicalBridge?: string;
  /** Guest-facing MTU (bridge, taps, DHCP option 26). @default underlay MTU − 50 for vxlan, the bridge's for flat */
  mtu?: number;
  /** Underlay IPs of the OTHER hosts with ports on this network (own address is ignored). */
  vxlanPeers: string[];
  dhcp?: DhcpSpec;
}

export interface SecurityRule {
  direction: 'ingress' | 'egress';
  protocol: 'tcp' | 'udp' | 'icmp' | 'any';
  /** tcp/udp destination port range; for icmp, portMin is the ICMP type. Absent = all. */
  portMin?: number;
  portMax?: number;
  /**
   * Remote addresses (remote groups already resolved by the conductor). Any address is
   * `['0.0.0.0/0']`; an EMPTY list matches nothing (a remote group without members).
   */
  remoteCidrs: string[];
}

export interface PortBinding {
  /** Its tap is `tapName(portId)`: two ports whose ids share 11 characters are refused. */
  portId: string;
  networkId: string;
  /** The guest's MAC; the host side of the tap gets the same MAC with first octet 0xfe. */
  mac: string;
  /** Fixed IPs (anti-spoofing allows exactly these). */
  ips: string[];
  /** The resolved rules of all the port's groups. Empty = nothing in, nothing out. */
  securityGroups: SecurityRule[];
  /** When false, no anti-spoofing and no filtering at all. @default true */
  portSecurity?: boolean;
  /**
   * Plug a network namespace (a container, or a test's simulated guest) instead of a VM:
   * a veth pair whose host end carries the port's tap name and whose other end,
   * `guestIfName(portId)` with the port's MAC, is moved into `namespace`.
   */
  attach?: { namespace: string };
}

/** A router's leg on one of its subnets. */
export interface RouterInterface {
  /** The interface port's id: veth `tqr<id[:11]>` (bridge end) / `qr-<id[:11]>` (namespace end). */
  portId: string;
  /** One of `networks`. */
  networkId: string;
  mac: string;
  /** The subnet's gateway address with its prefix, e.g. `10.0.0.1/24`. */
  ipCidr: string;
}

/** A router's leg on the external network. */
export interface RouterGateway {
  /** The gateway port's id: veth `tqg<id[:11]>` (bridge end) / `qg-<id[:11]>` (namespace end). */
  portId: string;
  /** One of `networks` (a flat network). */
  networkId: string;
  mac: string;
  /** The router's external address with its prefix. */
  ipCidr: string;
  /** The external subnet's gateway: the namespace's default route. Absent: none. */
  gatewayIp?: string;
  /** SNAT the router's subnets to the gateway address. */
  enableSnat: boolean;
}

export interface FloatingIp {
  /** An address of the gateway's subnet. */
  floatingIp: string;
  /** An address inside one of the router's interfaces' subnets. */
  fixedIp: string;
}

/**
 * A router: namespace `qrouter-<routerId>` with forwarding on, one leg per interface,
 * the gateway leg with the floating addresses and the default route, and one nftables
 * table (`ip strato_router`) with its NAT.
 */
export interface RouterSpec {
  routerId: string;
  interfaces: RouterInterface[];
  gateway?: RouterGateway;
  /** Requires `gateway`. */
  floatingIps: FloatingIp[];
  /** Serve the metadata service in the namespace (the metadata proxy's business). */
  metadata?: boolean;
}

/**
 * Everything that should exist on one host. A network's links exist on the host while
 * at least one of its ports is bound here, the host serves its DHCP or a router here
 * has a leg on it.
 */
export interface DesiredHostNetwork {
  networks: NetworkSpec[];
  ports: PortBinding[];
  /**
   * Underlay (VTEP) addresses of every host registered with the conductor (this host's
   * own may be listed; it is ignored). The kernel binds its VXLAN socket to the wildcard
   * address, so while strato's tables exist the host drops UDP 4789 from any source that
   * is neither listed here nor a peer of one of `networks`. Listing every registered
   * host, not only today's peers, means a host that joins a network is accepted before
   * either side sends: the filter never races a network's membership. Absent: only the
   * networks' peers are accepted.
   */
  underlayPeers?: string[];
  /** The routers this host runs; their networks are listed in `networks`. Absent: none. */
  routers?: RouterSpec[];
}

/** One unit of host work; `kind` names it, the rest is for logs and tests. */
export interface NetworkStep {
  kind: string;
  [field: string]: unknown;
}

export interface ApplyResult {
  /** The steps executed, in order; empty when the host already matched. */
  steps: NetworkStep[];
}

export interface NetworkDriver {
  /** Makes the host match `desired` (idempotent; serialized with other calls). */
  apply(desired: DesiredHostNetwork): Promise<ApplyResult>;
  /** What `apply` would do now, without doing it. */
  plan(desired: DesiredHostNetwork): Promise<NetworkStep[]>;
  /** Removes everything strato added to the host (same as applying an empty state). */
  teardown(): Promise<ApplyResult>;
  close(): Promise<void>;
}
