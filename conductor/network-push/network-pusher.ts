// Keeps every agent's network state in step with the store. A cycle reads the
// hosts and every network record, computes each host's view
// (conductor/network/host-network-view.ts) and its message
// (desired-state-proto.ts), plans which hosts need a push (push-plan.ts) and calls AgentNetwork.ApplyNetworkState on them in
// parallel. Cycles run on store changes (a watch of /network/ and of host
// underlay addresses, debounced), when an agent (re)registers, when a
// workflow asks (a boot about to spawn), and every resync interval for every
// host: the pushes speed things up, the resync is the safety net.
//
// Cycles never overlap: a request made while one runs is served by the next,
// which starts after it and so reads everything committed before the request.
//
// An unreachable host costs little: after a failed push its channel is released
// (a grpc channel left behind keeps reconnecting every 2 s and holds its TLS
// state), and it is pushed again only when its own backoff is due (doubling from
// retryMs up to the resync interval) or when it registers again — not by every
// cycle that another host's change or registration starts (push-plan.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import type { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import { HOSTS, type HostRecord } from '../hosts/host-record.ts';
import { computeHostViews, hostNetworkView } from '../network/host-network-view.ts';
import { NETWORK } from '../network/keys.ts';
import { loadHostViewInput } from '../network/view-source.ts';
import type { Store, WatchEvent } from '../store/store.ts';
import type { AgentNetworkDirectory } from './agent-network-pool.ts';
import { hostNetworkToProto } from './desired-state-proto.ts';
import { type DesiredHostState, desiredHostState, emptyHostState, nextGeneration, planPushes } from './push-plan.ts';

/** What every host with nothing bound to it is sent (hostNetworkToProto of an empty view). */
const EMPTY = emptyHostState();

/** What a cycle did for one host. */
export type HostPushResult =
  /** The agent applied the host's current state (now or, unchanged, before). */
  | { kind: 'applied' }
  /** The agent does not serve AgentNetwork (yet). */
  | { kind: 'unimplemented' }
  /** The host is not registered. */
  | { kind: 'unknown-host' }
  | { kind: 'failed'; error: StratoError };

export interface NetworkPusherOptions {
  store: Store;
  hosts: { list(): Promise<HostRecord[]> };
  agents: AgentNetworkDirectory;
  /** Full resync of every host. @default 30_000 */
  resyncIntervalMs?: number;
  /** Store changes are gathered this long before a cycle. @default 25 */
  debounceMs?: number;
  /** A failed push is tried again after this long (or at the next cycle). @default 2_000 */
  retryMs?: number;
  clock?: () => number;
  log?: Logger;
}

type Force = Set<string> | 'all';

interface Pending {
  force: Force;
  promise: Promise<Map<string, HostPushResult>>;
  resolve: (m: Map<string, HostPushResult>) => void;
  reject: (e: unknown) => void;
}

export class NetworkPusher {
  private readonly o: NetworkPusherOptions;
  private readonly log: Logger;
  private readonly clock: () => number;
  private readonly abort = new AbortController();
  /** Host id → hash of the state it acknowledged ('' = the last push failed). */
  private readonly acked = new Map<string, string>();
  private readonly unimplemented = new Set<string>();
  private dhcpHosts = new Map<string, string>();
  private generation = 0;
  private pending: Pending | undefined;
  private loop: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];
  private debounce: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  /** Consecutive failed pushes per host: backs the retries off and keeps the log to one warning per outage. */
  private readonly failures = new Map<string, number>();
  /** Host id → when its failed push is due to be tried again (clock ms). */
  private readonly retryAt = new Map<string, number>();
  /** When the armed retry timer fires (clock ms). */
  private retryTimerAt = Number.POSITIVE_INFINITY;
  private watches: Promise<void>[] = [];

  constructor(o: NetworkPusherOptions) {
    this.o = o;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'network-push' });
  }

  /** Watches the store, resyncs periodically, and pushes every host once now. */
  start(): void {
    this.watches.push(this.follow(NETWORK, () => true));
    this.watches.push(this.follow(HOSTS, underlayChanged));
    const every = this.o.resyncIntervalMs ?? 30_000;
    const t = setInterval(() => this.fire('all'), every);
    t.unref();
    this.timers.push(t);
    this.fire('all');
  }

  async close(): Promise<void> {
    this.abort.abort();
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    await Promise.allSettled([...this.watches, this.loop]);
  }

  /**
   * Network id → the host serving its DHCP as the last cycle placed it (what the
   * next cycle keeps while it qualifies): the metadata lookup decides with it.
   */
  dhcpPlacement(): ReadonlyMap<string, string> {
    return this.dhcpHosts;
  }

  /** A host (re)registered: it may have lost or kept anything; push its whole state. */
  hostRegistered(hostId: string): void {
    this.unimplemented.delete(hostId);
    this.retryAt.delete(hostId);
    this.fire(new Set([hostId]));
  }

  /**
   * Pushes after everything committed so far: `force` hosts even when their
   * state looks unchanged. Resolves with the result of every host the cycle
   * looked at (`applied` also for an unchanged, acknowledged host).
   */
  sync(force: Iterable<string> | 'all' = []): Promise<Map<string, HostPushResult>> {
    if (this.abort.signal.aborted) return Promise.resolve(new Map());
    const want: Force = force === 'all' ? 'all' : new Set(force);
    if (this.pending) {
      const p = this.pending;
      if (p.force !== 'all') p.force = want === 'all' ? 'all' : new Set([...p.force, ...want]);
    } else {
      let resolve!: Pending['resolve'];
      let reject!: Pending['reject'];
      const promise = new Promise<Map<string, HostPushResult>>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.pending = { force: want, promise, resolve, reject };
    }
    const p = this.pending;
    this.loop ??= this.drain();
    return p.promise;
  }

  private fire(force: Force | Iterable<string>): void {
    this.sync(force === 'all' ? 'all' : force).catch((err: unknown) => {
      if (!this.abort.signal.aborted) this.log.warn({ err }, 'network push cycle failed');
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending && !this.abort.signal.aborted) {
        const job = this.pending;
        this.pending = undefined;
        try {
          job.resolve(await this.cycle(job.force));
        } catch (err) {
          job.reject(err);
        }
      }
      this.pending?.resolve(new Map());
      this.pending = undefined;
    } finally {
      this.loop = undefined;
    }
  }

  private async cycle(force: Force): Promise<Map<string, HostPushResult>> {
    const hosts = await this.o.hosts.list();
    const underlay = hosts
      .filter((h) => (h.underlayIp ?? '') !== '')
      .map((h) => ({ id: h.id, underlayIp: h.underlayIp ?? '' }));
    const input = await loadHostViewInput(this.o.store, underlay, this.dhcpHosts);
    const views = computeHostViews(input);
    this.dhcpHosts = views.dhcpHosts;
    const desired = new Map<string, DesiredHostState>();
    // A host with nothing bound gets the empty state whatever the others have: no
    // view (its underlay peers alone are O(hosts)) and no hash to compute.
    for (const h of hosts) {
      desired.set(
        h.id,
        views.hosts.has(h.id) ? desiredHostState(hostNetworkToProto(hostNetworkView(views, h.id))) : EMPTY,
      );
    }
    const now = this.clock();
    const backingOff = new Set<string>();
    for (const [id, at] of this.retryAt) if (at > now) backingOff.add(id);
    const plan = planPushes({
      hosts: hosts.map((h) => h.id),
      desired,
      acked: this.acked,
      unimplemented: this.unimplemented,
      force,
      backingOff,
    });
    const results = new Map<string, HostPushResult>();
    for (const h of hosts) {
      const d = desired.get(h.id);
      if (this.unimplemented.has(h.id)) results.set(h.id, { kind: 'unimplemented' });
      else if (d && this.acked.get(h.id) === d.hash) results.set(h.id, { kind: 'applied' });
    }
    if (force !== 'all') for (const id of force) if (!desired.has(id)) results.set(id, { kind: 'unknown-host' });
    const byId = new Map(hosts.map((h) => [h.id, h]));
    await Promise.all(
      plan.map(async (p) => {
        const host = byId.get(p.hostId) as HostRecord;
        results.set(p.hostId, await this.push(host, p.desired, p.why));
      }),
    );
    // A host no longer registered needs no retry.
    for (const id of this.retryAt.keys()) if (!byId.has(id)) this.retryAt.delete(id);
    this.armRetry();
    return results;
  }

  private async push(host: AgentTarget, d: DesiredHostState, why: string): Promise<HostPushResult> {
    this.generation = nextGeneration(this.generation, this.clock());
    const generation = this.generation;
    try {
      const res = await this.o.agents
        .forHost(host)
        .apply({ hostId: host.id, generation: String(generation), state: d.state }, { signal: this.abort.signal });
      this.acked.set(host.id, d.hash);
      this.failures.delete(host.id);
      this.retryAt.delete(host.id);
      // A resync that changed nothing on the host is routine (every host, every
      // resync interval: 33 lines a second at 1,000 hosts): debug, not info.
      const routine = why === 'forced' && res.steps === 0;
      this.log[routine ? 'debug' : 'info'](
        {
          hostId: host.id,
          generation,
          why,
          steps: res.steps,
          networks: d.state.networks?.length ?? 0,
          ports: d.state.ports?.length ?? 0,
          routers: d.state.routers?.length ?? 0,
        },
        'network state pushed',
      );
      return { kind: 'applied' };
    } catch (err) {
      const error = toStratoError(err);
      if (error.code === 'UNIMPLEMENTED') {
        if (!this.unimplemented.has(host.id)) {
          this.log.warn({ hostId: host.id }, 'agent does not serve AgentNetwork; will retry at the next resync');
        }
        this.unimplemented.add(host.id);
        this.acked.delete(host.id);
        return { kind: 'unimplemented' };
      }
      this.unimplemented.delete(host.id);
      this.acked.set(host.id, '');
      // Nothing is kept for a host that does not answer: the next push dials afresh.
      this.o.agents.release?.(host.id);
      if (!this.abort.signal.aborted) {
        const streak = (this.failures.get(host.id) ?? 0) + 1;
        this.failures.set(host.id, streak);
        const resync = this.o.resyncIntervalMs ?? 30_000;
        this.retryAt.set(
          host.id,
          this.clock() + Math.min(resync, (this.o.retryMs ?? 2_000) * 2 ** Math.min(streak - 1, 10)),
        );
        const fields = { hostId: host.id, generation, code: error.code, reason: error.reason, err: error.message };
        if (streak === 1) this.log.warn(fields, 'network push failed');
        else this.log.debug({ ...fields, streak }, 'network push failed again');
      }
      return { kind: 'failed', error };
    }
  }

  /** One timer, for the earliest retry due; its cycle pushes every host whose retry is due by then. */
  private armRetry(): void {
    if (this.abort.signal.aborted || this.retryAt.size === 0) return;
    let due = Number.POSITIVE_INFINITY;
    for (const at of this.retryAt.values()) if (at < due) due = at;
    if (this.retry && this.retryTimerAt <= due) return;
    clearTimeout(this.retry);
    this.retryTimerAt = due;
    this.retry = setTimeout(
      () => {
        this.retry = undefined;
        this.retryTimerAt = Number.POSITIVE_INFINITY;
        this.fire([]);
      },
      Math.max(0, due - this.clock()),
    );
    this.retry.unref();
  }

  private changed(): void {
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.fire([]);
    }, this.o.debounceMs ?? 25);
    this.debounce.unref();
  }

  /** Follows `prefix` until closed; a broken watch is re-opened after a full sync. */
  private async follow(prefix: string, relevant: (e: WatchEvent) => boolean): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        for await (const e of this.o.store.watch(prefix, { signal })) if (relevant(e)) this.changed();
        return;
      } catch (err) {
        if (signal.aborted) return;
        this.log.warn({ err, prefix }, 'store watch broke; resyncing');
        await sleep(1000, undefined, { signal }).catch(() => {});
        this.fire('all');
      }
    }
  }
}

/** Host records change with every heartbeat; only an underlay address (or a host coming or going) matters here. */
function underlayChanged(e: WatchEvent): boolean {
  const before = (e.prevValue as HostRecord | undefined)?.underlayIp ?? '';
  const after = (e.value as HostRecord | undefined)?.underlayIp ?? '';
  return e.type === 'delete' || e.prevValue === undefined || before !== after;
}
