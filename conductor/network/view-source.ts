// Reads what computeHostViews needs from the store (every network record; the
// pure view does the rest). Underlay addresses come from the host registry,
// which is why the caller passes the hosts in. The listings are not one
// snapshot: a change made while they run may show in some and not others, so a
// caller follows with a watch of `/network/` from `revision + 1` and recomputes
// on every change, which converges.
import { listAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import type { HostViewInput, UnderlayHost } from './host-network-view.ts';
import { recordPrefix } from './keys.ts';
import type {
  FloatingIpRecord,
  NetworkRecord,
  PortRecord,
  RouterRecord,
  SecurityGroupRecord,
  SubnetRecord,
} from './model.ts';

export interface LoadedViewInput extends HostViewInput {
  /** The store revision of the first read: watch `/network/` from revision + 1 to follow changes. */
  revision: number;
}

export async function loadHostViewInput(
  store: Store,
  hosts: readonly UnderlayHost[],
  dhcpHosts?: ReadonlyMap<string, string>,
): Promise<LoadedViewInput> {
  const [networks, subnets, ports, groups, routers, floatingIps] = await Promise.all([
    listAll<NetworkRecord>(store, recordPrefix('networks')),
    listAll<SubnetRecord>(store, recordPrefix('subnets')),
    listAll<PortRecord>(store, recordPrefix('ports')),
    listAll<SecurityGroupRecord>(store, recordPrefix('security-groups')),
    listAll<RouterRecord>(store, recordPrefix('routers')),
    listAll<FloatingIpRecord>(store, recordPrefix('floating-ips')),
  ]);
  return {
    networks: networks.entries.map((e) => e.value),
    subnets: subnets.entries.map((e) => e.value),
    ports: ports.entries.map((e) => e.value),
    securityGroups: groups.entries.map((e) => e.value),
    routers: routers.entries.map((e) => e.value),
    floatingIps: floatingIps.entries.map((e) => e.value),
    hosts,
    ...(dhcpHosts ? { dhcpHosts } : {}),
    revision: Math.min(...[networks, subnets, ports, groups, routers, floatingIps].map((l) => l.revision)),
  };
}
