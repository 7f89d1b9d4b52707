// Per-project quotas over the store. A create asks claim() for the write that
// counts it — a compare on the project's usage record (and limits record) as
// read, and the usage plus the create's delta — and commits that write in the
// SAME transaction as the records it creates; a delete commits release()'s
// write with the records it removes. A transaction whose compare failed
// (another create or delete of the project committed in between) changed
// nothing and is retried by its caller against fresh usage, so concurrent
// creates cannot together pass a limit, and usage never drifts from the records.
// Lowering a limit below what is in use is allowed (as in Nova and Cinder):
// creates fail until enough is deleted.
import { StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import { applyDelta, firstExcess, isEmptyDelta, mergeDeltas, quotaExceeded, validateLimit } from './check.ts';
import { limitsKey, usageKey } from './keys.ts';
import {
  DEFAULT_LIMITS,
  type LimitsRecord,
  QUOTA_RESOURCES,
  type QuotaCounts,
  type QuotaDelta,
  type QuotaView,
  ZERO_USAGE,
} from './model.ts';

/** The quota half of a transaction: to add to the caller's own compares and ops. */
export interface QuotaWrite {
  compares: Compare[];
  ops: Op[];
}

export const NO_QUOTA_WRITE: Readonly<QuotaWrite> = Object.freeze({ compares: [], ops: [] });

export interface QuotasOptions {
  store: Store;
  /** Limits of a project an admin set nothing for. @default DEFAULT_LIMITS */
  defaults?: Readonly<QuotaCounts>;
  clock?: () => number;
  log?: Logger;
}

/** Attempts of a write that keeps losing its compare before it gives up (ABORTED/QUOTA_CONTENDED). */
export const QUOTA_ATTEMPTS = 64;

const guard = (key: string, e: Entry<unknown> | undefined): Compare =>
  e ? { kind: 'modRevision', key, modRevision: e.modRevision } : { kind: 'absent', key };

export class Quotas {
  readonly defaults: Readonly<QuotaCounts>;
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly log: Logger;

  constructor(o: QuotasOptions) {
    this.store = o.store;
    this.defaults = o.defaults ?? DEFAULT_LIMITS;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'quotas' });
  }

  /**
   * The write that counts `delta` for the project, if its limits allow it and
   * `alsoFits` besides: what the request will make later, counted then by the
   * records that hold it (a server's ports, made by its boot), checked now so
   * that a request that cannot fit fails at once. Errors:
   * RESOURCE_EXHAUSTED/QUOTA_EXCEEDED (quotaExceeded) naming the first resource
   * that would pass its limit.
   */
  claim(projectId: string, delta: QuotaDelta, alsoFits: QuotaDelta = {}): Promise<QuotaWrite> {
    return this.write(projectId, delta, 1, alsoFits);
  }

  /** The write that counts `delta` whatever the limits (what must exist: a project's default security group). */
  count(projectId: string, delta: QuotaDelta): Promise<QuotaWrite> {
    return this.write(projectId, delta, 1);
  }

  /** The write that gives `delta` back (a delete). */
  release(projectId: string, delta: QuotaDelta): Promise<QuotaWrite> {
    return this.write(projectId, delta, -1);
  }

  /** For a project's own creation transaction: its first usage record (what it owns from its first moment). */
  newProjectOps(projectId: string, usage: QuotaDelta): Op[] {
    return [{ kind: 'create', key: usageKey(projectId), value: applyDelta(ZERO_USAGE, usage) }];
  }

  /**
   * For a project's own deletion transaction (once it owns nothing): its
   * usage and limits go with it, so a project made later under the same id
   * (never, with UUIDs) or a listing finds nothing stale.
   */
  projectRemovalOps(projectId: string): Op[] {
    return [
      { kind: 'delete', key: usageKey(projectId) },
      { kind: 'delete', key: limitsKey(projectId) },
    ];
  }

  /** The write of `delta` (given back with sign -1); with `check`, only if it (and check) fits the limits. */
  private async write(projectId: string, delta: QuotaDelta, sign: 1 | -1, check?: QuotaDelta): Promise<QuotaWrite> {
    if (isEmptyDelta(delta)) return { compares: [], ops: [] };
    const [usage, limits] = await Promise.all([
      getOrUndefined<QuotaCounts>(this.store, usageKey(projectId)),
      check ? getOrUndefined<LimitsRecord>(this.store, limitsKey(projectId)) : undefined,
    ]);
    const now = { ...ZERO_USAGE, ...usage?.value };
    const compares = [guard(usageKey(projectId), usage)];
    if (check) {
      const excess = firstExcess(this.effective(limits?.value), now, mergeDeltas(delta, check));
      if (excess) throw quotaExceeded(projectId, excess);
      // A limit lowered meanwhile is honoured: the write holds only while the limits are as read.
      compares.push(guard(limitsKey(projectId), limits));
    }
    const next = applyDelta(now, delta, sign);
    for (const { key } of QUOTA_RESOURCES) {
      if (next[key] < 0) {
        // Only a release of something never counted gets here: a bug, not a state to keep.
        this.log.error({ projectId, resource: key, usage: next[key] }, 'quota usage below zero');
        next[key] = 0;
      }
    }
    return { compares, ops: [{ kind: 'put', key: usageKey(projectId), value: next }] };
  }

  /** The limits in force: what an admin set, else the defaults. */
  private effective(rec: LimitsRecord | undefined): QuotaCounts {
    return { ...this.defaults, ...rec?.limits };
  }

  /** The project's limits with its usage. */
  async show(projectId: string): Promise<QuotaView> {
    const [usage, limits] = await Promise.all([
      getOrUndefined<QuotaCounts>(this.store, usageKey(projectId)),
      getOrUndefined<LimitsRecord>(this.store, limitsKey(projectId)),
    ]);
    const set = limits?.value.limits ?? {};
    const inUse = { ...ZERO_USAGE, ...usage?.value };
    return {
      projectId,
      lines: QUOTA_RESOURCES.map(({ key, name }) => ({
        resource: key,
        name,
        limit: set[key] ?? this.defaults[key],
        inUse: inUse[key],
        isDefault: set[key] === undefined,
      })),
    };
  }

  /**
   * Sets some of the project's limits (the others keep theirs). A limit below
   * what is in use is allowed: creates fail until enough is deleted.
   * Errors: INVALID_ARGUMENT/QUOTA_LIMIT_INVALID naming the field.
   */
  async set(projectId: string, changes: QuotaDelta): Promise<QuotaView> {
    const checked: QuotaDelta = {};
    for (const { key, name } of QUOTA_RESOURCES) {
      if (changes[key] !== undefined) checked[key] = validateLimit(name, changes[key]);
    }
    for (let attempt = 0; attempt < QUOTA_ATTEMPTS; attempt++) {
      const e = await getOrUndefined<LimitsRecord>(this.store, limitsKey(projectId));
      const value: LimitsRecord = {
        limits: { ...e?.value.limits, ...checked },
        updatedAt: new Date(this.clock()).toISOString(),
      };
      const res = await this.store.txn(
        [guard(limitsKey(projectId), e)],
        [{ kind: 'put', key: limitsKey(projectId), value }],
      );
      if (res.succeeded) {
        this.log.info({ projectId, limits: checked }, 'quota set');
        return this.show(projectId);
      }
    }
    throw quotaContended(projectId);
  }
}

export function quotaContended(projectId: string): StratoError {
  return new StratoError(
    'ABORTED',
    'QUOTA_CONTENDED',
    `the quota usage of project ${projectId} kept changing under concurrent calls; retry`,
    { details: { project_id: projectId } },
  );
}
