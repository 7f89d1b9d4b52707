// The agent's storage role: one VolumeDriver, the iSCSI exporter and the image cache,
// put together as the AgentStorage RPCs need them (plain data in and out; the gRPC
// adapter in agent/server/ converts). It adds what neither part knows alone: an
// exported volume cannot be deleted, an extend re-creates the LUN of an exported
// volume, an image is fetched (and checked) before it is converted, a create in
// progress is visible with its progress. Operations on one volume are serialised.
import { isIP } from 'node:net';
import { failedPrecondition } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { validateImageRef } from '../images/image-cache.ts';
import type { CachedImage, ImageRef } from '../images/image-source.ts';
import type { DesiredExport } from './iscsi/export-plan.ts';
import { parsePortal, requireAddress, requireChapSecret, requireInitiatorName } from './iscsi/iscsi-names.ts';
import type { ExportInfo } from './iscsi/target-manager.ts';
import type {
  Capacity,
  SnapshotInfo,
  VolumeBackend,
  VolumeCapabilities,
  VolumeDriver,
  VolumeSource,
  WipePolicy,
} from './volume-driver.ts';
import { badField, requireId, validateCreate, volumeNotFound } from './volume-errors.ts';
import { VolumeLocks } from './volume-locks.ts';

/** The image cache as storage sees it. */
export interface StorageImages {
  ensure(ref: ImageRef): Promise<CachedImage>;
  /** Keeps the image from the cache's eviction until released (the copy reads it). */
  hold?(sha256: string): () => void;
}

/** The iSCSI target manager as the service sees it (TgtTargetManager; a fake in unit tests). */
export interface VolumeExporter {
  readonly portal: string;
  export(d: DesiredExport): Promise<ExportInfo>;
  unexport(volumeId: string): Promise<void>;
  reconcile(desired: readonly DesiredExport[]): Promise<number>;
  resync(): Promise<number>;
  refreshLun(volumeId: string, backingPath: string, sizeBytes: number): Promise<boolean>;
  list(): Promise<ExportInfo[]>;
}

export type CreateSource = Exclude<VolumeSource, { kind: 'image' }> | { kind: 'image'; image: ImageRef };

export interface CreateRequest {
  volumeId: string;
  sizeBytes: number;
  source: CreateSource;
}

export interface ExportRequest {
  volumeId: string;
  initiatorName: string;
  initiatorAddress: string;
  chapSecret: string;
  /** More hosts admitted at once (a moving server's destination). */
  alsoAdmit?: readonly { name: string; address: string }[];
}

export interface VolumeView {
  volumeId: string;
  sizeBytes: number;
  state: 'creating' | 'available';
  progressPercent: number;
  export?: ExportInfo;
}

export interface StorageInfo {
  backend: VolumeBackend;
  capabilities: VolumeCapabilities;
  capacity: Capacity;
  wipe: WipePolicy;
  portal: string;
}

export interface StorageServiceOptions {
  driver: VolumeDriver;
  exporter: VolumeExporter;
  images: StorageImages;
  log?: Logger;
}

export class StorageService {
  readonly #driver: VolumeDriver;
  readonly #exporter: VolumeExporter;
  readonly #images: StorageImages;
  readonly #log: Logger;
  readonly #locks = new VolumeLocks();
  /** Creates in progress: size asked and progress so far. */
  readonly #creating = new Map<string, { sizeBytes: number; progressPercent: number }>();
  readonly #portalFamily: number;

  constructor(o: StorageServiceOptions) {
    this.#driver = o.driver;
    this.#exporter = o.exporter;
    this.#images = o.images;
    this.#log = (o.log ?? rootLog).child({ component: 'storage' });
    this.#portalFamily = isIP(parsePortal(o.exporter.portal).address);
  }

  async info(): Promise<StorageInfo> {
    return {
      backend: this.#driver.backend,
      capabilities: this.#driver.capabilities(),
      capacity: await this.#driver.capacity(),
      wipe: this.#driver.wipe,
      portal: this.#exporter.portal,
    };
  }

  async #exportOf(volumeId: string): Promise<ExportInfo | undefined> {
    return (await this.#exporter.list()).find((e) => e.volumeId === volumeId);
  }

  async create(req: CreateRequest): Promise<VolumeView> {
    // Everything checkable is checked before anything happens (an image fetch included).
    const { source } = req;
    validateCreate({ ...req, source: source.kind === 'image' ? { kind: 'empty' } : source });
    if (source.kind === 'image') validateImageRef(source.image);
    return this.#locks.run({ volumes: [req.volumeId] }, 'create', async () => {
      const existing = await this.#driver.get(req.volumeId);
      if (existing === undefined) this.#creating.set(req.volumeId, { sizeBytes: req.sizeBytes, progressPercent: 0 });
      const release = req.source.kind === 'image' ? this.#images.hold?.(req.source.image.sha256) : undefined;
      try {
        let source: VolumeSource;
        if (req.source.kind === 'image') {
          // An existing volume answers the repeat without fetching the image again.
          const img = existing === undefined ? await this.#images.ensure(req.source.image) : undefined;
          source = img === undefined ? { kind: 'empty' } : { kind: 'image', path: img.path, format: img.format };
        } else {
          source = req.source;
        }
        const v = await this.#driver.create({
          volumeId: req.volumeId,
          sizeBytes: req.sizeBytes,
          source,
          onProgress: (p) => {
            const c = this.#creating.get(req.volumeId);
            if (c !== undefined) c.progressPercent = p;
          },
        });
        return { ...v, state: 'available', progressPercent: 100 };
      } finally {
        release?.();
        this.#creating.delete(req.volumeId);
      }
    });
  }

  async get(volumeId: string): Promise<VolumeView> {
    requireId('volume_id', volumeId);
    const creating = this.#creating.get(volumeId);
    if (creating !== undefined) return { volumeId, ...creating, state: 'creating' };
    const v = await this.#driver.get(volumeId);
    if (v === undefined) throw volumeNotFound(volumeId);
    const exp = await this.#exportOf(volumeId);
    return { ...v, state: 'available', progressPercent: 100, ...(exp === undefined ? {} : { export: exp }) };
  }

  async extend(volumeId: string, sizeBytes: number): Promise<VolumeView> {
    return this.#locks.run({ volumes: [volumeId] }, 'extend', async () => {
      const v = await this.#driver.extend(volumeId, sizeBytes);
      const exp = await this.#exportOf(volumeId);
      if (exp !== undefined)
        await this.#exporter.refreshLun(volumeId, await this.#driver.localPath(volumeId), v.sizeBytes);
      return { ...v, state: 'available', progressPercent: 100, ...(exp === undefined ? {} : { export: exp }) };
    });
  }

  async delete(volumeId: string): Promise<void> {
    return this.#locks.run({ volumes: [volumeId] }, 'delete', async () => {
      requireId('volume_id', volumeId);
      const exp = await this.#exportOf(volumeId);
      if (exp !== undefined) {
        throw failedPrecondition(
          'VOLUME_EXPORTED',
          `volume ${volumeId} is exported to ${exp.initiatorName}: unexport it first`,
          {
            details: { volumeId },
          },
        );
      }
      await this.#driver.delete(volumeId);
    });
  }

  async createSnapshot(snapshotId: string, volumeId: string): Promise<SnapshotInfo> {
    return this.#locks.run({ volumes: [volumeId] }, 'snapshot', () =>
      this.#driver.createSnapshot(snapshotId, volumeId),
    );
  }

  async deleteSnapshot(snapshotId: string): Promise<void> {
    return this.#driver.deleteSnapshot(snapshotId);
  }

  async list(): Promise<{ volumes: VolumeView[]; snapshots: SnapshotInfo[] }> {
    const [inv, exports] = await Promise.all([this.#driver.list(), this.#exporter.list()]);
    const byVolume = new Map(exports.map((e) => [e.volumeId, e]));
    const volumes: VolumeView[] = inv.volumes.map((v) => {
      const exp = byVolume.get(v.volumeId);
      return { ...v, state: 'available', progressPercent: 100, ...(exp === undefined ? {} : { export: exp }) };
    });
    for (const [volumeId, c] of this.#creating) volumes.push({ volumeId, ...c, state: 'creating' });
    volumes.sort((a, b) => a.volumeId.localeCompare(b.volumeId));
    return { volumes, snapshots: inv.snapshots };
  }

  /** Checks an export request; `prefix` names the entry in a list (`exports[2].`). */
  #validateExport(r: ExportRequest, prefix = ''): void {
    requireId(`${prefix}volume_id`, r.volumeId);
    requireInitiatorName(`${prefix}initiator_name`, r.initiatorName);
    requireAddress(`${prefix}initiator_address`, r.initiatorAddress);
    if (isIP(r.initiatorAddress) !== this.#portalFamily) {
      throw badField(`${prefix}initiator_address`, `must be of the portal's address family (${this.#exporter.portal})`);
    }
    requireChapSecret(`${prefix}chap_secret`, r.chapSecret);
    for (const [i, a] of (r.alsoAdmit ?? []).entries()) {
      requireInitiatorName(`${prefix}also_admit[${i}].name`, a.name);
      requireAddress(`${prefix}also_admit[${i}].address`, a.address);
      if (isIP(a.address) !== this.#portalFamily) {
        throw badField(
          `${prefix}also_admit[${i}].address`,
          `must be of the portal's address family (${this.#exporter.portal})`,
        );
      }
    }
  }

  /** The desired export for a request; undefined when the host has no such volume. */
  async #desired(r: ExportRequest): Promise<DesiredExport | undefined> {
    const v = await this.#driver.get(r.volumeId);
    if (v === undefined) return undefined;
    return { ...r, backingPath: await this.#driver.localPath(r.volumeId), sizeBytes: v.sizeBytes };
  }

  async export(r: ExportRequest): Promise<ExportInfo> {
    this.#validateExport(r);
    return this.#locks.run({ volumes: [r.volumeId] }, 'export', async () => {
      const d = await this.#desired(r);
      if (d === undefined) throw volumeNotFound(r.volumeId);
      return this.#exporter.export(d);
    });
  }

  async unexport(volumeId: string): Promise<void> {
    requireId('volume_id', volumeId);
    return this.#locks.run({ volumes: [volumeId] }, 'unexport', () => this.#exporter.unexport(volumeId));
  }

  async reconcileExports(
    requests: readonly ExportRequest[],
  ): Promise<{ exports: ExportInfo[]; missing: string[]; steps: number }> {
    requests.forEach((r, i) => {
      this.#validateExport(r, `exports[${i}].`);
    });
    const ids = requests.map((r) => r.volumeId);
    if (new Set(ids).size !== ids.length) throw badField('exports', 'names a volume more than once');
    return this.#locks.run({ volumes: ids }, 'reconcile exports', async () => {
      const desired: DesiredExport[] = [];
      const missing: string[] = [];
      for (const r of requests) {
        const d = await this.#desired(r);
        if (d === undefined) missing.push(r.volumeId);
        else desired.push(d);
      }
      if (missing.length > 0) this.#log.warn({ missing }, 'exports asked for volumes this host does not have');
      const steps = await this.#exporter.reconcile(desired);
      return { exports: await this.#exporter.list(), missing, steps };
    });
  }

  /** Re-applies the known exports (a restarted tgtd); called periodically. */
  async resync(): Promise<number> {
    return this.#exporter.resync();
  }
}
