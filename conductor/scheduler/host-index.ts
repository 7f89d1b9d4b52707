// The in-memory scheduler: snapshots of every host, kept in rank order, plus the
// claims made against them. Selection reads candidates off the top of the order;
// a claim re-checks the fit against the host's LATEST snapshot and commits it in the
// same synchronous step, so within one process no interleaving of async requests can
// over-commit a host (JavaScript runs one step at a time; nothing can slip between
// the check and the update). Across several conductors this index is only a cache:
// there the compare-and-swap on the host's usage record in the store (store-claimer)
// is what makes claims safe.
import { FORCE_HOST_FILTER } from './filters/force-host-filter.ts';
import { HostOrder } from './host-order.ts';
import { RejectionTally } from './no-valid-host.ts';
import { type ResolvedSchedulerOptions, type SchedulerOptions, addDefaults } from './options.ts';
import { applyClaim, releaseClaim } from './claims.ts';
import { checkRequest, pickPlacement } from './select-hosts.ts';
import type { FilterContext, HostSnapshot, PlacementRequest, Resources, SelectionResult } from './types.ts';
import { type SpreadNorm, spreadNorm, spreadWeight } from './weighers/spread-weigher.ts';

/** One host: its latest snapshot and its place in the order (the entry IS the ranked item). */
interface Entry {
  readonly hostId: string;
  snap: HostSnapshot;
  weight: number;
}

export interface Claim {
  instanceId: string;
  hostId: string;
  flavor: Resources;
}

export type ClaimResult = { ok: true; host: HostSnapshot } | { ok: false; reason: string };

export interface Caller {
  isAdmin: boolean;
}

export class HostIndex {
  readonly options: ResolvedSchedulerOptions;
  private readonly entries = new Map<string, Entry>();
  private readonly order = new HostOrder<Entry>();
  private readonly claims = new Map<string, Claim>();
  private norm: SpreadNorm = { ramMiB: 1, vcpus: 1 };
  /** Set when the normaliser changed; the order is rebuilt lazily before the next selection. */
  private stale = false;

  constructor(options: SchedulerOptions = {}) {
    this.options = addDefaults(options);
  }

  get size(): number {
    return this.entries.size;
  }

  get(hostId: string): HostSnapshot | undefined {
    return this.entries.get(hostId)?.snap;
  }

  *hosts(): IterableIterator<HostSnapshot> {
    for (const e of this.entries.values()) yield e.snap;
  }

  claimOf(instanceId: string): Claim | undefined {
    return this.claims.get(instanceId);
  }

  /** Adds or replaces a host (registration, or a usage resync from the store). */
  upsertHost(snap: HostSnapshot): void {
    const old = this.entries.get(snap.hostId);
    const norm = spreadNorm([snap]);
    if (norm.ramMiB > this.norm.ramMiB || norm.vcpus > this.norm.vcpus) {
      this.norm = { ramMiB: Math.max(norm.ramMiB, this.norm.ramMiB), vcpus: Math.max(norm.vcpus, this.norm.vcpus) };
      this.stale = true;
    }
    const weight = spreadWeight(snap, this.norm, this.options.weights);
    if (old !== undefined) {
      old.snap = snap;
      if (this.stale) old.weight = weight;
      else this.order.move(old, weight);
      return;
    }
    const e: Entry = { hostId: snap.hostId, snap, weight };
    this.entries.set(snap.hostId, e);
    if (!this.stale) this.order.insert(e);
  }

  /** Bulk load: one normaliser pass and one sort, instead of n rebuilds. */
  loadHosts(snaps: Iterable<HostSnapshot>): void {
    for (const s of snaps) this.entries.set(s.hostId, { hostId: s.hostId, snap: s, weight: 0 });
    this.norm = spreadNorm(this.hosts());
    this.stale = true;
  }

  removeHost(hostId: string): boolean {
    const e = this.entries.get(hostId);
    if (e === undefined) return false;
    if (!this.stale) this.order.remove(e);
    this.entries.delete(hostId);
    for (const [id, c] of this.claims) if (c.hostId === hostId) this.claims.delete(id);
    // The removed host may have set the normaliser; recompute it (rare: O(n)).
    const norm = spreadNorm(this.hosts());
    if (norm.ramMiB !== this.norm.ramMiB || norm.vcpus !== this.norm.vcpus) {
      this.norm = norm;
      this.stale = true;
    }
    return true;
  }

  /** Heartbeats and enable/disable do not change weights, so they never reorder. */
  heartbeat(hostId: string, atMs: number = this.options.clock()): void {
    const e = this.entries.get(hostId);
    if (e !== undefined) e.snap = { ...e.snap, lastHeartbeatMs: atMs };
  }

  setEnabled(hostId: string, enabled: boolean): void {
    const e = this.entries.get(hostId);
    if (e !== undefined) e.snap = { ...e.snap, enabled };
  }

  /** Chooses a host and alternates without claiming anything. */
  select(request: PlacementRequest, caller: Caller): SelectionResult {
    const ctx: FilterContext = {
      nowMs: this.options.clock(),
      downTimeMs: this.options.downTimeMs,
      isAdmin: caller.isAdmin,
    };
    checkRequest(request, ctx);
    if (this.stale) this.rebuild();
    const tally = new RejectionTally(this.options.filters);
    const want = this.options.hostSubsetSize + this.options.maxAlternates;
    const ranked: string[] = [];
    const forceIdx = this.options.filters.indexOf(FORCE_HOST_FILTER);
    if (request.forceHost !== undefined && forceIdx >= 0) {
      // Only one host can pass; count the rest without visiting 10,000 of them.
      const forced = this.entries.get(request.forceHost);
      let examples = 0;
      for (const e of this.entries.values()) {
        if (examples === 3) break;
        if (e.snap.hostId === request.forceHost) continue;
        tally.reject(forceIdx, FORCE_HOST_FILTER.check(e.snap, request, ctx), 1);
        examples++;
      }
      tally.reject(forceIdx, null, this.entries.size - (forced === undefined ? 0 : 1) - examples);
      if (forced !== undefined && tally.passes(forced.snap, request, ctx)) ranked.push(forced.snap.hostId);
    } else {
      for (let i = 0; i < this.order.size && ranked.length < want; i++) {
        const e = this.order.at(i) as Entry;
        if (tally.passes(e.snap, request, ctx)) ranked.push(e.snap.hostId);
      }
    }
    // An empty `ranked` means every host was visited, so the tally is complete.
    if (ranked.length === 0) return { ok: false, noValidHost: tally.toNoValidHost(this.entries.size) };
    return { ok: true, placement: pickPlacement(ranked, this.options) };
  }

  /**
   * Atomically re-checks `flavor` against the host's latest usage and commits it.
   * Idempotent per instance: claiming again on the same host returns the same claim.
   */
  claim(hostId: string, instanceId: string, flavor: Resources): ClaimResult {
    const e = this.entries.get(hostId);
    if (e === undefined) return { ok: false, reason: `${hostId}: host no longer exists` };
    const prior = this.claims.get(instanceId);
    if (prior !== undefined) {
      if (prior.hostId === hostId) return { ok: true, host: e.snap };
      return { ok: false, reason: `${instanceId}: already claimed on ${prior.hostId}; release it first` };
    }
    const next = applyClaim(e.snap, flavor);
    if (typeof next === 'string') return { ok: false, reason: next };
    this.setSnap(e, next);
    this.claims.set(instanceId, { instanceId, hostId, flavor: { ...flavor } });
    return { ok: true, host: next };
  }

  /** Frees an instance's claim (delete, or a failed spawn before a reschedule). Idempotent. */
  release(instanceId: string): boolean {
    const c = this.claims.get(instanceId);
    if (c === undefined) return false;
    this.claims.delete(instanceId);
    const e = this.entries.get(c.hostId);
    if (e !== undefined) this.setSnap(e, releaseClaim(e.snap, c.flavor));
    return true;
  }

  private setSnap(e: Entry, snap: HostSnapshot): void {
    const weight = spreadWeight(snap, this.norm, this.options.weights);
    e.snap = snap;
    if (this.stale) e.weight = weight;
    else this.order.move(e, weight);
  }

  private rebuild(): void {
    const items: Entry[] = [];
    for (const e of this.entries.values()) {
      e.weight = spreadWeight(e.snap, this.norm, this.options.weights);
      items.push(e);
    }
    this.order.reset(items);
    this.stale = false;
  }
}
