// The volume scheduler: storage hosts as placement.ts sees them (the registry's
// records with the storage role, plus what was placed on each), and claims as
// atomic store transactions, the compute scheduler's pattern (store-claimer.ts):
// one usage record per host, and every claim or release is one transaction that
// compares that record's modRevision with the one it read, writes the new sum,
// and writes the volume or snapshot record that holds the claim. A lost race
// re-reads and tries again, so concurrent creates never over-allocate a host.
// Storage hosts are few and creates rare next to boots: no in-memory index.
import { failedPrecondition, StratoError } from '../../common/errors.ts';
import type { HostRecord } from '../hosts/host-record.ts';
import { rolesOf } from '../hosts/host-record.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import type { Compare, Op, Store } from '../store/store.ts';
import { hostIdOfUsageKey, USAGE, usageKey } from './keys.ts';
import { type StorageUsage, ZERO_USAGE } from './model.ts';
import type { StorageHostView } from './placement.ts';

/** What the scheduler needs of the host registry (hosts/host-registry.ts). */
export interface StorageHostSource {
  list(): Promise<HostRecord[]>;
  get(id: string): Promise<HostRecord | undefined>;
  state(h: HostRecord): 'up' | 'down';
}

/** A transaction's other half: the records that hold or give back the claim. */
export interface ClaimWrite {
  compares: Compare[];
  ops: Op[];
}

/** A change of a host's usage: bytes and counts added (negative: given back). */
export interface UsageDelta {
  bytes: number;
  volumes?: number;
  snapshots?: number;
}

const MAX_ATTEMPTS = 20;

/** A storage host with the revision of its usage record (0: none yet). */
interface Slot {
  view: StorageHostView;
  revision: number;
}

export function applyDelta(u: StorageUsage, d: UsageDelta): StorageUsage {
  return {
    allocatedBytes: Math.max(0, u.allocatedBytes + d.bytes),
    volumeCount: Math.max(0, u.volumeCount + (d.volumes ?? 0)),
    snapshotCount: Math.max(0, u.snapshotCount + (d.snapshots ?? 0)),
  };
}

export function contended(what: string): StratoError {
  return new StratoError('ABORTED', 'VOLUME_CONTENDED', `${what} kept changing under concurrent calls; retry`);
}

export class VolumeScheduler {
  private readonly store: Store;
  private readonly hosts: StorageHostSource;

  constructor(store: Store, hosts: StorageHostSource) {
    this.store = store;
    this.hosts = hosts;
  }

  hostState(h: HostRecord): 'up' | 'down' {
    return this.hosts.state(h);
  }

  /** Every storage host with what was placed there, in host id order. */
  async views(): Promise<StorageHostView[]> {
    return (await this.slots()).map((s) => s.view);
  }

  /** The views with the usage records' revisions, for a claim's compare. */
  private async slots(): Promise<Slot[]> {
    const [hosts, usage] = await Promise.all([this.hosts.list(), listAll<StorageUsage>(this.store, USAGE)]);
    const byHost = new Map(usage.entries.map((e) => [hostIdOfUsageKey(e.key), e]));
    return hosts
      .filter((h) => h.storage !== undefined && rolesOf(h).includes('storage'))
      .map((h) => {
        const u = byHost.get(h.id);
        return { view: this.view(h, u?.value ?? ZERO_USAGE), revision: u?.modRevision ?? 0 };
      })
      .sort((a, b) => a.view.hostId.localeCompare(b.view.hostId));
  }

  /** One storage host as placement sees it; undefined when it is no (longer a) storage host. */
  async hostView(hostId: string): Promise<StorageHostView | undefined> {
    return (await this.slot(hostId))?.view;
  }

  private async slot(hostId: string): Promise<Slot | undefined> {
    const h = await this.hosts.get(hostId);
    if (!h?.storage || !rolesOf(h).includes('storage')) return undefined;
    const u = await getOrUndefined<StorageUsage>(this.store, usageKey(hostId));
    return { view: this.view(h, u?.value ?? ZERO_USAGE), revision: u?.modRevision ?? 0 };
  }

  private view(h: HostRecord, usage: StorageUsage): StorageHostView {
    const s = h.storage!;
    return {
      hostId: h.id,
      backend: s.backend,
      up: this.hosts.state(h) === 'up',
      enabled: h.enabled,
      totalBytes: s.totalBytes,
      granularityBytes: s.granularityBytes,
      snapshotsSupported: s.snapshotsSupported,
      snapshotsUnsupportedReason: s.snapshotsUnsupportedReason,
      usage: { ...usage },
    };
  }

  /**
   * Places a new volume: `choose` picks a host from fresh views on every attempt
   * (or throws why none fits), and the claim commits with `write` (the records
   * that hold it) in one transaction that holds only if that host's usage is
   * still what was read. Errors: whatever `choose` or `write` throws;
   * ABORTED/VOLUME_CONTENDED after many lost races.
   */
  async placeNew(
    choose: (views: StorageHostView[]) => { host: StorageHostView; bytes: number },
    delta: Omit<UsageDelta, 'bytes'>,
    write: (host: StorageHostView, bytes: number) => Promise<ClaimWrite>,
  ): Promise<{ host: StorageHostView; bytes: number }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const slots = await this.slots();
      const chosen = choose(slots.map((s) => s.view));
      const slot = slots.find((s) => s.view.hostId === chosen.host.hostId)!;
      const w = await write(chosen.host, chosen.bytes);
      if (await this.commit(slot, { ...delta, bytes: chosen.bytes }, w)) return chosen;
    }
    throw contended("the storage hosts' capacity");
  }

  /**
   * Claims on one host (a snapshot, a copy, an extend): `decide` runs on every
   * attempt with the host's fresh view and returns the change, or undefined for
   * none, or throws to refuse (e.g. INSUFFICIENT_CAPACITY from shortOn).
   * Errors: FAILED_PRECONDITION/STORAGE_HOST_GONE when it is no longer a storage
   * host; ABORTED/VOLUME_CONTENDED after many lost races.
   */
  async claimOn<T>(
    hostId: string,
    decide: (host: StorageHostView) => Promise<{ delta: UsageDelta; write: ClaimWrite; result: T } | undefined>,
  ): Promise<T | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const slot = await this.slot(hostId);
      if (!slot) {
        throw failedPrecondition('STORAGE_HOST_GONE', `storage host ${hostId} is no longer registered as one`, {
          details: { host: hostId },
        });
      }
      const decision = await decide(slot.view);
      if (decision === undefined) return undefined;
      if (await this.commit(slot, decision.delta, decision.write)) return decision.result;
    }
    throw contended(`the capacity of storage host ${hostId}`);
  }

  private async commit(slot: Slot, delta: UsageDelta, write: ClaimWrite): Promise<boolean> {
    const key = usageKey(slot.view.hostId);
    const guard: Compare =
      slot.revision === 0 ? { kind: 'absent', key } : { kind: 'modRevision', key, modRevision: slot.revision };
    const next = applyDelta(slot.view.usage, delta);
    const res = await this.store.txn([guard, ...write.compares], [{ kind: 'put', key, value: next }, ...write.ops]);
    return res.succeeded;
  }

  /** The usage change of a release (or any change inside another transaction), against the usage as it is now. */
  async usageChange(hostId: string, delta: UsageDelta): Promise<ClaimWrite> {
    const key = usageKey(hostId);
    const e = await getOrUndefined<StorageUsage>(this.store, key);
    return {
      compares: [e ? { kind: 'modRevision', key, modRevision: e.modRevision } : { kind: 'absent', key }],
      ops: [{ kind: 'put', key, value: applyDelta(e?.value ?? ZERO_USAGE, delta) }],
    };
  }
}
