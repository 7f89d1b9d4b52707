// Runs workflows. One loop per instance (never two: a kick while a loop runs
// just makes it look again), each turn reading the record, running the step its
// workflow names and committing the outcome — instance and server event in one
// transaction, and only if the same workflow step is still current. Because the
// step is written before its side effect, a conductor restarted at any point
// resumes every unfinished workflow (resumeAll) and ends it: nothing stays in
// BUILD or deleting. A periodic sweep kicks anything a lost kick left behind.
// An optional observer hears how workflows end and where steps stall (metrics).
import { runInContext } from '../../common/grpc/request-id.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentDirectory } from '../agents/agent-api.ts';
import type { MoveAgentDirectory } from '../agents/move-agent-api.ts';
import { NO_LIMITS } from '../quotas/model.ts';
import { Quotas } from '../quotas/quotas.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { iterateAll } from '../store/list-all.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import { KeyedLoops, type TurnContext, type TurnResult } from '../workflows/keyed-loops.ts';
import { actStep } from './action-steps.ts';
import { failStep, scheduleStep, spawnStep } from './boot-steps.ts';
import { attachVolumeStep, blockDeviceStep, detachVolumeStep, exportStep, volumesStep } from './disk-steps.ts';
import {
  evacuateBindStep,
  evacuateExportStep,
  evacuateFailStep,
  evacuateRevokeStep,
  evacuateScheduleStep,
  evacuateSpawnStep,
} from './evacuate-steps.ts';
import { eventsPrefix, type ServerEventRecord } from './events.ts';
import {
  allNameKey,
  INSTANCES,
  type InstanceRecord,
  instanceKey,
  projectNameKey,
  type Workflow,
  type WorkflowKind,
} from './instance-record.ts';
import { moveCleanupStep, moveRollbackStep } from './move-end-steps.ts';
import {
  moveArriveStep,
  moveNetStep,
  movePrepareStep,
  moveScheduleStep,
  moveStartStep,
  moveStopStep,
  moveWaitStep,
} from './move-steps.ts';
import { moveVolumesStep } from './move-volume-steps.ts';
import { bindStep, plugStep, portsStep, unplugPortStep, unplugStep } from './nic-steps.ts';
import type { ServerNetworking } from './nics.ts';
import { rebuildSpawnStep, rebuildStep } from './rebuild-steps.ts';
import { resizeConfirmStep, resizeRevertStartStep, resizeRevertStep } from './resize-steps.ts';
import type { SnapshotImages } from './snapshot-images.ts';
import { snapshotStep } from './snapshot-steps.ts';
import { deleteStep, purgeStep, releaseStep } from './teardown-steps.ts';
import { instanceUsage, usageChange } from './usage.ts';
import type { ServerVolumes } from './volumes.ts';
import type { Claims, HostLookup, MoveDeps, Outcome, Step, StepDeps } from './workflow.ts';

const STEPS: Record<string, Step> = {
  ports: portsStep,
  bind: bindStep,
  unplug: unplugStep,
  plug: plugStep,
  'unplug-port': unplugPortStep,
  schedule: scheduleStep,
  spawn: spawnStep,
  fail: failStep,
  delete: deleteStep,
  release: releaseStep,
  purge: purgeStep,
  act: actStep,
  'block-device': blockDeviceStep,
  export: exportStep,
  volumes: volumesStep,
  'attach-volume': attachVolumeStep,
  'detach-volume': detachVolumeStep,
  'evacuate-revoke': evacuateRevokeStep,
  'evacuate-schedule': evacuateScheduleStep,
  'evacuate-bind': evacuateBindStep,
  'evacuate-export': evacuateExportStep,
  'evacuate-spawn': evacuateSpawnStep,
  'evacuate-fail': evacuateFailStep,
  'move-schedule': moveScheduleStep,
  'move-stop': moveStopStep,
  'move-net': moveNetStep,
  'move-volumes': moveVolumesStep,
  'move-prepare': movePrepareStep,
  'move-start': moveStartStep,
  'move-wait': moveWaitStep,
  'move-arrive': moveArriveStep,
  'move-cleanup': moveCleanupStep,
  'move-rollback': moveRollbackStep,
  'resize-confirm': resizeConfirmStep,
  'resize-revert': resizeRevertStep,
  'resize-revert-start': resizeRevertStartStep,
  snapshot: snapshotStep,
  rebuild: rebuildStep,
  'rebuild-spawn': rebuildSpawnStep,
};

/** Hears about workflows as the driver runs them (metrics). Must not throw. */
export interface WorkflowObserver {
  /**
   * A workflow ended (its server event closed, or the server purged at the end of a
   * delete). `durationS` counts from the operation's start (its server event), across
   * conductor restarts; undefined when that event is gone.
   */
  finished(kind: WorkflowKind, result: 'success' | 'error', durationS: number | undefined): void;
  /** A step must be run again later (its host does not answer, …). */
  stepWaits(kind: WorkflowKind, step: string): void;
  /** A step threw unexpectedly (a bug or a store failure); the loop retries it. */
  stepFailed(kind: WorkflowKind, step: string): void;
}

export interface WorkflowDriverOptions {
  store: Store;
  claimer: Claims;
  hosts: HostLookup;
  agents: AgentDirectory;
  /** Ports and network pushes for servers with NICs. */
  net?: ServerNetworking;
  /** Attachments and boot volumes for servers with volumes. */
  volumes?: ServerVolumes;
  /** Where server snapshots go (snapshot-steps.ts). */
  images?: SnapshotImages;
  /** Per-project quotas: a purged server gives its instance, cores and RAM back. @default counted, never enforced */
  quotas?: Quotas;
  /** How long a volume step waits for a host that gives no answer. @default 600_000 */
  volumeTimeoutMs?: number;
  /** @default 3 */
  maxBuildAttempts?: number;
  /** How long a boot waits for a host that does not answer (StepDeps.buildTimeoutMs). @default 600_000 */
  buildTimeoutMs?: number;
  /** @default 60 */
  acpiTimeoutS?: number;
  /** How often to look for workflows nobody drives. @default 30_000 */
  sweepIntervalMs?: number;
  /** @default none */
  observer?: WorkflowObserver;
  /** The agents' move calls: without them servers cannot move. @default `agents` when it has them */
  moveAgents?: MoveAgentDirectory;
  /** StartMigration's timeout_s (0: none). @default 0 */
  migrationTimeoutS?: number;
  /** How often a running migration is polled. @default 1000 */
  migrationPollMs?: number;
  /** MoveDeps.hostWaitMs: how long a move waits on a destination that keeps failing. @default 300_000 */
  moveHostWaitMs?: number;
  clock?: () => number;
  log?: Logger;
}

export class WorkflowDriver {
  private readonly o: WorkflowDriverOptions;
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly log: Logger;
  private readonly loops: KeyedLoops;
  private readonly quotas: Quotas;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(o: WorkflowDriverOptions) {
    this.o = o;
    this.store = o.store;
    this.quotas = o.quotas ?? new Quotas({ store: o.store, defaults: NO_LIMITS });
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'workflows' });
    this.loops = new KeyedLoops({ turn: (id, ctx) => this.turn(id, ctx), log: this.log, idField: 'instanceId' });
  }

  /** Makes sure the instance's workflow (if any) is being driven. */
  kick(id: string): void {
    this.loops.kick(id);
  }

  /** Whether a loop is driving this instance now (tests, diagnostics). */
  isDriving(id: string): boolean {
    return this.loops.has(id);
  }

  /** Kicks every instance with an unfinished workflow; returns how many. */
  async resumeAll(): Promise<number> {
    let n = 0;
    for await (const e of iterateAll<InstanceRecord>(this.store, INSTANCES)) {
      if (e.value.workflow && !this.loops.has(e.value.id)) {
        this.kick(e.value.id);
        n++;
      }
    }
    if (n > 0) this.log.info({ count: n }, 'workflows resumed');
    return n;
  }

  startSweeper(): void {
    const every = this.o.sweepIntervalMs ?? 30_000;
    this.sweeper = setInterval(() => {
      this.resumeAll().catch((err: unknown) => this.log.warn({ err }, 'workflow sweep failed'));
    }, every);
    this.sweeper.unref();
  }

  /** Stops driving: in-flight agent calls are cancelled; their steps run again after a restart. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.loops.close();
  }

  private moveAgents(): MoveAgentDirectory | undefined {
    if (this.o.moveAgents) return this.o.moveAgents;
    const a = this.o.agents as AgentDirectory & Partial<MoveAgentDirectory>;
    return typeof a.movesFor === 'function' ? (a as MoveAgentDirectory) : undefined;
  }

  private moveDeps(): MoveDeps {
    return {
      agents: this.moveAgents() as MoveAgentDirectory,
      store: this.store,
      migrationTimeoutS: this.o.migrationTimeoutS ?? 0,
      pollMs: this.o.migrationPollMs ?? 1000,
      hostWaitMs: this.o.moveHostWaitMs ?? 300_000,
    };
  }

  /** One turn: the step the instance's workflow names, and its outcome committed. */
  private async turn(id: string, { signal, tries }: TurnContext): Promise<TurnResult> {
    const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(id));
    const wf = entry?.value.workflow;
    if (!entry || !wf) return { kind: 'idle' };
    const step = STEPS[wf.step];
    if (!step) throw new Error(`unknown workflow step ${wf.step}`);
    const log = this.log.child({ instanceId: id, workflow: wf.kind, step: wf.step, requestId: wf.requestId });
    const deps: StepDeps = {
      claimer: this.o.claimer,
      hosts: this.o.hosts,
      agents: this.o.agents,
      log,
      signal,
      maxBuildAttempts: this.o.maxBuildAttempts ?? 3,
      buildTimeoutMs: this.o.buildTimeoutMs ?? 600_000,
      now: this.clock,
      acpiTimeoutS: this.o.acpiTimeoutS ?? 60,
      tries,
      ...(this.o.net ? { net: this.o.net } : {}),
      ...(this.o.volumes ? { volumes: this.o.volumes } : {}),
      volumeTimeoutMs: this.o.volumeTimeoutMs ?? 600_000,
      ...(this.moveAgents() ? { moves: this.moveDeps() } : {}),
      ...(this.o.images ? { images: this.o.images } : {}),
    };
    try {
      // Each step runs under the request id of the call that started the
      // workflow (not whichever handler's context kicked this loop, nor a fresh
      // one after a restart), so the agents' log lines carry the user's id.
      const outcome = await (wf.requestId
        ? runInContext({ requestId: wf.requestId }, () => step(entry.value, wf, deps))
        : step(entry.value, wf, deps));
      if (signal.aborted) return { kind: 'done' };
      if (outcome.kind === 'wait') {
        if (!outcome.poll) this.o.observer?.stepWaits(wf.kind, wf.step);
        return { ...outcome, log };
      }
      if (outcome.kind === 'purge') await this.purgeObserved(id, wf);
      else await this.commit(id, wf.id, wf.step, outcome);
    } catch (err) {
      if (!signal.aborted) this.o.observer?.stepFailed(wf.kind, wf.step);
      throw err;
    }
    return { kind: 'done' };
  }

  /** Applies an update outcome to the latest record, with the event, atomically; false when superseded. */
  private async commit(
    id: string,
    wfId: string,
    step: string,
    outcome: Extract<Outcome, { kind: 'update' }>,
  ): Promise<boolean> {
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(id));
      const wf = entry?.value.workflow;
      if (!entry || !wf || wf.id !== wfId || wf.step !== step) return false;
      const nowMs = this.clock();
      const nowIso = new Date(nowMs).toISOString();
      const next = { ...outcome.apply(entry.value, nowIso, nowMs), updatedAt: nowIso };
      const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
      const ops: Op[] = [{ kind: 'put', key: entry.key, value: next }];
      // A step that changes what the server counts (a resize's end) counts the difference with it.
      const change = usageChange(entry.value, next);
      if (change.cores !== 0 || change.ramMib !== 0) {
        const q = await this.quotaWrite(next.projectId, change);
        compares.push(...q.compares);
        ops.push(...q.ops);
      }
      let ev: Entry<ServerEventRecord> | undefined;
      if (outcome.finish) {
        ev = await getOrUndefined<ServerEventRecord>(this.store, wf.eventKey);
        if (ev && ev.value.result === '') {
          compares.push({ kind: 'modRevision', key: ev.key, modRevision: ev.modRevision });
          const error = outcome.finish.error;
          ops.push({
            kind: 'put',
            key: ev.key,
            value: {
              ...ev.value,
              finishedAt: nowIso,
              result: error === undefined ? 'success' : 'error',
              error: error ?? '',
            },
          });
        }
      }
      if ((await this.store.txn(compares, ops)).succeeded) {
        if (outcome.finish) {
          const result = outcome.finish.error === undefined ? 'success' : 'error';
          this.finished(wf.kind, result, nowMs, ev?.value);
        }
        return true;
      }
    }
  }

  /** The quota write of a change in what a server counts: growth counted (never refused here), shrinkage given back. */
  private async quotaWrite(projectId: string, change: { cores: number; ramMib: number }) {
    const up = { cores: Math.max(0, change.cores), ramMib: Math.max(0, change.ramMib) };
    const down = { cores: Math.max(0, -change.cores), ramMib: Math.max(0, -change.ramMib) };
    if (down.cores === 0 && down.ramMib === 0) return this.quotas.count(projectId, up);
    if (up.cores === 0 && up.ramMib === 0) return this.quotas.release(projectId, down);
    // Mixed (one grows, one shrinks): two writes of one record cannot share a transaction.
    return this.quotas.count(projectId, { cores: change.cores, ramMib: change.ramMib });
  }

  /** The end of a delete: the purge, told to the observer with the operation's duration. */
  private async purgeObserved(id: string, wf: Workflow): Promise<void> {
    // Read before the purge removes it: the delete's start.
    const ev = this.o.observer ? await getOrUndefined<ServerEventRecord>(this.store, wf.eventKey) : undefined;
    await this.purge(id);
    this.finished(wf.kind, 'success', this.clock(), ev?.value);
  }

  private finished(
    kind: WorkflowKind,
    result: 'success' | 'error',
    nowMs: number,
    ev: ServerEventRecord | undefined,
  ): void {
    const started = ev === undefined ? Number.NaN : Date.parse(ev.startedAt);
    this.o.observer?.finished(kind, result, Number.isFinite(started) ? Math.max(0, nowMs - started) / 1000 : undefined);
  }

  /**
   * Removes the instance's events, then (atomically) the instance, its name
   * index entries and its share of its project's quota usage.
   */
  private async purge(id: string): Promise<void> {
    for (;;) {
      const page = await this.store.list(eventsPrefix(id), { limit: 100 });
      if (page.entries.length === 0) break;
      await this.store.txn(
        [],
        page.entries.map((e) => ({ kind: 'delete', key: e.key })),
      );
    }
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(id));
      // Gone, or no longer to be purged: whatever changed it decides what comes next.
      if (entry?.value.workflow?.step !== 'purge') return;
      const r = entry.value;
      const quota = await this.quotas.release(r.projectId, instanceUsage.usageOf(r).delta);
      const res = await this.store.txn(
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }, ...quota.compares],
        [
          { kind: 'delete', key: entry.key },
          { kind: 'delete', key: projectNameKey(r.projectId, r.name, r.id) },
          { kind: 'delete', key: allNameKey(r.name, r.id) },
          ...quota.ops,
        ],
      );
      if (res.succeeded) break;
    }
    this.log.info({ instanceId: id }, 'instance deleted');
  }
}
