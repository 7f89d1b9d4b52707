// What the driver sees on its host, as plain data: the input of the planners next to
// the desired state. Built by observe.ts; built by hand in unit tests.
import type { LinkInfo } from '../netlink/netlink.ts';

export interface ObservedDhcp {
  networkId: string;
  /** The state directory exists: this host serves (or served) the network's DHCP. */
  namespaceExists: boolean;
  /** Links inside the namespace, by name (only when the namespace exists). */
  nsLinks: Map<string, LinkInfo>;
  /** `address/prefix` per namespace link. */
  nsAddresses: Map<string, string[]>;
  /** A dnsmasq verified through /proc/<pid>/cmdline, or undefined. */
  dnsmasq?: { pid: number; argv: string[] };
  hostsFile?: string;
  optsFile?: string;
}

export interface ObservedFirewall {
  inetTable: boolean;
  bridgeTable: boolean;
  /** Both tables exist with the current base version. */
  baseOk: boolean;
  /** Per-port chains, `(from|to|out|in)-<tap>`. */
  chains: { family: 'bridge' | 'inet'; name: string }[];
  /** The comment on the first rule of `from-<tap>`. */
  portHashes: Map<string, string>;
  fromPort: Set<string>;
  toPort: Set<string>;
  /** tap → mark id, from the egress / ingress maps. */
  egress: Map<string, number>;
  ingress: Map<string, number>;
  /** tap → host_in / host_out keys (`"<bridge>" . <ip>`) jumping to its in / out chain. */
  hostIn: Map<string, string[]>;
  hostOut: Map<string, string[]>;
  /** bridge → conntrack zone. */
  zones: Map<string, number>;
  bridges: Set<string>;
  /** Elements of the vxlan_sources4/6 sets, canonical. */
  vxlanSources: Set<string>;
}

/** A router this host made (its state directory exists), as found in its namespace. */
export interface ObservedRouter {
  routerId: string;
  namespaceExists: boolean;
  /** Links inside the namespace, by name (only when the namespace exists). */
  nsLinks: Map<string, LinkInfo>;
  /** `address/prefix` per namespace link. */
  nsAddresses: Map<string, string[]>;
  /** net.ipv4.ip_forward inside the namespace is 1. */
  forwarding: boolean;
  /** The default route's gateway and device, if the namespace has one. */
  defaultRoute?: { via: string; dev: string };
  /** The NAT table's hash (see router-nft.ts); undefined when the table is missing. */
  natHash?: string;
}

export interface ObservedHost {
  /** Links in the host's namespace, by name. */
  links: Map<string, LinkInfo>;
  /** VXLAN link → remote addresses of its all-zeros FDB entries. */
  vxlanRemotes: Map<string, string[]>;
  /** Networks with a DHCP state directory on this host. */
  dhcp: Map<string, ObservedDhcp>;
  firewall: ObservedFirewall;
  /** Routers with a state directory on this host, by id. */
  routers: Map<string, ObservedRouter>;
}

export function emptyFirewall(): ObservedFirewall {
  return {
    inetTable: false,
    bridgeTable: false,
    baseOk: false,
    chains: [],
    portHashes: new Map(),
    fromPort: new Set(),
    toPort: new Set(),
    egress: new Map(),
    ingress: new Map(),
    hostIn: new Map(),
    hostOut: new Map(),
    zones: new Map(),
    bridges: new Set(),
    vxlanSources: new Set(),
  };
}
