// The cluster as the conductor sees it, read at scrape time from what it keeps in
// memory anyway: hosts up and down, each host's capacity, what the scheduler may
// place there and what it has claimed (the scheduler's index, fed by the store's
// watch), servers per vm_state (ServerStates), and whether the store is usable.
// Nothing here reads the store during a scrape.
import { Gauge, type Registry } from 'prom-client';
import { sharedReading } from '../../common/metrics/shared-reading.ts';
import { VM_STATES } from '../compute/state-machine.ts';
import { hostState } from '../hosts/host-state.ts';
import { RESOURCE_KEYS, type ResourceKey, usable } from '../scheduler/resources.ts';
import type { HostSnapshot } from '../scheduler/types.ts';
import type { ServerStates } from './server-states.ts';

export interface ClusterView {
  /** The scheduler's host snapshots (capacity, ratios, claimed usage, last heartbeat). */
  hosts(): Promise<readonly HostSnapshot[]>;
  downTimeMs: number;
  servers: Pick<ServerStates, 'counts'>;
  /** Why the store is unusable, undefined while it is usable. */
  storeProblem(): string | undefined;
  clock?: () => number;
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Each resource's metric, in base units (Prometheus's convention): bytes, not MiB. */
const RESOURCE_METRICS: Record<ResourceKey, { name: string; what: string; scale: number }> = {
  vcpus: { name: 'strato_host_vcpus', what: 'vCPUs', scale: 1 },
  ramMiB: { name: 'strato_host_memory_bytes', what: 'memory in bytes', scale: MIB },
  diskGiB: { name: 'strato_host_disk_bytes', what: 'disk in bytes', scale: GIB },
};

export function clusterMetrics(registry: Registry, view: ClusterView): void {
  const registers = [registry];
  const clock = view.clock ?? Date.now;
  // One read of the scheduler's index per scrape, shared by every host gauge's collect.
  const snapshots = sharedReading(() => view.hosts().catch((): readonly HostSnapshot[] => []));

  new Gauge({
    name: 'strato_hosts',
    help: 'Registered hosts, per state (up: heard from within the down time).',
    labelNames: ['state'],
    registers,
    async collect() {
      const now = clock();
      let up = 0;
      const hosts = await snapshots();
      for (const h of hosts) if (hostState(h.lastHeartbeatMs, now, view.downTimeMs) === 'up') up++;
      this.set({ state: 'up' }, up);
      this.set({ state: 'down' }, hosts.length - up);
    },
  });
  new Gauge({
    name: 'strato_host_up',
    help: '1 while the host is up, 0 while it is down.',
    labelNames: ['host'],
    registers,
    async collect() {
      this.reset();
      const now = clock();
      for (const h of await snapshots()) {
        this.set({ host: h.hostId }, hostState(h.lastHeartbeatMs, now, view.downTimeMs) === 'up' ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'strato_host_instances',
    help: 'Instances the scheduler has claimed on the host.',
    labelNames: ['host'],
    registers,
    async collect() {
      this.reset();
      for (const h of await snapshots()) this.set({ host: h.hostId }, h.instanceCount);
    },
  });
  for (const key of RESOURCE_KEYS) {
    const { name, what, scale } = RESOURCE_METRICS[key];
    new Gauge({
      name,
      help:
        `Per host, ${what}: capacity (physical, as reported), usable (what the scheduler may place: ` +
        '(capacity - reserved) x allocation ratio) and used (claimed by instances).',
      labelNames: ['host', 'kind'],
      registers,
      async collect() {
        this.reset();
        for (const h of await snapshots()) {
          this.set({ host: h.hostId, kind: 'capacity' }, h.capacity[key] * scale);
          this.set({ host: h.hostId, kind: 'usable' }, usable(h, key) * scale);
          this.set({ host: h.hostId, kind: 'used' }, h.usage[key] * scale);
        }
      },
    });
  }
  new Gauge({
    name: 'strato_servers',
    help: 'Servers per vm_state.',
    labelNames: ['state'],
    registers,
    collect() {
      const counts = view.servers.counts();
      for (const state of VM_STATES) this.set({ state }, counts.get(state) ?? 0);
    },
  });
  new Gauge({
    name: 'strato_store_usable',
    help: "1 while the conductor's store answers its probe and takes writes, else 0 (health is NOT_SERVING then).",
    registers,
    collect() {
      this.set(view.storeProblem() === undefined ? 1 : 0);
    },
  });
}
