// The scheduler's in-memory view of every host, kept in rank order so a selection
// reads the best hosts off the top instead of filtering and weighing all of them.
// Per host it holds three things, each from its own source:
//   facts      capacity, ratios, enabled, last heartbeat (the hosts registry, via the store's watch);
//   committed  usage as stored, with the record's modRevision (the usage watch, or our own commits);
//   in flight  claims of this conductor whose store transaction has not answered yet.
// Selection ranks by facts + committed + in flight, so concurrent requests in one
// conductor spread instead of piling onto one host. The index may lag the store:
// that is safe because a claim commits only through a transaction that compares the
// usage record's modRevision with the one this index holds (store-claimer.ts).

import { applyClaim, releaseClaim } from './claims.ts';
import { FORCE_HOST_FILTER } from './filters/force-host-filter.ts';
import { HostOrder } from './host-order.ts';
import { RejectionTally } from './no-valid-host.ts';
import { addDefaults, type ResolvedSchedulerOptions, type SchedulerOptions } from './options.ts';
import { usable } from './resources.ts';
import { checkRequest, pickPlacement } from './select-hosts.ts';
import type { FilterContext, HostSnapshot, PlacementRequest, Resources, SelectionResult } from './types.ts';
import { type UsageRecord, ZERO_USAGE } from './usage-records.ts';
import { type SpreadNorm, spreadNorm, spreadWeight } from './weighers/spread-weigher.ts';

/** Committed usage and the modRevision of its record; revision 0: no record yet. */
export interface CommittedUsage {
  readonly record: UsageRecord;
  readonly revision: number;
}

const NO_USAGE: CommittedUsage = { record: ZERO_USAGE, revision: 0 };

/** One host with facts: the entry IS the item in the order. */
interface Entry {
  readonly hostId: string;
  facts: HostSnapshot;
  factsRevision: number;
  /** Claims of this conductor awaiting their store transaction. */
  inFlight: UsageRecord;
  /** facts + committed + inFlight: what selection ranks and filters. */
  snap: HostSnapshot;
  weight: number;
}

export interface Caller {
  isAdmin: boolean;
}

export class HostIndex {
  readonly options: ResolvedSchedulerOptions;
  private readonly entries = new Map<string, Entry>();
  /** Apart from entries: a usage record may arrive before its host's facts. */
  private readonly usage = new Map<string, CommittedUsage>();
  private readonly order = new HostOrder<Entry>();
  private norm: SpreadNorm = { ramMiB: 1, vcpus: 1 };
  /** Set when the normaliser changed; the order is rebuilt before the next selection. */
  private stale = false;

  constructor(options: SchedulerOptions = {}) {
    this.options = addDefaults(options);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Facts + committed usage (what the store says), without this conductor's claims in flight. */
  committed(hostId: string): HostSnapshot | undefined {
    const e = this.entries.get(hostId);
    return e === undefined ? undefined : withUsage(e.facts, this.usageOf(hostId).record);
  }

  *snapshots(): IterableIterator<HostSnapshot> {
    for (const e of this.entries.values()) yield withUsage(e.facts, this.usageOf(e.hostId).record);
  }

  usageOf(hostId: string): CommittedUsage {
    return this.usage.get(hostId) ?? NO_USAGE;
  }

  /**
   * Host facts at `revision` (the host record's modRevision); ignored unless newer
   * than what the index holds. The snapshot's usage is ignored: usage comes from putUsage.
   */
  putHost(facts: HostSnapshot, revision: number): void {
    const old = this.entries.get(facts.hostId);
    if (old !== undefined && revision <= old.factsRevision) return;
    if (old === undefined) {
      const snap = withUsage(facts, this.usageOf(facts.hostId).record);
      const e: Entry = { hostId: facts.hostId, facts, factsRevision: revision, inFlight: ZERO_USAGE, snap, weight: 0 };
      this.entries.set(facts.hostId, e);
      this.widenNorm(facts);
      e.weight = spreadWeight(snap, this.norm, this.options.weights);
      if (!this.stale) this.order.insert(e);
      return;
    }
    const resized =
      usable(old.facts, 'ramMiB') !== usable(facts, 'ramMiB') || usable(old.facts, 'vcpus') !== usable(facts, 'vcpus');
    old.facts = facts;
    old.factsRevision = revision;
    if (resized) {
      // Capacity or ratios changed (rare): the normaliser may move either way.
      this.setNorm(spreadNorm(this.allFacts()));
    }
    this.refresh(old);
  }

  /** The host record was deleted at `revision`. Its usage record stays (the store's, not the registry's). */
  deleteHost(hostId: string, revision: number): void {
    const e = this.entries.get(hostId);
    if (e === undefined || revision <= e.factsRevision) return;
    if (!this.stale) this.order.remove(e);
    this.entries.delete(hostId);
    this.setNorm(spreadNorm(this.allFacts()));
  }

  /** Committed usage at `revision` (its record's modRevision); ignored unless newer. */
  putUsage(hostId: string, record: UsageRecord, revision: number): void {
    if (revision <= this.usageOf(hostId).revision) return;
    this.usage.set(hostId, { record, revision });
    const e = this.entries.get(hostId);
    if (e !== undefined) this.refresh(e);
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
        if (e.hostId === request.forceHost) continue;
        tally.reject(forceIdx, FORCE_HOST_FILTER.check(e.snap, request, ctx), 1);
        examples++;
      }
      tally.reject(forceIdx, null, this.entries.size - (forced === undefined ? 0 : 1) - examples);
      if (forced !== undefined && tally.passes(forced.snap, request, ctx)) ranked.push(forced.hostId);
    } else {
      for (let i = 0; i < this.order.size && ranked.length < want; i++) {
        const e = this.order.at(i) as Entry;
        if (tally.passes(e.snap, request, ctx)) ranked.push(e.hostId);
      }
    }
    // An empty `ranked` means every host was visited, so the tally is complete.
    if (ranked.length === 0) return { ok: false, noValidHost: tally.toNoValidHost(this.entries.size) };
    return { ok: true, placement: pickPlacement(ranked, this.options) };
  }

  /**
   * Holds `flavor` on the host while its claim is in flight, after re-checking that
   * it still fits beside everything committed and in flight. Returns why not, or null.
   * Every successful reserve must be followed by exactly one settle.
   */
  reserve(hostId: string, flavor: Resources): string | null {
    const e = this.entries.get(hostId);
    if (e === undefined) return `${hostId}: host no longer exists`;
    const next = applyClaim(e.snap, flavor);
    if (typeof next === 'string') return next;
    e.inFlight = addUsage(e.inFlight, flavor, 1);
    this.refresh(e);
    return null;
  }

  /**
   * Ends an in-flight claim; with `committed`, the usage its transaction wrote. Both
   * in one step, so the host never looks emptier than it is, nor moves in the order.
   */
  settle(hostId: string, flavor: Resources, committed?: CommittedUsage): void {
    if (committed !== undefined && committed.revision > this.usageOf(hostId).revision) {
      this.usage.set(hostId, committed);
    }
    const e = this.entries.get(hostId);
    if (e === undefined) return;
    e.inFlight = releaseClaim(e.inFlight, flavor);
    this.refresh(e);
  }

  /** Recomputes the effective snapshot and its rank. */
  private refresh(e: Entry): void {
    e.snap = withUsage(e.facts, addUsage(this.usageOf(e.hostId).record, e.inFlight.usage, e.inFlight.instanceCount));
    const weight = spreadWeight(e.snap, this.norm, this.options.weights);
    if (this.stale) e.weight = weight;
    else this.order.move(e, weight);
  }

  private *allFacts(): IterableIterator<HostSnapshot> {
    for (const e of this.entries.values()) yield e.facts;
  }

  private widenNorm(facts: HostSnapshot): void {
    const n = spreadNorm([facts]);
    if (n.ramMiB > this.norm.ramMiB || n.vcpus > this.norm.vcpus) {
      this.setNorm({ ramMiB: Math.max(n.ramMiB, this.norm.ramMiB), vcpus: Math.max(n.vcpus, this.norm.vcpus) });
    }
  }

  private setNorm(norm: SpreadNorm): void {
    if (norm.ramMiB === this.norm.ramMiB && norm.vcpus === this.norm.vcpus) return;
    this.norm = norm;
    this.stale = true;
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

function withUsage(facts: HostSnapshot, u: UsageRecord): HostSnapshot {
  return { ...facts, usage: u.usage, instanceCount: u.instanceCount };
}

/** `a` + `flavor`, counting `count` more instances. */
function addUsage(a: UsageRecord, flavor: Resources, count: number): UsageRecord {
  return {
    usage: {
      vcpus: a.usage.vcpus + flavor.vcpus,
      ramMiB: a.usage.ramMiB + flavor.ramMiB,
      diskGiB: a.usage.diskGiB + flavor.diskGiB,
    },
    instanceCount: a.instanceCount + count,
  };
}
