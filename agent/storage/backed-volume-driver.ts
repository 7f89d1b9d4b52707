// The VolumeDriver contract (volume-driver.ts) over one backend's primitive operations:
// validate, lock the ids involved, answer repeats from what exists, claim capacity,
// then build the volume under an in-progress name with every side effect undone if a
// step fails. Backends never see an invalid id, an unlocked volume or an unchecked size.
import { type Logger, log as rootLog } from '../../common/log.ts';
import { Reverter } from '../compute/reverter.ts';
import type { VolumeBackendOps } from './backend-ops.ts';
import type {
  Capacity,
  CreateVolumeRequest,
  SnapshotInfo,
  VolumeBackend,
  VolumeCapabilities,
  VolumeDriver,
  VolumeInfo,
  VolumeInventory,
  WipePolicy,
} from './volume-driver.ts';
import {
  hasSnapshots,
  insufficientCapacity,
  requireId,
  requireSize,
  roundUp,
  shrinkRefused,
  snapshotExists,
  snapshotNotFound,
  snapshotsUnsupported,
  sourceTooLarge,
  validateCreate,
  volumeExists,
  volumeNotFound,
} from './volume-errors.ts';
import { VolumeLocks } from './volume-locks.ts';

export class BackedVolumeDriver implements VolumeDriver {
  readonly #ops: VolumeBackendOps;
  readonly #log: Logger;
  readonly #locks = new VolumeLocks();

  constructor(ops: VolumeBackendOps, log: Logger = rootLog) {
    this.#ops = ops;
    this.#log = log.child({ component: 'volume-driver', backend: ops.backend });
  }

  get backend(): VolumeBackend {
    return this.#ops.backend;
  }

  get wipe(): WipePolicy {
    return this.#ops.wipe;
  }

  init(): Promise<void> {
    return this.#ops.init();
  }

  capabilities(): VolumeCapabilities {
    return this.#ops.capabilities();
  }

  capacity(): Promise<Capacity> {
    return this.#ops.capacity();
  }

  list(): Promise<VolumeInventory> {
    return this.#ops.inventory();
  }

  async get(volumeId: string): Promise<VolumeInfo | undefined> {
    requireId('volume_id', volumeId);
    return this.#ops.volume(volumeId);
  }

  #round(bytes: number): number {
    return roundUp(bytes, this.#ops.capabilities().sizeGranularityBytes);
  }

  /** Runs `fn` only if `bytes` more fit, inside the capacity section. */
  #claim<T>(bytes: number, fn: () => Promise<T>): Promise<T> {
    return this.#locks.claim(async () => {
      const { freeBytes } = await this.#ops.capacity();
      if (bytes > freeBytes) throw insufficientCapacity(bytes, freeBytes);
      return fn();
    });
  }

  async create(req: CreateVolumeRequest): Promise<VolumeInfo> {
    validateCreate(req);
    const { volumeId, source } = req;
    const keys = {
      volumes: [volumeId, ...(source.kind === 'volume' ? [source.volumeId] : [])],
      snapshots: source.kind === 'snapshot' ? [source.snapshotId] : [],
    };
    return this.#locks.run(keys, 'create', async () => {
      const size = this.#round(req.sizeBytes);
      const existing = await this.#ops.volume(volumeId);
      if (existing !== undefined) {
        if (existing.sizeBytes === size) return existing;
        throw volumeExists(volumeId, existing.sizeBytes, size);
      }
      const sourceBytes = await this.#sourceBytes(req);
      if (sourceBytes > size) throw sourceTooLarge(source.kind === 'image' ? 'image' : source.kind, sourceBytes, size);

      const started = performance.now();
      const reverter = new Reverter();
      try {
        const draft = await this.#claim(size, () => this.#ops.beginVolume(volumeId, size));
        reverter.add('in-progress volume', () => this.#ops.abandonVolume(volumeId));
        if (source.kind === 'image') await this.#ops.fillFromImage(draft, source, req.onProgress);
        if (source.kind === 'volume' || source.kind === 'snapshot') {
          await this.#ops.fillFromCopy(draft, source, sourceBytes);
        }
        await this.#ops.commitVolume(draft);
        reverter.success();
        req.onProgress?.(100);
        const ms = Math.round(performance.now() - started);
        this.#log.info({ volumeId, sizeBytes: size, source: source.kind, ms }, 'volume created');
        return { volumeId, sizeBytes: size };
      } catch (err) {
        const failedUndos = await reverter.revert(this.#log);
        this.#log.warn({ volumeId, err, failedUndos }, 'volume create failed; rolled back');
        throw err;
      }
    });
  }

  async #sourceBytes(req: CreateVolumeRequest): Promise<number> {
    const { source } = req;
    switch (source.kind) {
      case 'empty':
        return 0;
      case 'image':
        return this.#ops.imageSize(source.path, source.format);
      case 'volume': {
        const v = await this.#ops.volume(source.volumeId);
        if (v === undefined) throw volumeNotFound(source.volumeId);
        return v.sizeBytes;
      }
      case 'snapshot': {
        const s = await this.#ops.snapshot(source.snapshotId);
        if (s === undefined) throw snapshotNotFound(source.snapshotId);
        return s.sizeBytes;
      }
    }
  }

  async extend(volumeId: string, sizeBytes: number): Promise<VolumeInfo> {
    requireId('volume_id', volumeId);
    requireSize('size_bytes', sizeBytes);
    return this.#locks.run({ volumes: [volumeId] }, 'extend', async () => {
      const v = await this.#ops.volume(volumeId);
      if (v === undefined) throw volumeNotFound(volumeId);
      const size = this.#round(sizeBytes);
      if (size < v.sizeBytes) throw shrinkRefused(volumeId, v.sizeBytes, sizeBytes);
      if (size === v.sizeBytes) return v;
      await this.#claim(size - v.sizeBytes, () => this.#ops.growVolume(volumeId, v.sizeBytes, size));
      this.#log.info({ volumeId, fromBytes: v.sizeBytes, sizeBytes: size }, 'volume extended');
      return { volumeId, sizeBytes: size };
    });
  }

  async delete(volumeId: string): Promise<void> {
    requireId('volume_id', volumeId);
    return this.#locks.run({ volumes: [volumeId] }, 'delete', async () => {
      const snaps = (await this.#ops.inventory()).snapshots.filter((s) => s.volumeId === volumeId);
      if (snaps.length > 0) throw hasSnapshots(volumeId, snaps.map((s) => s.snapshotId).sort());
      // A create a crash interrupted leaves an in-progress volume: deleting the id removes it too.
      await this.#ops.abandonVolume(volumeId);
      const existed = (await this.#ops.volume(volumeId)) !== undefined;
      await this.#ops.removeVolume(volumeId);
      if (existed) this.#log.info({ volumeId, wipe: this.#ops.wipe }, 'volume deleted');
    });
  }

  async createSnapshot(snapshotId: string, volumeId: string): Promise<SnapshotInfo> {
    requireId('snapshot_id', snapshotId);
    requireId('volume_id', volumeId);
    return this.#locks.run({ volumes: [volumeId], snapshots: [snapshotId] }, 'snapshot', async () => {
      const existing = await this.#ops.snapshot(snapshotId);
      if (existing !== undefined) {
        if (existing.volumeId === volumeId) return existing;
        throw snapshotExists(snapshotId, existing.volumeId);
      }
      const support = this.#ops.capabilities().snapshots;
      if (!support.supported) throw snapshotsUnsupported(support.reason);
      const v = await this.#ops.volume(volumeId);
      if (v === undefined) throw volumeNotFound(volumeId);
      await this.#claim(v.sizeBytes, () => this.#ops.takeSnapshot(snapshotId, v));
      this.#log.info({ volumeId, snapshotId, sizeBytes: v.sizeBytes }, 'snapshot created');
      return { snapshotId, volumeId, sizeBytes: v.sizeBytes };
    });
  }

  async deleteSnapshot(snapshotId: string): Promise<void> {
    requireId('snapshot_id', snapshotId);
    return this.#locks.run({ snapshots: [snapshotId] }, 'delete snapshot', async () => {
      const s = await this.#ops.snapshot(snapshotId);
      if (s === undefined) return;
      await this.#ops.removeSnapshot(snapshotId);
      this.#log.info({ snapshotId, volumeId: s.volumeId, wipe: this.#ops.wipe }, 'snapshot deleted');
    });
  }

  async localPath(volumeId: string): Promise<string> {
    requireId('volume_id', volumeId);
    return this.#locks.run({ volumes: [volumeId] }, 'local path', async () => {
      if ((await this.#ops.volume(volumeId)) === undefined) throw volumeNotFound(volumeId);
      return this.#ops.localPath(volumeId);
    });
  }
}
