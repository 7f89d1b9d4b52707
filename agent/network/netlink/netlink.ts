// The netlink seam: everything the agent's network code asks of the kernel's link
// layer, as plain data in and out. The real implementation (netlink-client.ts) does
// the work in worker threads, one per network namespace; names are interface names
// (at most 15 bytes) and namespaces are iproute2-style named namespaces
// (/run/netns/NAME). Failures reject with a StratoError whose `cause` is a
// NetlinkError carrying the kernel's errno (see netlink-errors.ts).

export type LinkKind = 'bridge' | 'veth' | 'tun' | 'vxlan' | 'dummy' | (string & {});

export interface LinkStatsCounters {
  rxPackets: number;
  txPackets: number;
  rxBytes: number;
  txBytes: number;
  rxDropped: number;
  txDropped: number;
}

export interface VxlanOptions {
  vni: number;
  /** Source address for the tunnel (IPv4 or IPv6). */
  local?: string;
  /** Multicast group or single remote; strato uses unicast FDB entries instead. */
  group?: string;
  /** Underlay device name the tunnel is bound to. */
  dev?: string;
  /** UDP destination port. @default 4789 */
  port?: number;
  /** Learn remote MACs from received traffic. @default false */
  learning?: boolean;
  ttl?: number;
}

/** What the kernel reports about a VXLAN link (dev resolved to its ifindex). */
export interface VxlanInfo {
  vni: number;
  local?: string;
  group?: string;
  devIndex?: number;
  port: number;
  learning: boolean;
  ttl?: number;
}

export interface LinkInfo {
  index: number;
  name: string;
  /** IFLA_INFO_KIND; undefined for physical devices and loopback. */
  kind?: LinkKind;
  /** Index of the master (bridge) link, if enslaved. */
  masterIndex?: number;
  /** Name of the master link, when it lives in the same namespace. */
  master?: string;
  mtu: number;
  /** Administrative state (IFF_UP). */
  up: boolean;
  /** RFC 2863 operational state: 'up', 'down', 'lowerlayerdown', 'unknown', … */
  operState: string;
  mac?: string;
  stats: LinkStatsCounters;
  vxlan?: VxlanInfo;
}

/** Options every link creation accepts. */
export interface CreateLinkOptions {
  mtu?: number;
  mac?: string;
  /** Enslave to this bridge on creation. */
  master?: string;
  /** Bring the link up on creation. @default false */
  up?: boolean;
}

export interface VethOptions extends CreateLinkOptions {
  /** Create the peer directly inside this named namespace. */
  peerNamespace?: string;
}

export interface TapOptions extends CreateLinkOptions {
  /** Keep the device after the creating file descriptor closes. @default true */
  persist?: boolean;
  /** uid allowed to attach to the device (TUNSETOWNER). */
  owner?: number;
  /** gid allowed to attach to the device (TUNSETGROUP). */
  group?: number;
  vnetHdr?: boolean;
}

export interface AddressInfo {
  link: string;
  linkIndex: number;
  family: 'inet' | 'inet6';
  address: string;
  prefixLength: number;
}

export interface FdbEntry {
  /** The device the entry belongs to (a VXLAN link or a bridge port). */
  dev: string;
  mac: string;
  /** Remote VTEP address, for VXLAN entries. */
  dst?: string;
  /** Index of the bridge (NDA_MASTER) for entries kept by a bridge. */
  masterIndex?: number;
  permanent: boolean;
  /** NTF_SELF: the entry lives in the device's own table (VXLAN), not the bridge's. */
  self: boolean;
}

export interface FdbSpec {
  dev: string;
  mac: string;
  dst?: string;
}

export interface NeighbourEntry {
  dev: string;
  ip: string;
  mac?: string;
  permanent: boolean;
}

/** An IPv4 route of the main table. */
export interface RouteInfo {
  /** Destination network address; `0.0.0.0` with prefix 0 for the default route. */
  dst: string;
  prefixLength: number;
  gateway?: string;
  /** Output device, when the kernel names one. */
  dev?: string;
}

export interface DeleteOptions {
  /** Succeed when the object is already gone. @default false */
  ignoreMissing?: boolean;
}

export interface Netlink {
  /** The named namespace this handle acts in; undefined for the agent's own. */
  readonly namespace: string | undefined;

  listLinks(): Promise<LinkInfo[]>;
  /** Rejects NOT_FOUND when missing. */
  getLink(name: string): Promise<LinkInfo>;
  /** Resolves undefined when missing. */
  findLink(name: string): Promise<LinkInfo | undefined>;
  createBridge(name: string, options?: CreateLinkOptions): Promise<void>;
  createVeth(name: string, peer: string, options?: VethOptions): Promise<void>;
  createTap(name: string, options?: TapOptions): Promise<void>;
  createVxlan(name: string, vxlan: VxlanOptions, options?: CreateLinkOptions): Promise<void>;
  deleteLink(name: string, options?: DeleteOptions): Promise<void>;
  setUp(name: string, up: boolean): Promise<void>;
  setMtu(name: string, mtu: number): Promise<void>;
  /** Enslaves `name` to bridge `master`, or releases it when master is null. */
  setMaster(name: string, master: string | null): Promise<void>;
  /** Moves a link into a named namespace, or back to the agent's own when null. */
  moveToNamespace(name: string, namespace: string | null): Promise<void>;

  listAddresses(link?: string): Promise<AddressInfo[]>;
  /** `cidr` like '10.0.0.1/24' or 'fd00::1/64'. */
  addAddress(link: string, cidr: string): Promise<void>;
  deleteAddress(link: string, cidr: string, options?: DeleteOptions): Promise<void>;

  listFdb(dev?: string): Promise<FdbEntry[]>;
  /** `bridge fdb add … self permanent [dst D]`: fails ALREADY_EXISTS if the MAC is there. */
  addFdb(entry: FdbSpec): Promise<void>;
  /** `bridge fdb append … self permanent dst D`: one more remote for the same MAC. */
  appendFdb(entry: FdbSpec): Promise<void>;
  /** `bridge fdb replace … self permanent [dst D]`. */
  replaceFdb(entry: FdbSpec): Promise<void>;
  deleteFdb(entry: FdbSpec, options?: DeleteOptions): Promise<void>;

  listNeighbours(dev?: string): Promise<NeighbourEntry[]>;
  /** `ip neigh replace IP lladdr MAC dev DEV nud permanent`. */
  replaceNeighbour(dev: string, ip: string, mac: string): Promise<void>;
  deleteNeighbour(dev: string, ip: string, options?: DeleteOptions): Promise<void>;

  /** The IPv4 routes of the main table. */
  listRoutes4(): Promise<RouteInfo[]>;
  /**
   * A sysctl of the handle's namespace, e.g. `net/ipv4/ip_forward` (read by the worker
   * thread that lives in the namespace: /proc/sys/net follows the reader's namespace).
   */
  readSysctl(name: string): Promise<string>;

  /** A handle acting inside named namespace `name`, sharing this client's workers. */
  inNamespace(name: string): Netlink;
  /** Like `ip netns add`; rejects ALREADY_EXISTS. */
  createNamespace(name: string): Promise<void>;
  /** Like `ip netns delete`; closes this client's worker in it first. */
  deleteNamespace(name: string, options?: DeleteOptions): Promise<void>;
  listNamespaces(): Promise<string[]>;
  namespaceExists(name: string): Promise<boolean>;

  /** Stops every worker this client started. */
  close(): Promise<void>;
}
