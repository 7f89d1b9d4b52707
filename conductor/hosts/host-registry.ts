// The registry of hypervisor hosts: what agents announce (Register), the proof
// they are alive (Heartbeat), and the operator's enable switch. It also hands
// the scheduler its host facts (capacity, ratios, enabled, last heartbeat), which
// the scheduler's index follows through the store's watch; usage is the scheduler's.
import { notFound } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { possibleHostRef } from '../naming/resolve.ts';
import type { AllocationRatio, HostSnapshot, HostSource, Resources } from '../scheduler/types.ts';
import { casUpdate, UNCHANGED } from '../store/cas-update.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Store } from '../store/store.ts';
import {
  HOSTS,
  type HostCapacity,
  type HostRecord,
  type HostRole,
  type HostSelfReport,
  hostKey,
  rolesOf,
  type StorageFacts,
} from './host-record.ts';
import { type HostState, type HostTiming, hostState } from './host-state.ts';
import { beatNeedsWrite, heartbeatStaleMs, Liveness } from './liveness.ts';

export interface HostRegistryOptions {
  store: Store;
  timing: HostTiming;
  allocationRatio: AllocationRatio;
  /** Held back on every host for the hypervisor itself. */
  reserved?: Partial<Resources>;
  /** @default Date.now */
  clock?: () => number;
  /**
   * How old the stored heartbeat may grow before a beat rewrites it (liveness.ts).
   * @default heartbeatStaleMs(timing)
   */
  heartbeatStaleMs?: number;
  log?: Logger;
}

export interface RegisterInput {
  id: string;
  address: string;
  capacity: HostCapacity;
  virtType: string;
  agentVersion: string;
  /** @default '' (the host gave none) */
  underlayIp?: string;
  /** @default ['compute'] */
  roles?: HostRole[];
  /** A storage host's report (with the storage role only). */
  storage?: StorageFacts;
  /** @default '' (the agent did not say) */
  agentStartedAt?: string;
  /** @default none */
  degradedReasons?: string[];
  /** @default none */
  orphans?: HostSelfReport['orphans'];
}

/** What a heartbeat says beside the instances and storage (registry-api.ts reads the request). */
export interface HeartbeatReport extends HostSelfReport {
  /**
   * The host could not list its instances (its hypervisor is unreachable): the report
   * is kept, but the heartbeat does not keep the host up — a host that cannot see its
   * guests takes no new work (strato.host.v1.Registry.Heartbeat).
   */
  instancesUnknown: boolean;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  (a ?? []).length === b.length && b.every((x, i) => a?.[i] === x);

const sameCounts = (a: HostSelfReport['orphans'] | undefined, b: HostSelfReport['orphans']): boolean =>
  JSON.stringify(a ?? {}) === JSON.stringify(b);

/** The record's self-report fields for `input`, with their defaults. */
function selfFields(input: RegisterInput): Pick<HostRecord, 'agentStartedAt' | 'degradedReasons' | 'orphans'> {
  return {
    agentStartedAt: input.agentStartedAt ?? '',
    degradedReasons: [...(input.degradedReasons ?? [])],
    orphans: { ...input.orphans },
  };
}

/** The roles and storage fields of a record as a registration sets them. */
function roleFields(input: RegisterInput, now: number): Pick<HostRecord, 'roles' | 'storage' | 'storageReportedAtMs'> {
  return {
    roles: input.roles ?? ['compute'],
    ...(input.storage ? { storage: { ...input.storage }, storageReportedAtMs: now } : {}),
  };
}

export class HostRegistry {
  readonly timing: HostTiming;
  readonly clock: () => number;
  private readonly store: Store;
  private readonly ratio: AllocationRatio;
  private readonly reserved: Partial<Resources> | undefined;
  private readonly log: Logger;
  private readonly liveness = new Liveness();
  private readonly staleMs: number;

  constructor(o: HostRegistryOptions) {
    this.store = o.store;
    this.timing = o.timing;
    this.staleMs = o.heartbeatStaleMs ?? heartbeatStaleMs(o.timing);
    this.ratio = o.allocationRatio;
    this.reserved = o.reserved;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'hosts' });
  }

  /** Creates or refreshes a host; keeps the operator's enabled flag. Counts as a heartbeat. */
  async register(input: RegisterInput): Promise<HostRecord> {
    const now = this.clock();
    const key = hostKey(input.id);
    for (;;) {
      const updated = await casUpdate<HostRecord>(
        this.store,
        key,
        ({ storage: _s, storageReportedAtMs: _t, ...old }) => ({
          ...old,
          ...roleFields(input, now),
          ...selfFields(input),
          address: input.address,
          capacity: { ...input.capacity },
          virtType: input.virtType,
          agentVersion: input.agentVersion,
          underlayIp: input.underlayIp ?? '',
          lastHeartbeatMs: now,
        }),
      );
      if (updated) {
        this.liveness.beat(input.id, now);
        this.log.info(
          { hostId: input.id, address: input.address, underlayIp: input.underlayIp },
          'host registered again',
        );
        return updated.value;
      }
      const { roles: _r, storage: _s, ...plain } = input;
      const fresh: HostRecord = {
        ...plain,
        ...roleFields(input, now),
        ...selfFields(input),
        underlayIp: input.underlayIp ?? '',
        capacity: { ...input.capacity },
        enabled: true,
        lastHeartbeatMs: now,
        registeredAt: new Date(now).toISOString(),
      };
      const res = await this.store.txn([], [{ kind: 'create', key, value: fresh }]);
      if (res.succeeded) {
        this.liveness.beat(input.id, now);
        this.log.info(
          { hostId: input.id, address: input.address, capacity: input.capacity, underlayIp: input.underlayIp },
          'host registered',
        );
        return fresh;
      }
      // Created concurrently: update that one instead.
    }
  }

  /**
   * Keeps the host up; a storage host's report (when given) replaces the last one,
   * and what the host says about itself (`self`, when given) is recorded. A heartbeat
   * whose self report has instancesUnknown does not keep the host up. Writes nothing
   * when nothing changes, and the time of the beat only when the stored one has
   * grown stale (liveness.ts); the record returned has the latest beat either way.
   * Errors: NOT_FOUND/HOST_NOT_REGISTERED (the agent should Register again).
   */
  async heartbeat(id: string, storage?: StorageFacts, self?: HeartbeatReport): Promise<HostRecord> {
    const now = this.clock();
    const alive = self?.instancesUnknown !== true;
    const e = await casUpdate<HostRecord>(this.store, hostKey(id), (h) => {
      const beat = alive && h.lastHeartbeatMs < now && beatNeedsWrite(h.lastHeartbeatMs, now, this.staleMs);
      const said =
        self !== undefined &&
        !(sameList(h.degradedReasons, self.degradedReasons) && sameCounts(h.orphans, self.orphans));
      if (!beat && !said && storage === undefined) return UNCHANGED;
      // A report from a host registered without the storage role has nothing to update.
      const report =
        storage && rolesOf(h).includes('storage') ? { storage: { ...storage }, storageReportedAtMs: now } : {};
      const next: HostRecord = { ...h, ...report };
      if (beat) next.lastHeartbeatMs = now;
      if (said) {
        next.degradedReasons = [...self.degradedReasons];
        next.orphans = { ...self.orphans };
        this.log.info({ hostId: id, degradedReasons: self.degradedReasons }, 'host reports its state');
      }
      return next;
    });
    if (!e)
      throw notFound('HOST_NOT_REGISTERED', `host ${id} is not registered; register first`, { details: { host: id } });
    if (alive) this.liveness.beat(id, now);
    return this.liveness.merge(e.value);
  }

  /** The record with its latest heartbeat (which the store may hold a little older: liveness.ts). */
  async get(id: string): Promise<HostRecord | undefined> {
    if (id === '') return undefined;
    const h = (await getOrUndefined<HostRecord>(this.store, hostKey(id)))?.value;
    return h && this.liveness.merge(h);
  }

  /** By id, as an operator names it in `field`. Errors: NOT_FOUND/HOST_NOT_FOUND (also for what cannot be an id). */
  async require(ref: unknown, field = 'host'): Promise<HostRecord> {
    const id = possibleHostRef(field, ref);
    const h = await this.get(id);
    if (!h) throw notFound('HOST_NOT_FOUND', `host ${id} not found`, { details: { host: id } });
    return h;
  }

  async list(): Promise<HostRecord[]> {
    return (await listAll<HostRecord>(this.store, HOSTS)).entries.map((e) => this.liveness.merge(e.value));
  }

  /** One page of hosts in id order. Errors: INVALID_ARGUMENT (page size or token). */
  async page(req: PageRequest): Promise<Page<HostRecord>> {
    return listPage<HostRecord, HostRecord>(this.store, HOSTS, req, (e) => this.liveness.merge(e.value));
  }

  /** Idempotent. Errors: NOT_FOUND/HOST_NOT_FOUND (also for what cannot be an id). */
  async setEnabled(ref: unknown, enabled: boolean, field = 'host'): Promise<HostRecord> {
    const id = possibleHostRef(field, ref);
    const e = await casUpdate<HostRecord>(this.store, hostKey(id), (h) =>
      h.enabled === enabled ? UNCHANGED : { ...h, enabled },
    );
    if (!e) throw notFound('HOST_NOT_FOUND', `host ${id} not found`, { details: { host: id } });
    this.log.info({ hostId: id, enabled }, 'host enabled flag set');
    return this.liveness.merge(e.value);
  }

  /**
   * Counts the host down now, as if it had never heartbeated (its certificate
   * was revoked: its heartbeats are refused from now on). Idempotent; a host
   * not registered is left so.
   */
  async markDown(id: string): Promise<void> {
    this.liveness.forget(id);
    const e = await casUpdate<HostRecord>(this.store, hostKey(id), (h) =>
      h.lastHeartbeatMs === 0 ? UNCHANGED : { ...h, lastHeartbeatMs: 0 },
    );
    if (e) this.log.warn({ hostId: id }, 'host marked down');
  }

  state(h: HostRecord, nowMs: number = this.clock()): HostState {
    return hostState(this.liveness.lastBeat(h.id, h.lastHeartbeatMs), nowMs, this.timing.downTimeMs);
  }

  /** Where the scheduler's index follows host facts: the records under HOSTS, as snapshots. */
  hostSource(): HostSource {
    return { prefix: HOSTS, snapshot: (record) => this.snapshot(record as HostRecord) };
  }

  snapshot(h: HostRecord): HostSnapshot {
    return {
      hostId: h.id,
      enabled: h.enabled,
      ...(rolesOf(h).includes('compute') ? {} : { compute: false }),
      lastHeartbeatMs: this.liveness.lastBeat(h.id, h.lastHeartbeatMs),
      capacity: { ...h.capacity },
      allocationRatio: { ...this.ratio },
      ...(this.reserved ? { reserved: { ...this.reserved } } : {}),
      usage: { vcpus: 0, ramMiB: 0, diskGiB: 0 },
      instanceCount: 0,
    };
  }
}
