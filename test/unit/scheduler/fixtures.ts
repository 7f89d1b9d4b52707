// Small builders for scheduler tests: a roomy, up, enabled host unless told otherwise.
import { HostIndex } from '../../../conductor/scheduler/host-index.ts';
import type { SchedulerOptions } from '../../../conductor/scheduler/options.ts';
import type { HostSnapshot, HostSource, PlacementRequest, Resources } from '../../../conductor/scheduler/types.ts';
import { usageKey } from '../../../conductor/scheduler/usage-records.ts';
import type { Store } from '../../../conductor/store/store.ts';

export const NOW = 1_000_000_000;

export interface HostOverrides extends Partial<Omit<HostSnapshot, 'capacity' | 'usage' | 'allocationRatio'>> {
  capacity?: Partial<Resources>;
  usage?: Partial<Resources>;
  allocationRatio?: Partial<HostSnapshot['allocationRatio']>;
}

export function host(hostId: string, o: HostOverrides = {}): HostSnapshot {
  const { capacity, usage, allocationRatio, ...rest } = o;
  return {
    hostId,
    enabled: true,
    lastHeartbeatMs: NOW - 1_000,
    instanceCount: 0,
    ...rest,
    capacity: { vcpus: 8, ramMiB: 16_384, diskGiB: 100, ...capacity },
    allocationRatio: { cpu: 1, ram: 1, disk: 1, ...allocationRatio },
    usage: { vcpus: 0, ramMiB: 0, diskGiB: 0, ...usage },
  };
}

export function request(flavor: Partial<Resources> = {}, o: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    requestId: 'req-1',
    instanceId: 'inst-1',
    projectId: 'proj-1',
    flavor: { vcpus: 1, ramMiB: 512, diskGiB: 1, ...flavor },
    ...o,
  };
}

export const ctx = { nowMs: NOW, downTimeMs: 60_000, isAdmin: false };
export const adminCtx = { ...ctx, isAdmin: true };

/** An index holding `hosts`, each with its snapshot's usage committed, at revision 1. */
export function indexOf(hosts: readonly HostSnapshot[], options: SchedulerOptions = {}): HostIndex {
  const idx = new HostIndex({ clock: () => NOW, ...options });
  for (const h of hosts) {
    idx.putHost(h, 1);
    idx.putUsage(h.hostId, { usage: h.usage, instanceCount: h.instanceCount }, 1);
  }
  return idx;
}

/** Host facts stored as the snapshots themselves, so tests choose every ratio per host. */
export const TEST_HOSTS = '/test/hosts/';
export const testHostSource: HostSource = { prefix: TEST_HOSTS, snapshot: (record) => record as HostSnapshot };

/** Writes host facts, and usage records for hosts whose snapshot has usage. */
export async function putHosts(store: Store, hosts: HostSnapshot[]): Promise<void> {
  for (const h of hosts) {
    await store.txn([], [{ kind: 'put', key: TEST_HOSTS + encodeURIComponent(h.hostId), value: h }]);
    if (h.instanceCount > 0 || Object.values(h.usage).some((v) => v > 0)) {
      await store.txn(
        [],
        [{ kind: 'put', key: usageKey(h.hostId), value: { usage: h.usage, instanceCount: h.instanceCount } }],
      );
    }
  }
}
