// The source's half of a move: start the hypervisor's peer-to-peer migration of one
// instance, keep it in memory by migration id for progress, abort and timeout, and
// settle the source afterwards (a cold move's paused copy is stopped again). The
// migration runs under the instance's lock, so no other operation on the instance
// interleaves with it; GetMigration and AbortMigration do not need the lock.
import { notFound, StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { Hypervisor, MigrateOptions } from '../hypervisor/hypervisor.ts';
import { checkInstanceId, instancePaths } from './instance-paths.ts';
import { type TlsFiles, writeMigrationPki } from './migration-pki.ts';
import { type MigrationRecord, type MigrationStatus, statusOf } from './migration-record.ts';
import type { IncomingPlace } from './prepare-incoming.ts';

export interface StartMigrationRequest {
  instanceId: string;
  migrationId: string;
  live: boolean;
  destination: IncomingPlace;
  bandwidthMiBs: number;
  /** 0: none. */
  timeoutS: number;
}

export interface MigrationDeps {
  hv: Hypervisor;
  stateDir: string;
  /** This host's image cache directory (rewritten to the destination's). */
  imageDir: string;
  /** This host's certificates, the client side of the hypervisors' TLS. @default the hypervisor's own PKI */
  tls?: TlsFiles;
  log: Logger;
  /** Runs `fn` under the instance's lock (InstanceManager.exclusive). */
  exclusive: <T>(id: string, op: string, fn: () => Promise<T>) => Promise<T>;
  /** How long StartMigration waits to see the job run (or fail early). @default 5000 */
  startWaitMs?: number;
}

/** Finished records kept for GetMigration; the oldest go first beyond this. */
const MAX_RECORDS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function migrationNotFound(id: string): StratoError {
  return notFound('MIGRATION_NOT_FOUND', `this agent knows no migration ${id} (it may have restarted)`, {
    details: { migrationId: id },
  });
}

export class Migrations {
  private readonly records = new Map<string, MigrationRecord>();
  private readonly deps: MigrationDeps;
  private readonly log: Logger;

  constructor(deps: MigrationDeps) {
    this.deps = deps;
    this.log = deps.log.child({ component: 'migrations' });
  }

  async start(req: StartMigrationRequest): Promise<MigrationStatus> {
    checkInstanceId(req.instanceId);
    const known = this.records.get(req.migrationId);
    if (known !== undefined) return this.status(req.instanceId, req.migrationId);
    const other = [...this.records.values()].find((r) => r.instanceId === req.instanceId && r.state === 'RUNNING');
    if (other !== undefined) {
      throw new StratoError(
        'FAILED_PRECONDITION',
        'MIGRATION_IN_PROGRESS',
        `instance ${req.instanceId} is being moved by migration ${other.migrationId}`,
      );
    }
    const { hv } = this.deps;
    const power = await hv.powerState(req.instanceId);
    if (power === undefined) throw notFound('INSTANCE_NOT_FOUND', `instance ${req.instanceId} is not on this host`);
    const wanted = req.live ? 'running' : 'shutdown';
    if (power !== wanted) {
      throw new StratoError(
        'FAILED_PRECONDITION',
        'INVALID_POWER_STATE',
        `a ${req.live ? 'live' : 'cold'} migration needs a ${wanted} guest; instance ${req.instanceId} is ${power}`,
      );
    }
    const src = instancePaths(this.deps.stateDir, req.instanceId);
    const dest = req.destination;
    const options: MigrateOptions = {
      address: dest.migrationAddress,
      live: req.live,
      bandwidthMiBs: req.bandwidthMiBs,
      rewrites: [
        { from: `${src.dir}/`, to: `${dest.instanceDir}/` },
        ...(dest.imageDir === '' ? [] : [{ from: `${this.deps.imageDir}/`, to: `${dest.imageDir}/` }]),
      ],
      ...(dest.initiatorName ? { initiatorName: dest.initiatorName } : {}),
      ...(this.deps.tls === undefined ? {} : { pkiDir: await writeMigrationPki(this.deps.stateDir, this.deps.tls) }),
    };
    const rec: MigrationRecord = {
      migrationId: req.migrationId,
      instanceId: req.instanceId,
      live: req.live,
      state: 'RUNNING',
      error: '',
      startedAt: Date.now(),
      done: Promise.resolve(),
    };
    this.remember(rec);
    let failure: unknown;
    rec.done = this.deps
      .exclusive(req.instanceId, 'migrate', () => this.run(rec, options))
      .catch((err: unknown) => {
        failure = err;
        this.finish(rec, rec.cancelReason === undefined ? 'FAILED' : 'CANCELLED', err);
      });
    let timer: NodeJS.Timeout | undefined;
    if (req.timeoutS > 0) {
      timer = setTimeout(() => void this.cancel(rec, `timed out after ${req.timeoutS} s`), req.timeoutS * 1000);
      void rec.done.then(() => clearTimeout(timer));
    }
    await this.waitStarted(rec);
    if (rec.state === 'FAILED' && rec.endedAt !== undefined && rec.endedAt - rec.startedAt < this.startWaitMs()) {
      // It never ran (e.g. the destination's hypervisor refused the link): an error, and no record.
      this.records.delete(rec.migrationId);
      clearTimeout(timer);
      throw failure;
    }
    return statusOf(rec, Date.now());
  }

  async status(instanceId: string, migrationId: string): Promise<MigrationStatus> {
    const rec = this.find(instanceId, migrationId);
    if (rec.state === 'RUNNING') {
      const p = await this.deps.hv.migrationProgress(rec.instanceId).catch(() => undefined);
      if (p !== undefined && rec.state === 'RUNNING') rec.progress = p;
    }
    return statusOf(rec, Date.now());
  }

  /** Cancels a running migration and waits for it to end. */
  async abort(instanceId: string, migrationId: string): Promise<MigrationStatus> {
    const rec = this.find(instanceId, migrationId);
    if (rec.state === 'RUNNING') await this.cancel(rec, 'aborted');
    if (rec.state === 'COMPLETED') {
      throw new StratoError(
        'FAILED_PRECONDITION',
        'MIGRATION_COMPLETED',
        `migration ${migrationId} completed: the instance is on the destination`,
      );
    }
    return statusOf(rec, Date.now());
  }

  private startWaitMs(): number {
    return this.deps.startWaitMs ?? 5000;
  }

  private async run(rec: MigrationRecord, options: MigrateOptions): Promise<void> {
    const { hv } = this.deps;
    const id = rec.instanceId;
    const log = this.log.child({ instanceId: id, migrationId: rec.migrationId });
    if (rec.cancelReason !== undefined) throw new StratoError('ABORTED', 'MIGRATION_CANCELLED', rec.cancelReason);
    // Cold: the guest's CPUs never run; QEMU only exists to copy the disk.
    if (!rec.live) await hv.startPaused(id);
    try {
      log.info({ live: rec.live, address: options.address }, 'migration started');
      const figures = await hv.migrate(id, options);
      rec.progress = figures ?? rec.progress;
      this.finish(rec, 'COMPLETED');
      log.info({ downtimeMs: figures?.downtimeMs, elapsedMs: rec.endedAt! - rec.startedAt }, 'migration completed');
    } catch (err) {
      log.warn({ err, cancelled: rec.cancelReason }, 'migration failed; the instance stays here');
      throw err;
    } finally {
      // A cold copy that did not leave (or whose source QEMU lingers) goes back to stopped.
      if (!rec.live)
        await hv.destroy(id).catch((err: unknown) => log.warn({ err }, 'stopping the paused source failed'));
    }
  }

  private finish(rec: MigrationRecord, state: MigrationRecord['state'], err?: unknown): void {
    if (rec.state !== 'RUNNING') return;
    rec.state = state;
    rec.endedAt = Date.now();
    if (err !== undefined) {
      const words = err instanceof Error ? err.message : String(err);
      rec.error = rec.cancelReason === undefined ? words : `${rec.cancelReason}: ${words}`;
    }
  }

  /**
   * Asks the hypervisor to cancel until the migration has ended: a job that has not
   * begun yet cannot be cancelled, so the request is repeated while it runs.
   */
  private async cancel(rec: MigrationRecord, reason: string): Promise<void> {
    rec.cancelReason ??= reason;
    const deadline = Date.now() + 60_000;
    let ended = false;
    void rec.done.then(() => {
      ended = true;
    });
    while (!ended && Date.now() < deadline) {
      await this.deps.hv.abortMigration(rec.instanceId).catch((err: unknown) => {
        this.log.warn({ instanceId: rec.instanceId, err }, 'migration abort failed');
      });
      await Promise.race([rec.done, sleep(250)]);
    }
  }

  /** Until the hypervisor reports the job running, the migration ended, or the wait is over. */
  private async waitStarted(rec: MigrationRecord): Promise<void> {
    const deadline = Date.now() + this.startWaitMs();
    while (rec.state === 'RUNNING' && Date.now() < deadline) {
      const p = await this.deps.hv.migrationProgress(rec.instanceId).catch(() => undefined);
      if (p !== undefined) {
        if (rec.state === 'RUNNING') rec.progress = p;
        return;
      }
      await Promise.race([rec.done, sleep(100)]);
    }
  }

  private find(instanceId: string, migrationId: string): MigrationRecord {
    const rec = this.records.get(migrationId);
    if (rec === undefined || rec.instanceId !== instanceId) throw migrationNotFound(migrationId);
    return rec;
  }

  private remember(rec: MigrationRecord): void {
    this.records.set(rec.migrationId, rec);
    for (const [id, r] of this.records) {
      if (this.records.size <= MAX_RECORDS) break;
      if (r.state !== 'RUNNING') this.records.delete(id);
    }
  }
}
