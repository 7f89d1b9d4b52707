import { unavailable } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { followPrefix, type PrefixFollower } from '../store/follow-prefix.ts';
import type { Store } from '../store/store.ts';
import type { HostIndex } from './host-index.ts';
import type { HostSource } from './types.ts';
import { hostIdOfUsageKey, USAGE_PREFIX, type UsageRecord } from './usage-records.ts';

export const schedulerClosed = () => unavailable('SCHEDULER_CLOSED', 'the scheduler is shutting down');

/** Applies one listed entry or watched change; `value` undefined means deleted. */
type Apply = (key: string, value: unknown, revision: number) => void;
/** After a listing: `keys` are all the keys listed; every change up to `revision` is in them. */
type AfterListing = (keys: Set<string>, revision: number) => void;

export class IndexFeed {
  private readonly abort = new AbortController();
  /** Host record key → hostId, for deletes (which carry no new value). */
  private readonly hostIds = new Map<string, string>();
  private readonly store: Store;
  private readonly index: HostIndex;
  private readonly source: HostSource;
  private readonly log: Logger;
  private started: Promise<void> | undefined;
  /** Every usage change up to this store revision is in the index. */
  private usageRevision = 0;
  private waiters: Array<{ revision: number; done: PromiseWithResolvers<void> }> = [];

  constructor(store: Store, index: HostIndex, source: HostSource, log: Logger) {
    this.store = store;
    this.index = index;
    this.source = source;
    this.log = log;
  }

  /** Starts following (once); resolves when both prefixes were listed, rejects if the store is closed first. */
  start(): Promise<void> {
    if (this.started === undefined) {
      this.started = Promise.all([
        this.follow(this.source.prefix, this.applyHost, this.dropUnlistedHosts),
        this.follow(USAGE_PREFIX, this.applyUsage, (_keys, revision) => this.usageSeen(revision)),
      ]).then(() => {});
      // Callers that await start() see a failure; nobody else has to.
      this.started.catch(() => {});
    }
    return this.started;
  }

  close(): void {
    this.abort.abort();
    this.settleWaiters(schedulerClosed());
  }

  /**
   * Undefined when every usage change up to `revision` is in the index, else a promise
   * that resolves when it is (the claimer's back-pressure: see store-claimer.ts).
   */
  usageReached(revision: number): Promise<void> | undefined {
    if (revision <= this.usageRevision) return undefined;
    const done = Promise.withResolvers<void>();
    this.waiters.push({ revision, done });
    return done.promise;
  }

  private usageSeen(revision: number): void {
    if (revision <= this.usageRevision) return;
    this.usageRevision = revision;
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((w) => {
      if (w.revision > revision) return true;
      w.done.resolve();
      return false;
    });
  }

  private settleWaiters(err: unknown): void {
    for (const w of this.waiters) w.done.reject(err);
    this.waiters = [];
  }

  private readonly applyHost: Apply = (key, value, revision) => {
    if (value !== undefined) {
      const facts = this.source.snapshot(value);
      this.hostIds.set(key, facts.hostId);
      this.index.putHost(facts, revision);
      return;
    }
    const hostId = this.hostIds.get(key);
    if (hostId === undefined) return;
    this.hostIds.delete(key);
    this.index.deleteHost(hostId, revision);
  };

  /** Usage records are never deleted (a release writes a smaller sum), so a delete has nothing to say. */
  private readonly applyUsage: Apply = (key, value, revision) => {
    if (value !== undefined) this.index.putUsage(hostIdOfUsageKey(key), value as UsageRecord, revision);
    this.usageSeen(revision);
  };

  /** After a listing: hosts deleted while the watch was broken. */
  private readonly dropUnlistedHosts: AfterListing = (keys) => {
    for (const key of [...this.hostIds.keys()]) {
      if (!keys.has(key)) this.applyHost(key, undefined, Number.MAX_SAFE_INTEGER);
    }
  };

  /** Resolves once `prefix` was listed; keeps watching in the background until closed. */
  private follow(prefix: string, apply: Apply, afterListing: AfterListing): Promise<void> {
    const listed = Promise.withResolvers<void>();
    const follower: PrefixFollower<unknown> = {
      listed: (entries, revision) => {
        const keys = new Set<string>();
        for (const e of entries) {
          keys.add(e.key);
          apply(e.key, e.value, e.modRevision);
        }
        afterListing(keys, revision);
        listed.resolve();
      },
      changed: (ev) => apply(ev.key, ev.type === 'put' ? ev.value : undefined, ev.modRevision),
    };
    const loop = () =>
      followPrefix(this.store, prefix, follower, {
        signal: this.abort.signal,
        log: this.log,
        brokeMessage: 'scheduler index feed broke; listing again',
        firstRetryMs: 100,
        maxRetryMs: 5_000,
      });
    // When the loop ends (closed), nobody may wait for it forever; `listed` may have resolved already.
    const ended = (err: unknown) => {
      listed.reject(err);
      this.settleWaiters(err);
    };
    loop().then(() => ended(schedulerClosed()), ended);
    return listed.promise;
  }
}
