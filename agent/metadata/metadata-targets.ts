// Where the metadata service listens, from the applied host network state: in
// qdhcp-<net> for each network whose DHCP serves it (every guest there is on that
// network), and in qrouter-<router> for each router that serves it (a guest is on the
// network of the router interface whose subnet holds its address). Pure.
import { isIPv4 } from 'node:net';
import { dhcpNamespaceName, routerNamespaceName } from '../../common/network-names.ts';
import { type Cidr, ipv4InCidr, parseCidr } from '../network/linux/addr.ts';
import type { NetworkOf } from './metadata-server.ts';

/** The parts of the applied state the metadata service reads (DesiredHostNetwork has them). */
export interface MetadataStateView {
  networks: readonly { networkId: string; dhcp?: { metadata?: boolean } }[];
  routers?: readonly {
    routerId: string;
    metadata?: boolean;
    interfaces: readonly { networkId: string; ipCidr: string }[];
  }[];
}

export interface MetadataTarget {
  namespace: string;
  kind: 'dhcp' | 'router';
  /** The networks served, with the subnet each is recognised by (routers only). */
  networks: { networkId: string; cidr?: string }[];
}

/** Listeners wanted, by namespace. Router interfaces with an unreadable ip_cidr are skipped. */
export function metadataTargets(state: MetadataStateView | undefined): Map<string, MetadataTarget> {
  const out = new Map<string, MetadataTarget>();
  for (const n of state?.networks ?? []) {
    if (n.dhcp?.metadata !== true) continue;
    const namespace = dhcpNamespaceName(n.networkId);
    out.set(namespace, { namespace, kind: 'dhcp', networks: [{ networkId: n.networkId }] });
  }
  for (const r of state?.routers ?? []) {
    if (r.metadata !== true) continue;
    const namespace = routerNamespaceName(r.routerId);
    const networks = r.interfaces
      .filter((i) => cidrOf(i.ipCidr) !== undefined)
      .map((i) => ({ networkId: i.networkId, cidr: i.ipCidr }));
    out.set(namespace, { namespace, kind: 'router', networks });
  }
  return out;
}

function cidrOf(ipCidr: string): Cidr | undefined {
  try {
    const c = parseCidr(ipCidr, 'router interface');
    return c.family === 4 ? c : undefined;
  } catch {
    return undefined;
  }
}

/** How a target's listener tells a request's network from its source address. */
export function networkOfTarget(t: MetadataTarget): NetworkOf {
  if (t.kind === 'dhcp') {
    const networkId = t.networks[0]!.networkId;
    return (ip) => (isIPv4(ip) ? networkId : undefined);
  }
  const subnets = t.networks.map((n) => ({ networkId: n.networkId, cidr: cidrOf(n.cidr ?? '')! }));
  return (ip) => (isIPv4(ip) ? subnets.find((s) => ipv4InCidr(ip, s.cidr))?.networkId : undefined);
}
