// strato.host.v1.Hosts (admin only): the registry's view of each host, with its
// up/down state from the heartbeat age, its usage from the scheduler's claims,
// and what the scheduler may place there (the same arithmetic as its filters), and
// what its agent last said about itself (start, degraded reasons, orphans).

import { failedPrecondition, StratoError } from '../../common/errors.ts';
import type { Capacity } from '../../common/gen/strato/host/v1/Capacity.ts';
import type { Host } from '../../common/gen/strato/host/v1/Host.ts';
import type { HostsHandlers } from '../../common/gen/strato/host/v1/Hosts.ts';
import type { StorageReport } from '../../common/gen/strato/host/v1/StorageReport.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { HostEvacuator } from '../compute/evacuate.ts';
import type { DrainedServer } from '../compute/move-service.ts';
import { type HostRecord, ORPHAN_KINDS, rolesOf, type StorageFacts } from '../hosts/host-record.ts';
import type { HostRegistry } from '../hosts/host-registry.ts';
import { requireAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal } from '../identity/model.ts';
import { usable } from '../scheduler/resources.ts';
import type { StoreClaimer } from '../scheduler/store-claimer.ts';
import type { HostSnapshot, Resources } from '../scheduler/types.ts';
import { authenticate } from './auth.ts';

const resources = (r: Partial<Resources> | undefined): Capacity => ({
  vcpus: r?.vcpus ?? 0,
  ramMib: r?.ramMiB ?? 0,
  diskGib: r?.diskGiB ?? 0,
});

export function storageToProto(s: StorageFacts): StorageReport {
  return {
    backend: s.backend,
    totalBytes: String(s.totalBytes),
    allocatedBytes: String(s.allocatedBytes),
    freeBytes: String(s.freeBytes),
    sizeGranularityBytes: String(s.granularityBytes),
    snapshotsSupported: s.snapshotsSupported,
    snapshotsUnsupportedReason: s.snapshotsUnsupportedReason,
    wipePolicy: s.wipePolicy,
    iscsiPortal: s.iscsiPortal,
  };
}

/** Whole seconds the agent has run by `nowMs`; 0 while the host is down or its start is unknown. */
export function uptimeS(h: HostRecord, state: string, nowMs: number): number {
  const started = h.agentStartedAt ? Date.parse(h.agentStartedAt) : Number.NaN;
  if (state !== 'up' || !Number.isFinite(started)) return 0;
  return Math.min(0xffffffff, Math.max(0, Math.floor((nowMs - started) / 1000)));
}

/**
 * `facts` is the scheduler's view of the host (ratio, reservation, claimed
 * usage); the record's capacity wins over the snapshot's, so what is shown
 * is one consistent reading of the record.
 */
export function hostToProto(h: HostRecord, state: string, facts: HostSnapshot, nowMs: number = Date.now()): Host {
  const snap: HostSnapshot = { ...facts, capacity: { ...h.capacity } };
  return {
    id: h.id,
    address: h.address,
    enabled: h.enabled,
    state,
    lastHeartbeatAt: h.lastHeartbeatMs > 0 ? new Date(h.lastHeartbeatMs).toISOString() : '',
    capacity: resources(snap.capacity),
    usage: resources(snap.usage),
    instanceCount: snap.instanceCount,
    virtType: h.virtType,
    agentVersion: h.agentVersion,
    underlayIp: h.underlayIp ?? '',
    usable: { vcpus: usable(snap, 'vcpus'), ramMib: usable(snap, 'ramMiB'), diskGib: usable(snap, 'diskGiB') },
    allocationRatio: { ...snap.allocationRatio },
    reserved: resources(snap.reserved),
    roles: rolesOf(h),
    storage: h.storage ? storageToProto(h.storage) : null,
    storageReportedAt: h.storageReportedAtMs ? new Date(h.storageReportedAtMs).toISOString() : '',
    agentStartedAt: h.agentStartedAt ?? '',
    uptimeS: uptimeS(h, state, nowMs),
    degradedReasons: [...(h.degradedReasons ?? [])],
    orphans: Object.fromEntries(ORPHAN_KINDS.map((k) => [k, h.orphans?.[k] ?? 0])),
  };
}

/** What DrainHost needs of the moves (compute/move-service.ts). */
export interface HostDrainer {
  drain(hostId: string, p: Principal, requestId: string): Promise<DrainedServer[]>;
}

export function hostsApi(
  hosts: HostRegistry,
  claimer: StoreClaimer,
  identity: Identity,
  /** Absent: EvacuateHost answers UNIMPLEMENTED. */
  evacuator?: HostEvacuator,
  drainer?: HostDrainer,
): Implementation<HostsHandlers> {
  const usageOf = async (): Promise<Map<string, HostSnapshot>> =>
    new Map((await claimer.snapshots()).map((s) => [s.hostId, s]));
  // A host registered after the usage was read has no claims yet: its bare facts.
  const view = async (h: HostRecord, usage?: Map<string, HostSnapshot>) =>
    hostToProto(h, hosts.state(h), (usage ?? (await usageOf())).get(h.id) ?? hosts.snapshot(h), hosts.clock());

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
      return view(await hosts.require(req.host));
    },

    async SetHostEnabled(req, ctx) {
      requireAdmin(await authenticate(ctx, identity), 'enabling or disabling a host');
      return view(await hosts.setEnabled(req.host, req.enabled));
    },

    async EvacuateHost(req, ctx) {
      const p = await authenticate(ctx, identity);
      requireAdmin(p, 'evacuating a host');
      if (!evacuator)
        throw new StratoError('UNIMPLEMENTED', 'EVACUATE_UNAVAILABLE', 'this conductor cannot evacuate hosts');
      return evacuator.evacuate(req.host, req.targetHost, { requestId: ctx.requestId, userId: p.userId });
    },
    async DrainHost(req, ctx) {
      const p = await authenticate(ctx, identity);
      requireAdmin(p, 'draining a host');
      if (!drainer) throw failedPrecondition('MOVES_NOT_CONFIGURED', 'this conductor cannot move servers');
      // Disabled first: nothing new lands there while it empties (and the moves go elsewhere).
      const h = await hosts.setEnabled(req.host, false);
      return { servers: await drainer.drain(h.id, p, ctx.requestId) };
    },
  };
}
