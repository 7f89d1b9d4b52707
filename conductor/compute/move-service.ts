// Moves as the public API offers them (ServerMoves in server_move.proto):
// migrate (cold or live), resize, confirm, revert, and the migration records.
// Like ComputeService, each call checks the request against the LATEST record,
// then writes the instance (with its move and workflow), the migration record
// and the server event in one transaction and hands the instance to the
// workflow driver. Who may call what is the policy's business (policy/table.ts);
// project isolation is findServer's (another project's server is NOT_FOUND).
import { randomUUID } from 'node:crypto';
import { failedPrecondition, invalidArgument, isStratoError, notFound } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { Principal } from '../identity/model.ts';
import { NO_LIMITS } from '../quotas/model.ts';
import { Quotas } from '../quotas/quotas.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { iterateAll } from '../store/list-all.ts';
import type { Compare, Op, Store } from '../store/store.ts';
import type { Catalog } from './catalog.ts';
import { newEventKey, type ServerEventRecord, startedEvent } from './events.ts';
import {
  INSTANCES,
  type InstanceMove,
  type InstanceRecord,
  instanceKey,
  type WorkflowStep,
} from './instance-record.ts';
import { MIGRATIONS, type MigrationKind, type MigrationRecord, migrationKey, NO_PROGRESS } from './migration-record.ts';
import { MOVE_TASK, type MoveVerb, moveRefusal, resizeFlavorRefusal } from './move-rules.ts';
import { findServer, visibleTo } from './server-lookup.ts';
import { usageChange } from './usage.ts';
import { type HostLookup, newWorkflow } from './workflow.ts';
import type { WorkflowDriver } from './workflow-driver.ts';

export interface MoveServiceOptions {
  store: Store;
  catalog: Catalog;
  driver: WorkflowDriver;
  hosts: HostLookup;
  /** Per-project quotas: a resize to a bigger flavor must fit them. @default counted, never enforced */
  quotas?: Quotas;
  /** A resize not confirmed or reverted within this many seconds is confirmed by the conductor (0: never). @default 0 */
  resizeConfirmAfterS?: number;
  clock?: () => number;
  log?: Logger;
}

export interface MigrateInput {
  server: string;
  live: boolean;
  /** '' = the scheduler picks. */
  host: string;
  /** MiB/s; 0 = unlimited. */
  bandwidthMibS: number;
}

export interface DrainedServer {
  serverId: string;
  name: string;
  migrationId: string;
  kind: string;
  error: string;
}

export interface MigrationFilter {
  server?: string;
  host?: string;
}

/** The principal the automatic confirm acts as. */
const CONDUCTOR: Principal = {
  userId: 'conductor',
  userName: 'conductor',
  projectId: '',
  projectName: '',
  role: 'admin',
  tokenHash: '',
  expiresAtMs: 0,
};

export class MoveService {
  private readonly o: MoveServiceOptions;
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly log: Logger;
  private readonly quotas: Quotas;
  private timer: NodeJS.Timeout | undefined;

  constructor(o: MoveServiceOptions) {
    this.o = o;
    this.store = o.store;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'moves' });
    this.quotas = o.quotas ?? new Quotas({ store: o.store, defaults: NO_LIMITS });
  }

  /** Cold or live migration (admin). See MigrateServer in server_move.proto. */
  async migrate(input: MigrateInput, p: Principal, requestId: string): Promise<MigrationRecord> {
    const server = (await findServer(this.store, input.server, p)).value;
    if (input.host !== '') {
      if (!(await this.o.hosts.get(input.host))) {
        throw notFound('HOST_NOT_FOUND', `host ${input.host} is not registered`, { details: { field: 'host' } });
      }
      if (input.host === server.host) {
        throw failedPrecondition(
          'SAME_HOST',
          `server ${server.name} is on host ${input.host} already; a move goes to another host`,
          { details: { field: 'host', host: input.host } },
        );
      }
    }
    const verb: MoveVerb = input.live ? 'live-migrate' : 'migrate';
    return this.begin(server.id, p, requestId, verb, (r) => ({
      kind: input.live ? 'live' : 'cold',
      forceHost: input.host,
      flavor: r.flavor,
      bandwidthMibS: input.bandwidthMibS,
    }));
  }

  /** Resize to another flavor, on another host (see ResizeServer). */
  async resize(ref: string, flavorRef: string, p: Principal, requestId: string): Promise<MigrationRecord> {
    if (flavorRef === '') {
      throw invalidArgument('FLAVOR_REQUIRED', 'flavor is required', { details: { field: 'flavor' } });
    }
    const server = (await findServer(this.store, ref, p)).value;
    const f = await this.o.catalog.flavor(flavorRef);
    const flavor = { id: f.id, name: f.name, vcpus: f.vcpus, ramMib: f.ramMib, diskGib: f.diskGib };
    return this.begin(server.id, p, requestId, 'resize', (r) => {
      const refusal = resizeFlavorRefusal(r.flavor, flavor);
      if (refusal) throw refusal;
      return { kind: 'resize', forceHost: '', flavor, bandwidthMibS: 0 };
    });
  }

  /** Confirms a resize (RESIZED → the source's copy goes). */
  async confirm(ref: string, p: Principal, requestId: string): Promise<InstanceRecord> {
    return this.decide(ref, p, requestId, 'confirm-resize', 'resize-confirm');
  }

  /** Reverts a resize (RESIZED → back to the source, old flavor). */
  async revert(ref: string, p: Principal, requestId: string): Promise<InstanceRecord> {
    return this.decide(ref, p, requestId, 'revert-resize', 'resize-revert');
  }

  /** Asks a move in flight to stop; it rolls back to the source. See AbortMigration. */
  async abort(id: string, p: Principal, requestId: string): Promise<MigrationRecord> {
    const m = await this.getMigration(id, p);
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(m.serverId));
      const r = entry?.value;
      const wf = r?.workflow;
      const running = r?.move?.migrationId === m.id && wf !== undefined && ABORTABLE.includes(wf.step);
      if (!entry || !r || !wf || !running) {
        throw failedPrecondition(
          'MIGRATION_NOT_RUNNING',
          `migration ${m.id} is ${m.status}: only a move that has not arrived can be aborted`,
          { details: { migration: m.id, status: m.status } },
        );
      }
      if (wf.abort) return m;
      const next: InstanceRecord = { ...r, workflow: { ...wf, abort: true } };
      const res = await this.store.txn(
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }],
        [{ kind: 'put', key: entry.key, value: next }],
      );
      if (res.succeeded) break;
    }
    this.log.info({ instanceId: m.serverId, migrationId: m.id, requestId }, 'migration abort accepted');
    this.o.driver.kick(m.serverId);
    return this.getMigration(id, p);
  }

  async getMigration(id: string, p: Principal): Promise<MigrationRecord> {
    const e = await getOrUndefined<MigrationRecord>(this.store, migrationKey(id));
    if (!e || !visibleTo({ projectId: e.value.projectId } as InstanceRecord, p)) {
      throw notFound('MIGRATION_NOT_FOUND', `migration ${id} not found`, { details: { migration: id } });
    }
    return e.value;
  }

  /** Newest first; `server` by id or name, `host` as source or destination. */
  async listMigrations(f: MigrationFilter, p: Principal): Promise<MigrationRecord[]> {
    const serverId = f.server ? (await findServer(this.store, f.server, p)).value.id : undefined;
    const out: MigrationRecord[] = [];
    for await (const e of iterateAll<MigrationRecord>(this.store, MIGRATIONS)) {
      const m = e.value;
      if (serverId !== undefined && m.serverId !== serverId) continue;
      if (f.host && m.sourceHost !== f.host && m.destHost !== f.host) continue;
      if (!visibleTo({ projectId: m.projectId } as InstanceRecord, p)) continue;
      out.push(m);
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /**
   * Starts moving every server on `hostId` elsewhere (DrainHost; the caller
   * disabled the host first): ACTIVE live, SHUTOFF cold. One entry per server,
   * in id order: its migration, or why it cannot move.
   */
  async drain(hostId: string, p: Principal, requestId: string): Promise<DrainedServer[]> {
    const out: DrainedServer[] = [];
    for await (const e of iterateAll<InstanceRecord>(this.store, INSTANCES)) {
      const r = e.value;
      if (r.host !== hostId) continue;
      const entry: DrainedServer = { serverId: r.id, name: r.name, migrationId: '', kind: '', error: '' };
      if (r.move && r.workflow && r.workflow.kind !== 'delete') {
        // Moving already (an earlier drain, or an admin's migrate).
        out.push({ ...entry, migrationId: r.move.migrationId, kind: r.move.kind });
        continue;
      }
      const live = r.vmState === 'ACTIVE';
      try {
        const m = await this.migrate({ server: r.id, live, host: '', bandwidthMibS: 0 }, p, requestId);
        out.push({ ...entry, migrationId: m.id, kind: m.kind });
      } catch (err) {
        if (!isStratoError(err)) throw err;
        out.push({ ...entry, error: `${err.reason}: ${err.message}` });
      }
    }
    this.log.info({ hostId, requestId, servers: out.length }, 'host drain started');
    return out;
  }

  /** Confirms every resize waiting longer than the window; returns how many. */
  async confirmDue(): Promise<number> {
    const after = (this.o.resizeConfirmAfterS ?? 0) * 1000;
    if (after <= 0) return 0;
    const now = this.clock();
    let n = 0;
    for await (const e of iterateAll<InstanceRecord>(this.store, INSTANCES)) {
      const r = e.value;
      if (r.vmState !== 'RESIZED' || r.taskState !== '' || r.move?.arrivedAtMs === undefined) continue;
      if (now - r.move.arrivedAtMs < after) continue;
      try {
        await this.confirm(r.id, CONDUCTOR, `auto-confirm-${r.move.migrationId}`);
        this.log.info({ instanceId: r.id, migrationId: r.move.migrationId }, 'resize confirmed automatically');
        n++;
      } catch (err) {
        this.log.warn({ instanceId: r.id, err }, 'automatic resize confirm failed');
      }
    }
    return n;
  }

  /** Looks for resizes to confirm every `everyMs` (when a window is configured). */
  startAutoConfirm(everyMs = 10_000): void {
    if ((this.o.resizeConfirmAfterS ?? 0) <= 0) return;
    this.timer = setInterval(() => {
      this.confirmDue().catch((err: unknown) => this.log.warn({ err }, 'automatic resize confirm sweep failed'));
    }, everyMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Starts a move: the instance's move and workflow, its migration record and event, in one transaction. */
  private async begin(
    id: string,
    p: Principal,
    requestId: string,
    verb: MoveVerb,
    plan: (r: InstanceRecord) => Pick<InstanceMove, 'kind' | 'forceHost' | 'flavor' | 'bandwidthMibS'>,
  ): Promise<MigrationRecord> {
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(id));
      if (!entry) throw notFound('SERVER_NOT_FOUND', `server ${id} not found`, { details: { server: id } });
      const r = entry.value;
      const refusal = moveRefusal(r, verb);
      if (refusal) throw refusal;
      const part = plan(r);
      const nowMs = this.clock();
      const now = new Date(nowMs).toISOString();
      const migrationId = randomUUID();
      const move: InstanceMove = {
        migrationId,
        ...part,
        sourceHost: r.host,
        destHost: '',
        oldFlavor: r.flavor,
        wasRunning: r.powerState === 'RUNNING',
      };
      const eventKey = newEventKey(id, nowMs);
      const kind = part.kind === 'resize' ? 'resize' : 'migrate';
      const wf = newWorkflow(kind, 'move-schedule', requestId, eventKey);
      const next: InstanceRecord = { ...r, move, taskState: MOVE_TASK[verb], workflow: wf, updatedAt: now };
      const migration: MigrationRecord = {
        id: migrationId,
        serverId: id,
        projectId: r.projectId,
        kind: part.kind as MigrationKind,
        sourceHost: r.host,
        destHost: '',
        status: 'queued',
        oldFlavorId: r.flavor.id,
        newFlavorId: part.flavor.id,
        progress: { ...NO_PROGRESS },
        error: '',
        requestId,
        createdAt: now,
        updatedAt: now,
      };
      const event = startedEvent(verb, { requestId, userId: p.userId, projectId: p.projectId }, now);
      // A resize counts the larger flavor from now (usage.ts): the growth must fit the quota.
      const grow = usageChange(r, next);
      const quota =
        grow.cores > 0 || grow.ramMib > 0
          ? await this.quotas.claim(r.projectId, { cores: Math.max(0, grow.cores), ramMib: Math.max(0, grow.ramMib) })
          : { compares: [], ops: [] };
      const res = await this.store.txn(
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }, ...quota.compares],
        [
          { kind: 'put', key: entry.key, value: next },
          { kind: 'create', key: migrationKey(migrationId), value: migration },
          { kind: 'create', key: eventKey, value: event },
          ...quota.ops,
        ],
      );
      if (!res.succeeded) continue;
      this.log.info({ instanceId: id, requestId, migrationId, kind: part.kind }, 'server move accepted');
      this.o.driver.kick(id);
      return migration;
    }
  }

  /** Starts a confirm or revert of a resize waiting in RESIZED. */
  private async decide(
    ref: string,
    p: Principal,
    requestId: string,
    verb: 'confirm-resize' | 'revert-resize',
    step: WorkflowStep,
  ): Promise<InstanceRecord> {
    const id = (await findServer(this.store, ref, p)).value.id;
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(id));
      if (!entry) throw notFound('SERVER_NOT_FOUND', `server ${ref} not found`, { details: { server: ref } });
      const r = entry.value;
      // A repeat (a lost reply): the same decision is under way.
      if (r.workflow?.step === step || (verb === 'revert-resize' && r.workflow?.step === 'resize-revert-start')) {
        return r;
      }
      const refusal = moveRefusal(r, verb);
      if (refusal) throw refusal;
      if (!r.move) {
        throw failedPrecondition(
          'NO_RESIZE',
          `server ${r.name} has no resize to ${verb === 'confirm-resize' ? 'confirm' : 'revert'}`,
          {
            details: { server: r.id },
          },
        );
      }
      const nowMs = this.clock();
      const now = new Date(nowMs).toISOString();
      const eventKey = newEventKey(id, nowMs);
      const next: InstanceRecord = {
        ...r,
        taskState: MOVE_TASK[verb],
        workflow: newWorkflow('resize', step, requestId, eventKey),
        updatedAt: now,
      };
      const event: ServerEventRecord = startedEvent(verb, { requestId, userId: p.userId, projectId: p.projectId }, now);
      const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
      const ops: Op[] = [
        { kind: 'put', key: entry.key, value: next },
        { kind: 'create', key: eventKey, value: event },
      ];
      if (!(await this.store.txn(compares, ops)).succeeded) continue;
      this.log.info({ instanceId: id, requestId, action: verb }, 'server operation accepted');
      this.o.driver.kick(id);
      return next;
    }
  }
}

/** Steps of a move before its guest has arrived: an abort can still leave it on the source. */
const ABORTABLE: readonly WorkflowStep[] = [
  'move-schedule',
  'move-stop',
  'move-net',
  'move-volumes',
  'move-prepare',
  'move-start',
  'move-wait',
];
