// The scheduler benchmark's baseline: placement as the conductor did it before the
// watch-fed index (conductor/scheduler/store-claimer.ts up to commit c0001af). Every
// request lists every host record and every usage record from the store, filters and
// weighs all hosts (full-scan-select.ts), then claims with the same compare-and-swap
// transaction as today, re-reading the usage record before each attempt. Kept here,
// not in conductor/, because nothing but this comparison runs it.
import type { HostRecord } from '../../conductor/hosts/host-record.ts';
import type { HostRegistry } from '../../conductor/hosts/host-registry.ts';
import { applyClaim } from '../../conductor/scheduler/claims.ts';
import { addDefaults } from '../../conductor/scheduler/options.ts';
import type { HostSnapshot, PlacementRequest, SelectionResult } from '../../conductor/scheduler/types.ts';
import {
  type ClaimRecord,
  claimKey,
  hostIdOfUsageKey,
  USAGE_PREFIX,
  type UsageRecord,
  usageKey,
  ZERO_USAGE,
} from '../../conductor/scheduler/usage-records.ts';
import { getOrUndefined } from '../../conductor/store/get-or-undefined.ts';
import { listAll } from '../../conductor/store/list-all.ts';
import type { Compare, Store } from '../../conductor/store/store.ts';
import { selectHosts } from './full-scan-select.ts';

const MAX_CAS_ATTEMPTS = 5;

export class ListPerRequestPlacer {
  private readonly options = addDefaults();
  private readonly store: Store;
  private readonly hosts: HostRegistry;

  constructor(store: Store, hosts: HostRegistry) {
    this.store = store;
    this.hosts = hosts;
  }

  async place(request: PlacementRequest, caller: { isAdmin: boolean }): Promise<SelectionResult> {
    const prior = await getOrUndefined<ClaimRecord>(this.store, claimKey(request.instanceId));
    if (prior !== undefined) return { ok: true, placement: { hostId: prior.value.hostId, alternates: [] } };
    for (let round = 0; round < 3; round++) {
      const snaps = await this.snapshots();
      const ctx = { nowMs: Date.now(), downTimeMs: this.options.downTimeMs, isAdmin: caller.isAdmin };
      const sel = selectHosts(snaps, request, ctx, this.options);
      if (!sel.ok) return sel;
      const facts = new Map(snaps.map((h) => [h.hostId, h]));
      const candidates = [sel.placement.hostId, ...sel.placement.alternates];
      for (const hostId of candidates) {
        if (await this.tryClaim(facts.get(hostId) as HostSnapshot, request)) {
          return { ok: true, placement: { hostId, alternates: candidates.filter((h) => h !== hostId) } };
        }
      }
    }
    return { ok: false, noValidHost: { reasons: [{ filter: 'claim', rejected: 1 }], hostCount: 0 } };
  }

  private async snapshots(): Promise<HostSnapshot[]> {
    const [hosts, usage] = await Promise.all([
      listAll<HostRecord>(this.store, this.hosts.hostSource().prefix),
      listAll<UsageRecord>(this.store, USAGE_PREFIX),
    ]);
    const byHost = new Map(usage.entries.map((e) => [hostIdOfUsageKey(e.key), e.value]));
    return hosts.entries.map((e) => ({ ...this.hosts.snapshot(e.value), ...(byHost.get(e.value.id) ?? ZERO_USAGE) }));
  }

  private async tryClaim(host: HostSnapshot, request: PlacementRequest): Promise<boolean> {
    const key = usageKey(host.hostId);
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const entry = await getOrUndefined<UsageRecord>(this.store, key);
      const next = applyClaim({ ...host, ...(entry?.value ?? ZERO_USAGE) }, request.flavor);
      if (typeof next === 'string') return false;
      const guard: Compare =
        entry === undefined ? { kind: 'absent', key } : { kind: 'modRevision', key, modRevision: entry.modRevision };
      const claim: ClaimRecord = {
        instanceId: request.instanceId,
        hostId: host.hostId,
        projectId: request.projectId,
        requestId: request.requestId,
        flavor: { ...request.flavor },
      };
      const res = await this.store.txn(
        [guard],
        [
          { kind: 'put', key, value: { usage: next.usage, instanceCount: next.instanceCount } },
          { kind: 'create', key: claimKey(request.instanceId), value: claim },
        ],
      );
      if (res.succeeded) return true;
    }
    return false;
  }
}
