// The floor under any placement: the claim transaction alone, as strato commits it
// (compare the host's usage record, put the new usage, create the claim record), on
// the same store, with no selection, no index and no watch. Hosts are taken round
// robin; what each holds is remembered from the placer's own commits, so no read is
// needed either (one placer, nothing else writes usage).
import { applyClaim } from '../../conductor/scheduler/claims.ts';
import type { HostSnapshot, PlacementRequest, SelectionResult } from '../../conductor/scheduler/types.ts';
import { type ClaimRecord, claimKey, type UsageRecord, usageKey } from '../../conductor/scheduler/usage-records.ts';
import type { Store } from '../../conductor/store/store.ts';

export class ClaimFloor {
  private readonly store: Store;
  private readonly hosts: Array<{ snap: HostSnapshot; revision: number }>;
  private next = 0;

  /** `hosts`: facts with their current usage, and the usage record's modRevision. */
  constructor(store: Store, hosts: Array<{ snap: HostSnapshot; revision: number }>) {
    this.store = store;
    this.hosts = hosts;
  }

  async place(request: PlacementRequest): Promise<SelectionResult> {
    for (let tries = 0; tries < this.hosts.length; tries++) {
      const h = this.hosts[this.next++ % this.hosts.length] as { snap: HostSnapshot; revision: number };
      const next = applyClaim(h.snap, request.flavor);
      if (typeof next === 'string') continue;
      const key = usageKey(h.snap.hostId);
      const record: UsageRecord = { usage: next.usage, instanceCount: next.instanceCount };
      const claim: ClaimRecord = {
        instanceId: request.instanceId,
        hostId: h.snap.hostId,
        projectId: request.projectId,
        requestId: request.requestId,
        flavor: { ...request.flavor },
      };
      const res = await this.store.txn(
        [{ kind: 'modRevision', key, modRevision: h.revision }],
        [
          { kind: 'put', key, value: record },
          { kind: 'create', key: claimKey(request.instanceId), value: claim },
        ],
      );
      if (!res.succeeded) throw new Error(`claim floor: ${h.snap.hostId} changed under a lone placer`);
      h.snap = next;
      h.revision = res.revision;
      return { ok: true, placement: { hostId: h.snap.hostId, alternates: [] } };
    }
    return { ok: false, noValidHost: { reasons: [], hostCount: this.hosts.length } };
  }
}
