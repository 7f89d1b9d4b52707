// Placement as the conductor runs it: select from the in-memory HostIndex (kept
// current by the store's watch, index-feed.ts), then claim in the store. Several
// conductors may place at once, each from its own possibly stale index, so the
// store is the arbiter: a claim is one transaction that
//   compares the host's usage record's modRevision with the one the index holds,
//   puts the new usage, and creates `/scheduler/claims/<instanceId>`.
// A stale index therefore costs a lost compare, never an over-commit: on a loss the
// claimer re-reads that one record (unless the watch already brought it), re-checks
// the fit and tries again; after a few losses it moves on to the alternates, then
// selects again. Writing the claim record in the same transaction makes a claim
// exactly-once per instance and gives release() the flavor and host to give back.
// Host facts (capacity, ratios, enabled, heartbeat) are the registry's records,
// followed through `hosts`; only usage is owned here (usage-records.ts). An optional
// observer hears every decision (metrics).
import { type Logger, log as rootLog } from '../../common/log.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Compare, Op, Store, TxnResult } from '../store/store.ts';
import { applyClaim, releaseClaim } from './claims.ts';
import { type Caller, HostIndex } from './host-index.ts';
import { IndexFeed, schedulerClosed } from './index-feed.ts';
import type { ResolvedSchedulerOptions, SchedulerOptions } from './options.ts';
import type { HostSnapshot, HostSource, PlacementRequest, SelectionResult } from './types.ts';
import { type ClaimRecord, claimKey, type UsageRecord, usageKey } from './usage-records.ts';

/** Hears every placement decision (metrics). Must not throw. */
export interface PlacementObserver {
  /** A host was claimed (or found claimed already), or none would do; how long deciding took. */
  decided(result: SelectionResult, durationS: number): void;
}

export interface StoreClaimerOptions extends SchedulerOptions {
  /** Where the host facts live in the store (the hosts registry's records). */
  hosts: HostSource;
  /** Compare-and-swap attempts on one host before moving to the next candidate. @default 5 */
  maxCasAttempts?: number;
  /** @default none */
  observer?: PlacementObserver;
  log?: Logger;
}

const MAX_ROUNDS = 3;
/**
 * How far (in store revisions) this conductor's own commits may run ahead of its usage
 * watch. The watch runs on the same event loop as the requests; a burst of them would
 * starve it until the store compacted the history it still had to read, and every
 * conductor would then list all usage again. Beyond this lag a request waits for it.
 */
export const MAX_FEED_LAG = 256;

/** `exists`: the instance has a claim already (a retry, or another conductor was quicker). */
type Attempt = { kind: 'claimed' } | { kind: 'exists' } | { kind: 'failed'; reason: string };

export class StoreClaimer {
  readonly options: ResolvedSchedulerOptions;
  private readonly store: Store;
  private readonly index: HostIndex;
  private readonly feed: IndexFeed;
  private readonly maxCasAttempts: number;
  private readonly observer: PlacementObserver | undefined;
  private loaded = false;
  private closed = false;
  /** Revision of this conductor's latest usage write: one the usage watch is bound to deliver. */
  private lastCommit = 0;

  constructor(store: Store, options: StoreClaimerOptions) {
    this.store = store;
    this.index = new HostIndex(options);
    this.options = this.index.options;
    this.feed = new IndexFeed(
      store,
      this.index,
      options.hosts,
      (options.log ?? rootLog).child({ component: 'scheduler' }),
    );
    this.maxCasAttempts = options.maxCasAttempts ?? 5;
    this.observer = options.observer;
  }

  /**
   * Loads the index and follows the store from then on; idempotent, and done by the
   * first place() or snapshots() otherwise. Rejects with UNAVAILABLE when the store
   * or the claimer is closed first.
   */
  start(): Promise<void> {
    return this.feed.start();
  }

  /** Stops following the store; later calls fail with UNAVAILABLE. */
  close(): void {
    this.closed = true;
    this.feed.close();
  }

  /** Host facts with their committed usage, as this conductor knows them (its own claims included at once). */
  async snapshots(): Promise<HostSnapshot[]> {
    await this.ready();
    return [...this.index.snapshots()];
  }

  /** Resolves at once (one hop) once loaded; an index that no longer follows the store must not place. */
  private async ready(): Promise<void> {
    if (this.closed) throw schedulerClosed();
    if (this.loaded) return;
    await this.start();
    this.loaded = true;
  }

  async claimOf(instanceId: string): Promise<ClaimRecord | undefined> {
    return (await getOrUndefined<ClaimRecord>(this.store, claimKey(instanceId)))?.value;
  }

  /**
   * Selects and claims; idempotent per instance (asking again answers with the
   * existing claim); with the claimed host in excludeHosts (its spawn failed), or
   * another host forced, the claim goes back and the instance is placed anew.
   */
  async place(request: PlacementRequest, caller: Caller): Promise<SelectionResult> {
    if (this.observer === undefined) return this.decide(request, caller);
    const started = performance.now();
    const result = await this.decide(request, caller);
    this.observer.decided(result, (performance.now() - started) / 1000);
    return result;
  }

  private async decide(request: PlacementRequest, caller: Caller): Promise<SelectionResult> {
    await this.ready();
    const behind = this.feed.usageReached(this.lastCommit - MAX_FEED_LAG);
    if (behind !== undefined) await behind;
    // A first placement has no claim to look for: the claim record's create in the
    // transaction finds an existing one. A reschedule certainly has one, to give back.
    if (request.excludeHosts !== undefined && request.excludeHosts.length > 0) {
      const prior = await this.priorClaim(request);
      if (prior !== undefined) return prior;
    }
    const lost: string[] = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const sel = this.index.select(request, caller);
      // A retried request must get its claim back even if the cluster has filled up since.
      if (!sel.ok) return (await this.priorClaim(request)) ?? sel;
      const candidates = [sel.placement.hostId, ...sel.placement.alternates];
      for (const hostId of candidates) {
        const got = await this.tryClaim(hostId, request);
        if (got.kind === 'claimed') {
          return { ok: true, placement: { hostId, alternates: candidates.filter((h) => h !== hostId) } };
        }
        if (got.kind === 'exists') {
          const prior = await this.priorClaim(request);
          if (prior !== undefined) return prior;
          break; // it was given back: select again
        }
        lost.push(got.reason);
      }
    }
    // Every candidate filled up under us, round after round: report it like any other lack of room.
    const reasons = [{ filter: 'claim', rejected: lost.length, examples: lost.slice(0, 3) }];
    return { ok: false, noValidHost: { reasons, hostCount: this.index.size } };
  }

  /** The instance's existing claim as the answer, or undefined when there is none or it had to go back. */
  private async priorClaim(request: PlacementRequest): Promise<SelectionResult | undefined> {
    const prior = await this.claimOf(request.instanceId);
    if (prior === undefined) return undefined;
    const unwanted =
      request.excludeHosts?.includes(prior.hostId) === true ||
      (request.forceHost !== undefined && request.forceHost !== prior.hostId);
    if (!unwanted) return { ok: true, placement: { hostId: prior.hostId, alternates: [] } };
    await this.release(request.instanceId);
    return undefined;
  }

  /** Gives an instance's claim back (delete, failed spawn). False when there was none. */
  async release(instanceId: string): Promise<boolean> {
    for (;;) {
      const claim = await getOrUndefined<ClaimRecord>(this.store, claimKey(instanceId));
      if (claim === undefined) return false;
      const { hostId, flavor } = claim.value;
      const usage = await getOrUndefined<UsageRecord>(this.store, usageKey(hostId));
      const compares: Compare[] = [{ kind: 'modRevision', key: claim.key, modRevision: claim.modRevision }];
      const ops: Op[] = [{ kind: 'delete', key: claim.key }];
      const next = usage === undefined ? undefined : releaseClaim(usage.value, flavor);
      if (usage !== undefined) {
        compares.push({ kind: 'modRevision', key: usage.key, modRevision: usage.modRevision });
        ops.push({ kind: 'put', key: usage.key, value: next });
      }
      const res = await this.store.txn(compares, ops);
      if (!res.succeeded) continue;
      if (next !== undefined) {
        this.index.putUsage(hostId, next, res.revision);
        this.lastCommit = res.revision;
      }
      return true;
    }
  }

  /**
   * The end of a successful move (move-claims.ts): the instance's own claim is
   * released and the move's claim becomes the instance's, in one transaction.
   * Idempotent: once done (no move claim, or the instance's claim already on the
   * move's host) it does nothing. False when there was no move claim at all.
   */
  async promote(moveClaimKey: string, instanceId: string): Promise<boolean> {
    for (;;) {
      const moving = await getOrUndefined<ClaimRecord>(this.store, claimKey(moveClaimKey));
      if (moving === undefined) return false;
      const own = await getOrUndefined<ClaimRecord>(this.store, claimKey(instanceId));
      const compares: Compare[] = [{ kind: 'modRevision', key: moving.key, modRevision: moving.modRevision }];
      const ops: Op[] = [
        { kind: 'delete', key: moving.key },
        { kind: 'put', key: claimKey(instanceId), value: { ...moving.value, instanceId } satisfies ClaimRecord },
      ];
      let released: { hostId: string; next: UsageRecord } | undefined;
      if (own === undefined) {
        compares.push({ kind: 'absent', key: claimKey(instanceId) });
      } else {
        compares.push({ kind: 'modRevision', key: own.key, modRevision: own.modRevision });
        const usage = await getOrUndefined<UsageRecord>(this.store, usageKey(own.value.hostId));
        if (usage !== undefined) {
          const next = releaseClaim(usage.value, own.value.flavor);
          compares.push({ kind: 'modRevision', key: usage.key, modRevision: usage.modRevision });
          ops.push({ kind: 'put', key: usage.key, value: next });
          released = { hostId: own.value.hostId, next };
        }
      }
      const res = await this.store.txn(compares, ops);
      if (!res.succeeded) continue;
      if (released !== undefined) {
        this.index.putUsage(released.hostId, released.next, res.revision);
        this.lastCommit = res.revision;
      }
      return true;
    }
  }

  /**
   * Holds the flavor on the host in the index (so concurrent requests here look
   * elsewhere) while the claim transaction runs against the usage the index holds.
   */
  private async tryClaim(hostId: string, request: PlacementRequest): Promise<Attempt> {
    const key = usageKey(hostId);
    const { flavor } = request;
    let reason = `${hostId}: lost ${this.maxCasAttempts} compare-and-swap races`;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const why = this.index.reserve(hostId, flavor);
      if (why !== null) return { kind: 'failed', reason: why };
      const seen = this.index.usageOf(hostId);
      // Fits: reserve() just checked committed + in flight, of which this is a part.
      const next = applyClaim(this.index.committed(hostId) as HostSnapshot, flavor) as HostSnapshot;
      const record: UsageRecord = { usage: next.usage, instanceCount: next.instanceCount };
      const claim: ClaimRecord = {
        instanceId: request.instanceId,
        hostId,
        projectId: request.projectId,
        requestId: request.requestId,
        flavor: { ...flavor },
      };
      const guard: Compare =
        seen.revision === 0 ? { kind: 'absent', key } : { kind: 'modRevision', key, modRevision: seen.revision };
      let res: TxnResult;
      try {
        res = await this.store.txn(
          [guard],
          [
            { kind: 'put', key, value: record },
            { kind: 'create', key: claimKey(request.instanceId), value: claim },
          ],
        );
      } catch (err) {
        this.index.settle(hostId, flavor);
        throw err;
      }
      if (res.succeeded) {
        this.index.settle(hostId, flavor, { record, revision: res.revision });
        this.lastCommit = res.revision;
        return { kind: 'claimed' };
      }
      this.index.settle(hostId, flavor);
      if (res.failed.key !== key) return { kind: 'exists' };
      // Lost to a claim or release the index has not heard of yet: read that one record.
      if (this.index.usageOf(hostId).revision === seen.revision) await this.refreshUsage(hostId);
      reason = `${hostId}: usage changed under us ${attempt + 1} times`;
    }
    return { kind: 'failed', reason };
  }

  private async refreshUsage(hostId: string): Promise<void> {
    const e = await getOrUndefined<UsageRecord>(this.store, usageKey(hostId));
    if (e !== undefined) this.index.putUsage(hostId, e.value, e.modRevision);
  }
}
