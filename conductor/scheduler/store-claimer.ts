// Claims across conductors. Several conductors may place at once, each from its own
// (possibly stale) view, so the store is the arbiter: a host's usage lives in one
// record, `/scheduler/usage/<hostId>`, and a claim is one transaction that
//   compares that record's modRevision with the one just read (compare-and-swap),
//   puts the new usage, and creates `/scheduler/claims/<instanceId>`.
// Writing the claim record in the same transaction makes a claim exactly-once per
// instance (two conductors racing to place one instance cannot both win) and gives
// release() the flavor and host to give back. A lost compare means someone else
// changed the host in between: re-read, re-check the fit, try again; after a few
// losses move on to the alternates, then select again from a fresh view.
//
// Host facts (capacity, ratios, enabled, heartbeat) come from the hosts registry
// through `listHosts`; only usage is owned here. Today every placement lists all
// usage records; at 10,000 hosts a watch-fed HostIndex should serve selection instead,
// keeping this CAS for the commit.
import { isStratoError } from '../../common/errors.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import { applyClaim, releaseClaim } from './claims.ts';
import { type ResolvedSchedulerOptions, type SchedulerOptions, addDefaults } from './options.ts';
import { selectHosts } from './select-hosts.ts';
import type { HostSnapshot, PlacementRequest, Resources, SelectionResult } from './types.ts';

export const USAGE_PREFIX = '/scheduler/usage/';
export const CLAIM_PREFIX = '/scheduler/claims/';

export interface UsageRecord {
  usage: Resources;
  instanceCount: number;
}

export interface ClaimRecord {
  instanceId: string;
  hostId: string;
  projectId: string;
  requestId: string;
  flavor: Resources;
}

export interface StoreClaimerOptions extends SchedulerOptions {
  /** Host facts; their `usage` and `instanceCount` are ignored (the usage records win). */
  listHosts: () => Promise<HostSnapshot[]>;
  /** Compare-and-swap attempts on one host before moving to the next candidate. @default 5 */
  maxCasAttempts?: number;
}

const usageKey = (hostId: string) => USAGE_PREFIX + encodeURIComponent(hostId);
const claimKey = (instanceId: string) => CLAIM_PREFIX + encodeURIComponent(instanceId);
const ZERO: UsageRecord = { usage: { vcpus: 0, ramMiB: 0, diskGiB: 0 }, instanceCount: 0 };

type Attempt = { kind: 'claimed' } | { kind: 'failed'; reason: string } | { kind: 'taken'; claim: ClaimRecord };

export class StoreClaimer {
  readonly options: ResolvedSchedulerOptions;
  private readonly store: Store;
  private readonly listHosts: () => Promise<HostSnapshot[]>;
  private readonly maxCasAttempts: number;

  constructor(store: Store, options: StoreClaimerOptions) {
    this.store = store;
    this.options = addDefaults(options);
    this.listHosts = options.listHosts;
    this.maxCasAttempts = options.maxCasAttempts ?? 5;
  }

  /** Host facts overlaid with the committed usage. */
  async snapshots(): Promise<HostSnapshot[]> {
    const [hosts, usage] = await Promise.all([this.listHosts(), this.listUsage()]);
    return hosts.map((h) => ({ ...h, ...(usage.get(h.hostId) ?? ZERO) }));
  }

  async claimOf(instanceId: string): Promise<ClaimRecord | undefined> {
    return (await this.getOrUndefined<ClaimRecord>(claimKey(instanceId)))?.value;
  }

  /** Selects and claims; idempotent per instance; excludeHosts on the claimed host reschedules. */
  async place(request: PlacementRequest, caller: { isAdmin: boolean }): Promise<SelectionResult> {
    const prior = await this.claimOf(request.instanceId);
    if (prior !== undefined) {
      const unwanted =
        request.excludeHosts?.includes(prior.hostId) === true ||
        (request.forceHost !== undefined && request.forceHost !== prior.hostId);
      if (!unwanted) return { ok: true, placement: { hostId: prior.hostId, alternates: [] } };
      await this.release(request.instanceId);
    }
    const lost: string[] = [];
    for (let round = 0; round < 3; round++) {
      const hosts = await this.snapshots();
      const ctx = { nowMs: this.options.clock(), downTimeMs: this.options.downTimeMs, isAdmin: caller.isAdmin };
      const sel = selectHosts(hosts, request, ctx, this.options);
      if (!sel.ok) return sel;
      const candidates = [sel.placement.hostId, ...sel.placement.alternates];
      const facts = new Map(hosts.map((h) => [h.hostId, h]));
      for (const hostId of candidates) {
        const got = await this.tryClaim(facts.get(hostId) as HostSnapshot, request);
        if (got.kind === 'claimed') {
          return { ok: true, placement: { hostId, alternates: candidates.filter((h) => h !== hostId) } };
        }
        if (got.kind === 'taken') return { ok: true, placement: { hostId: got.claim.hostId, alternates: [] } };
        lost.push(got.reason);
      }
    }
    const reasons = [{ filter: 'claim', rejected: lost.length, examples: lost.slice(0, 3) }];
    return { ok: false, noValidHost: { reasons, hostCount: (await this.listHosts()).length } };
  }

  /** Gives an instance's claim back (delete, failed spawn). False when there was none. */
  async release(instanceId: string): Promise<boolean> {
    for (;;) {
      const claim = await this.getOrUndefined<ClaimRecord>(claimKey(instanceId));
      if (claim === undefined) return false;
      const usage = await this.getOrUndefined<UsageRecord>(usageKey(claim.value.hostId));
      const compares: Compare[] = [{ kind: 'modRevision', key: claim.key, modRevision: claim.modRevision }];
      const ops: Op[] = [{ kind: 'delete', key: claim.key }];
      if (usage !== undefined) {
        const next: UsageRecord = releaseClaim(usage.value, claim.value.flavor);
        compares.push({ kind: 'modRevision', key: usage.key, modRevision: usage.modRevision });
        ops.push({ kind: 'put', key: usage.key, value: next });
      }
      if ((await this.store.txn(compares, ops)).succeeded) return true;
    }
  }

  private async tryClaim(host: HostSnapshot, request: PlacementRequest): Promise<Attempt> {
    let reason = `${host.hostId}: lost ${this.maxCasAttempts} compare-and-swap races`;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const entry = await this.getOrUndefined<UsageRecord>(usageKey(host.hostId));
      const current = entry?.value ?? ZERO;
      const next = applyClaim({ ...host, ...current }, request.flavor);
      if (typeof next === 'string') return { kind: 'failed', reason: next };
      const key = usageKey(host.hostId);
      const record: UsageRecord = { usage: next.usage, instanceCount: next.instanceCount };
      const claim: ClaimRecord = {
        instanceId: request.instanceId,
        hostId: host.hostId,
        projectId: request.projectId,
        requestId: request.requestId,
        flavor: { ...request.flavor },
      };
      const guard: Compare =
        entry === undefined ? { kind: 'absent', key } : { kind: 'modRevision', key, modRevision: entry.modRevision };
      const res = await this.store.txn(
        [guard],
        [
          { kind: 'put', key, value: record },
          { kind: 'create', key: claimKey(request.instanceId), value: claim },
        ],
      );
      if (res.succeeded) return { kind: 'claimed' };
      if (res.failed.key !== key) {
        // Another conductor claimed this very instance meanwhile: theirs stands.
        const theirs = await this.claimOf(request.instanceId);
        if (theirs !== undefined) return { kind: 'taken', claim: theirs };
      }
      reason = `${host.hostId}: usage changed under us ${attempt + 1} times`;
    }
    return { kind: 'failed', reason };
  }

  private async listUsage(): Promise<Map<string, UsageRecord>> {
    const out = new Map<string, UsageRecord>();
    let pageToken: string | undefined;
    do {
      const page = await this.store.list<UsageRecord>(USAGE_PREFIX, {
        limit: 1000,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const e of page.entries) out.set(decodeURIComponent(e.key.slice(USAGE_PREFIX.length)), e.value);
      pageToken = page.nextPageToken;
    } while (pageToken !== undefined);
    return out;
  }

  private async getOrUndefined<T>(key: string): Promise<Entry<T> | undefined> {
    try {
      return await this.store.get<T>(key);
    } catch (err) {
      if (isStratoError(err, 'NOT_FOUND')) return undefined;
      throw err;
    }
  }
}
