// A network as the planners see it once resolved (names, MTU, VXLAN, DHCP): its own
// file so that resolve.ts and resolve-routers.ts, which both need it, import it
// rather than each other.
import type { DnsmasqConfig, DnsmasqPaths } from './dnsmasq-config.ts';

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
