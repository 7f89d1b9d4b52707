// Which host serves metadata (169.254.169.254) to a network's guests, decided
// by the very code that decides what each host is pushed: the per-host view
// (host-network-view.ts) computed over the network's own records, and
// servesMetadata on the asking host's view. So a host may read a guest's
// metadata exactly while its pushed state runs a proxy for that guest's
// network: the host of a router with an interface there, or, when no router
// joins the network, the host serving its DHCP.
//
// The DHCP host is sticky: the network pusher keeps the previous placement in
// its memory and keeps a host while it still has a port on the network. The
// lookup takes that same memory (`dhcpPlacement`, the pusher's last cycle) as
// its `previous`, so it chooses what the pusher chose; before the pusher's
// first cycle both start from nothing and choose the same rendezvous winner.
// Several conductors each run a pusher with its own memory: after one of them
// restarts they can disagree for a while on a network's DHCP host (the agents
// then follow the latest push); the lookup answers as its own conductor pushes.
//
// A host that is not registered serves nothing (it is pushed nothing).
//
// Only the network's records are read (the network, its subnets, its ports
// through the network-ports index, every router and the registered hosts), not
// the whole store as a push cycle does: a guest's boot asks a dozen times.
import type { HostRecord } from '../hosts/host-record.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import { computeHostViews, hostNetworkView, servesMetadata } from './host-network-view.ts';
import { networkPortsPrefix, recordKey, recordPrefix } from './keys.ts';
import type { NetworkRecord, PortRecord, RouterRecord, SubnetRecord } from './model.ts';

export interface MetadataHostsOptions {
  store: Store;
  /** The registered hosts, as the pusher reads them. */
  hosts: { list(): Promise<HostRecord[]> };
  /** Network id → its DHCP host as the pusher last placed it. @default none */
  dhcpPlacement?: () => ReadonlyMap<string, string>;
}

export class MetadataHosts {
  private readonly o: MetadataHostsOptions;

  constructor(o: MetadataHostsOptions) {
    this.o = o;
  }

  /** Whether `hostId`'s pushed state serves metadata to `networkId`'s guests (false for an unknown network). */
  async serves(hostId: string, networkId: string): Promise<boolean> {
    const { store } = this.o;
    const [net, registered] = await Promise.all([
      getOrUndefined<NetworkRecord>(store, recordKey('networks', networkId)).then((e) => e?.value),
      this.o.hosts.list(),
    ]);
    if (!net || !registered.some((h) => h.id === hostId)) return false;
    const [subnets, indexed, routers] = await Promise.all([
      values<SubnetRecord>(store, 'subnets', net.subnetIds),
      listAll(store, networkPortsPrefix(networkId)),
      listAll<RouterRecord>(store, recordPrefix('routers')),
    ]);
    const routerList = routers.entries.map((e) => e.value);
    // The routers' legs here too, should the index not hold them.
    const portIds = new Set(indexed.entries.map((e) => e.key.slice(networkPortsPrefix(networkId).length)));
    for (const r of routerList) for (const i of r.interfaces) if (i.networkId === networkId) portIds.add(i.portId);
    const ports = (await values<PortRecord>(store, 'ports', [...portIds])).filter((p) => p.networkId === networkId);
    const views = computeHostViews({
      networks: [net],
      subnets,
      ports,
      securityGroups: [],
      routers: routerList,
      // As the pusher's cycle has them: DHCP candidates are hosts with an underlay address.
      hosts: registered.flatMap((h) => (h.underlayIp ? [{ id: h.id, underlayIp: h.underlayIp }] : [])),
      dhcpHosts: this.o.dhcpPlacement?.() ?? new Map(),
    });
    return servesMetadata(hostNetworkView(views, hostId), networkId);
  }
}

async function values<T>(store: Store, kind: 'subnets' | 'ports', ids: readonly string[]): Promise<T[]> {
  const entries = await Promise.all(ids.map((id) => getOrUndefined<T>(store, recordKey(kind, id))));
  return entries.flatMap((e) => (e ? [e.value] : []));
}
