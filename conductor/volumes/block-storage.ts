// Block storage put together (composition only): the volume scheduler over the
// host registry, the volume and snapshot services, the op drivers that carry
// their operations out on the storage hosts, and the export reconcile. main.ts
// wires one of these; tests stand one up the same way.
import type { Logger } from '../../common/log.ts';
import type { VolumeAgents } from '../agents/volume-agent-api.ts';
import { NO_LIMITS } from '../quotas/model.ts';
import { Quotas } from '../quotas/quotas.ts';
import type { Store } from '../store/store.ts';
import type { VolumeImages } from './create-request.ts';
import { ExportLocks } from './export-locks.ts';
import { ExportReconciler } from './export-reconcile.ts';
import type { HostLookup } from './host-call.ts';
import { SNAPSHOT_RECORDS, snapshotKey, VOLUME_RECORDS, volumeKey } from './keys.ts';
import type { SnapshotRecord, VolumeRecord } from './model.ts';
import { OpDriver } from './op-driver.ts';
import { snapshotSteps } from './snapshot-steps.ts';
import { SnapshotService } from './snapshots.ts';
import { type StorageHostSource, VolumeScheduler } from './volume-scheduler.ts';
import { volumeSteps } from './volume-steps.ts';
import { snapshotTable, VolumeService, volumeTable } from './volumes.ts';

export interface BlockStorageOptions {
  store: Store;
  hosts: StorageHostSource & HostLookup;
  agents: VolumeAgents;
  images: VolumeImages;
  /** How long an operation waits for a host that gives no answer. @default 600_000 */
  timeoutMs?: number;
  /** How often every storage host's exports are reconciled with the attachments. @default 60_000 */
  reconcileEveryMs?: number;
  /** @default 30_000 */
  sweepIntervalMs?: number;
  /** Per-project quotas (volumes, gigabytes, snapshots). @default counted, never enforced */
  quotas?: Quotas;
  clock?: () => number;
  log?: Logger;
}

export class BlockStorage {
  readonly scheduler: VolumeScheduler;
  readonly volumes: VolumeService;
  readonly snapshots: SnapshotService;
  readonly volumeOps: OpDriver<VolumeRecord>;
  readonly snapshotOps: OpDriver<SnapshotRecord>;
  readonly exports: ExportReconciler;
  /** One export change at a time per storage host (reconcile, attach, detach). */
  readonly exportLocks = new ExportLocks();
  /** Set by whoever boots servers from volumes: a volume made for a boot settled. */
  bootVolumeSettled: ((serverId: string) => void) | undefined;
  private readonly o: BlockStorageOptions;

  constructor(o: BlockStorageOptions) {
    this.o = o;
    const timeoutMs = o.timeoutMs ?? 600_000;
    this.scheduler = new VolumeScheduler(o.store, o.hosts);
    const quotas = o.quotas ?? new Quotas({ store: o.store, defaults: NO_LIMITS });
    const common = { store: o.store, hosts: o.hosts, agents: o.agents, timeoutMs, scheduler: this.scheduler, quotas };
    const driverBase = { store: o.store, sweepIntervalMs: o.sweepIntervalMs, clock: o.clock, log: o.log };
    this.volumeOps = new OpDriver<VolumeRecord>({
      ...driverBase,
      noun: 'volume',
      prefix: VOLUME_RECORDS,
      keyOf: volumeKey,
      steps: volumeSteps({
        ...common,
        volumes: volumeTable(o.store),
        bootVolumeSettled: (serverId) => this.bootVolumeSettled?.(serverId),
      }),
    });
    this.snapshotOps = new OpDriver<SnapshotRecord>({
      ...driverBase,
      noun: 'snapshot',
      prefix: SNAPSHOT_RECORDS,
      keyOf: snapshotKey,
      steps: snapshotSteps({ ...common, snapshots: snapshotTable(o.store) }),
    });
    const services = { scheduler: this.scheduler, clock: o.clock, log: o.log };
    this.volumes = new VolumeService({
      ...services,
      store: o.store,
      images: o.images,
      quotas,
      kick: (id) => this.volumeOps.kick(id),
    });
    this.snapshots = new SnapshotService({
      ...services,
      volumes: this.volumes,
      kick: (id) => this.snapshotOps.kick(id),
    });
    this.exports = new ExportReconciler({
      store: o.store,
      hosts: o.hosts,
      agents: o.agents,
      everyMs: o.reconcileEveryMs ?? 60_000,
      locks: this.exportLocks,
      log: o.log,
    });
  }

  /** Resumes every unfinished operation and starts the sweepers and the export reconcile. */
  async start(): Promise<void> {
    await Promise.all([this.volumeOps.resumeAll(), this.snapshotOps.resumeAll()]);
    this.volumeOps.startSweeper();
    this.snapshotOps.startSweeper();
    this.exports.start();
  }

  /** A host registered (again): operations waiting for it ask again now, and its exports are reconciled. */
  hostRegistered(hostId: string): void {
    const log = (err: unknown) => this.o.log?.warn({ err, hostId }, 'could not kick volume work for a host');
    this.volumeOps.resumeAll(true).catch(log);
    this.snapshotOps.resumeAll(true).catch(log);
    this.exports.soon(hostId);
  }

  async close(): Promise<void> {
    this.exports.close();
    await Promise.all([this.volumeOps.close(), this.snapshotOps.close()]);
  }
}
