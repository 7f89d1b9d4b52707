// strato.host.v1.Hosts (admin only): the registry's view of each host, with its
// up/down state from the heartbeat age and its usage from the scheduler's claims.
import type { Host } from '../../common/gen/strato/host/v1/Host.ts';
import type { HostsHandlers } from '../../common/gen/strato/host/v1/Hosts.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { HostRecord } from '../hosts/host-record.ts';
import type { HostRegistry } from '../hosts/host-registry.ts';
import type { Identity } from '../identity/identity.ts';
import type { StoreClaimer } from '../scheduler/store-claimer.ts';
import type { HostSnapshot } from '../scheduler/types.ts';
import { authenticate, requireAdmin } from './auth.ts';
import { possibleHostRef } from './resolve.ts';

export function hostToProto(h: HostRecord, state: string, usage: HostSnapshot | undefined): Host {
  return {
    id: h.id,
    address: h.address,
    enabled: h.enabled,
    state,
    lastHeartbeatAt: h.lastHeartbeatMs > 0 ? new Date(h.lastHeartbeatMs).toISOString() : '',
    capacity: { vcpus: h.capacity.vcpus, ramMib: h.capacity.ramMiB, diskGib: h.capacity.diskGiB },
    usage: usage
      ? { vcpus: usage.usage.vcpus, ramMib: usage.usage.ramMiB, diskGib: usage.usage.diskGiB }
      : { vcpus: 0, ramMib: 0, diskGib: 0 },
    instanceCount: usage?.instanceCount ?? 0,
    virtType: h.virtType,
    agentVersion: h.agentVersion,
    underlayIp: h.underlayIp ?? '',
  };
}

export function hostsApi(
  hosts: HostRegistry,
  claimer: StoreClaimer,
  identity: Identity,
): Implementation<HostsHandlers> {
  const usageOf = async (): Promise<Map<string, HostSnapshot>> =>
    new Map((await claimer.snapshots()).map((s) => [s.hostId, s]));
  const view = async (h: HostRecord, usage?: Map<string, HostSnapshot>) =>
    hostToProto(h, hosts.state(h), (usage ?? (await usageOf())).get(h.id));

  return {
    async ListHosts(req, ctx) {
      requireAdmin(await authenticate(ctx, identity), 'listing hosts');
      const [page, usage] = await Promise.all([hosts.page(req), usageOf()]);
      return {
        hosts: await Promise.all(page.items.map((h) => view(h, usage))),
        nextPageToken: page.nextPageToken,
      };
    },

    async GetHost(req, ctx) {
      requireAdmin(await authenticate(ctx, identity), 'showing a host');
      return view(await hosts.require(possibleHostRef('host', req.host)));
    },

    async SetHostEnabled(req, ctx) {
      requireAdmin(await authenticate(ctx, identity), 'enabling or disabling a host');
      return view(await hosts.setEnabled(possibleHostRef('host', req.host), req.enabled));
    },
  };
}
