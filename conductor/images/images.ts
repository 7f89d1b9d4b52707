// The image registry: records in the store, bytes in <dataDir>/images, every
// upload inspected before it can become active. Callers pass the Principal the
// API layer authenticated; what it may not see does not exist (NOT_FOUND).
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { failedPrecondition, isStratoError, notFound, StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { canSee, isAdmin, requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { possibleRef, resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Store } from '../store/store.ts';
import { ImageBlobs } from './blob-store.ts';
import { type ImageInspector, qemuImgInspector } from './inspect.ts';
import { IMAGE_NAMES, IMAGES, type ImageNameIndex, imageKey, imageNameKey, imageNamePrefix } from './keys.ts';
import type { DiskFormat, ImageRecord } from './model.ts';
import { DEFAULT_QEMU_IMG_LIMITS, type QemuImgLimits } from './qemu-img.ts';
import { runUpload, type UploadMessage } from './upload.ts';

export interface ImageRegistryOptions {
  store: Store;
  /** Image bytes go to `<dataDir>/images`. */
  dataDir: string;
  /** @default Date.now */
  clock?: () => number;
  /** Uploads beyond this fail with IMAGE_TOO_LARGE. @default 64 GiB */
  maxImageBytes?: number;
  /** Limits of each qemu-img run. @default DEFAULT_QEMU_IMG_LIMITS */
  qemuImgLimits?: Partial<QemuImgLimits>;
  /** @default qemu-img under the limits above */
  inspect?: ImageInspector;
  log?: Logger;
}

export interface CreateImageInput {
  name: string;
  /** '' means qcow2. */
  diskFormat: string;
  public: boolean;
}

export interface ImageBlob {
  image: ImageRecord;
  /** The bytes; destroy it when abandoning the read. */
  stream: Readable;
}

export class ImageRegistry {
  readonly store: Store;
  readonly blobs: ImageBlobs;
  readonly clock: () => number;
  readonly maxImageBytes: number;
  readonly inspect: ImageInspector;
  readonly log: Logger;

  constructor(o: ImageRegistryOptions) {
    this.store = o.store;
    this.blobs = new ImageBlobs(`${o.dataDir}/images`);
    this.clock = o.clock ?? Date.now;
    this.maxImageBytes = o.maxImageBytes ?? 64 * 1024 ** 3;
    this.inspect = o.inspect ?? qemuImgInspector({ ...DEFAULT_QEMU_IMG_LIMITS, ...o.qemuImgLimits });
    this.log = (o.log ?? rootLog).child({ component: 'images' });
  }

  now(): string {
    return new Date(this.clock()).toISOString();
  }

  async create(principal: Principal, input: CreateImageInput): Promise<ImageRecord> {
    // Each field's format was checked at the API edge (conductor/api/schemas/images.ts).
    const name = input.name;
    const diskFormat = (input.diskFormat === '' ? 'qcow2' : input.diskFormat) as DiskFormat;
    if (input.public) requireAdmin(principal, 'a public image');
    const at = this.now();
    const image: ImageRecord = {
      id: randomUUID(),
      name,
      projectId: principal.projectId,
      status: 'queued',
      diskFormat,
      public: input.public,
      sha256: '',
      sizeBytes: 0,
      virtualSizeBytes: 0,
      createdAt: at,
      updatedAt: at,
    };
    const index: ImageNameIndex = { id: image.id, projectId: image.projectId, public: image.public };
    await this.store.txn(
      [],
      [
        { kind: 'create', key: imageKey(image.id), value: image },
        { kind: 'create', key: imageNameKey(name, image.id), value: index },
      ],
    );
    this.log.info({ imageId: image.id, projectId: image.projectId, name, diskFormat }, 'image created');
    return image;
  }

  /** The record, whoever owns it (for the conductor's own workflows), or undefined. */
  async getById(id: string): Promise<ImageRecord | undefined> {
    return (await getOrUndefined<ImageRecord>(this.store, imageKey(id)))?.value;
  }

  /**
   * By id or name, as `principal` sees it: ids of its own, public or (for admins)
   * any image; names among its own and public images only, so an admin's names
   * do not collide with every project's. Errors: NOT_FOUND/IMAGE_NOT_FOUND;
   * FAILED_PRECONDITION/IMAGE_NAME_AMBIGUOUS.
   */
  async get(principal: Principal, ref: unknown, field = 'image'): Promise<ImageRecord> {
    return resolveRef(field, ref, {
      kind: 'image',
      byId: async (id) => {
        const image = await this.getById(id);
        return image && canSee(principal, image.projectId, image.public) ? image : undefined;
      },
      byName: async (name) => {
        const page = await this.store.list<ImageNameIndex>(imageNamePrefix(name), { limit: 1000 });
        const ids = page.entries
          .map((e) => e.value)
          .filter((ix) => ix.public || ix.projectId === principal.projectId)
          .map((ix) => ix.id);
        const found = await Promise.all(ids.map((id) => this.getById(id)));
        return found.filter((i): i is ImageRecord => i !== undefined);
      },
      idOf: (i) => i.id,
    });
  }

  /** Own and public images in name order; every project's with allProjects (admins only). */
  async list(principal: Principal, req: PageRequest & { allProjects?: boolean }): Promise<Page<ImageRecord>> {
    if (req.allProjects) requireAdmin(principal, 'all_projects');
    return listPage<ImageNameIndex, ImageRecord>(this.store, IMAGE_NAMES, req, async (e) => {
      const ix = e.value;
      if (!req.allProjects && !ix.public && ix.projectId !== principal.projectId) return undefined;
      return this.getById(ix.id);
    });
  }

  /** Errors: NOT_FOUND; PERMISSION_DENIED/IMAGE_NOT_OWNED for another project's public image. */
  async delete(principal: Principal, ref: unknown): Promise<void> {
    const image = await this.get(principal, ref);
    if (image.projectId !== principal.projectId && !isAdmin(principal)) {
      throw new StratoError('PERMISSION_DENIED', 'IMAGE_NOT_OWNED', `image ${image.id} belongs to another project`);
    }
    await this.store.txn(
      [],
      [
        { kind: 'delete', key: imageKey(image.id) },
        { kind: 'delete', key: imageNameKey(image.name, image.id) },
      ],
    );
    // An upload in flight notices the record is gone and removes its part file.
    await this.blobs.remove(image.id);
    this.log.info({ imageId: image.id, projectId: image.projectId }, 'image deleted');
  }

  /** UploadImage: see upload.ts. */
  upload(principal: Principal, messages: AsyncIterable<UploadMessage>, signal?: AbortSignal): Promise<ImageRecord> {
    return runUpload(this, principal, messages, signal);
  }

  /**
   * Applies `change` to the current record with compare-and-swap, retrying on a
   * concurrent write. `change` returns undefined to leave it alone. Returns the
   * new record, or undefined when the image is gone or unchanged.
   */
  async transition(id: string, change: (r: ImageRecord) => ImageRecord | undefined): Promise<ImageRecord | undefined> {
    for (let attempt = 0; attempt < 10; attempt++) {
      let entry: Awaited<ReturnType<Store['get']>>;
      try {
        entry = await this.store.get<ImageRecord>(imageKey(id));
      } catch (err) {
        if (isStratoError(err, 'NOT_FOUND')) return undefined;
        throw err;
      }
      const next = change(entry.value as ImageRecord);
      if (!next) return undefined;
      const updated = { ...next, updatedAt: this.now() };
      try {
        await this.store.update(imageKey(id), updated, { expectedModRevision: entry.modRevision });
        return updated;
      } catch (err) {
        if (isStratoError(err, 'NOT_FOUND')) return undefined;
        if (!isStratoError(err, 'ABORTED')) throw err;
      }
    }
    throw new StratoError('ABORTED', 'IMAGE_CONTENDED', `image ${id} kept changing; retry`);
  }

  /**
   * Start-up recovery: an image left `saving` by a crashed conductor can never
   * finish (its stream died with the process), so it becomes killed, and partial
   * files are removed. Assumes one conductor serves uploads for this store.
   */
  async recoverImages(): Promise<{ killed: string[] }> {
    await this.blobs.init();
    const killed: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.store.list<ImageRecord>(IMAGES, { limit: 1000, ...(pageToken ? { pageToken } : {}) });
      for (const e of page.entries) {
        if (e.value.status !== 'saving') continue;
        const done = await this.transition(e.value.id, (r) =>
          r.status === 'saving'
            ? { ...r, status: 'killed', killedReason: 'conductor restarted during upload' }
            : undefined,
        );
        if (done) killed.push(e.value.id);
      }
      pageToken = page.nextPageToken;
    } while (pageToken !== undefined);
    const parts = await this.blobs.removeParts();
    if (killed.length > 0 || parts.length > 0) this.log.warn({ killed, parts }, 'interrupted uploads cleaned up');
    return { killed };
  }

  /**
   * The bytes of an active image, by id, for the agents' pull stream (no project
   * check: agents pull what the conductor told them to boot). Errors:
   * NOT_FOUND/IMAGE_NOT_FOUND (also for what cannot be an id);
   * FAILED_PRECONDITION/IMAGE_NOT_ACTIVE; DATA_LOSS/IMAGE_DATA_MISSING when the file is gone.
   */
  async openImageBlob(ref: unknown, chunkBytes = 256 * 1024): Promise<ImageBlob> {
    const imageId = possibleRef('image', 'image_id', ref);
    const image = await this.getById(imageId);
    if (!image) throw notFound('IMAGE_NOT_FOUND', `image ${imageId} not found`, { details: { imageId } });
    assertActive(image);
    try {
      const fh = await this.blobs.open(image.id);
      return { image, stream: fh.createReadStream({ highWaterMark: chunkBytes }) };
    } catch (err) {
      throw new StratoError('DATA_LOSS', 'IMAGE_DATA_MISSING', `the bytes of image ${image.id} are missing`, {
        cause: err,
      });
    }
  }
}

export function assertActive(image: ImageRecord): void {
  if (image.status !== 'active') {
    throw failedPrecondition('IMAGE_NOT_ACTIVE', `image ${image.name} (${image.id}) is ${image.status}, not active`, {
      details: { imageId: image.id, status: image.status },
    });
  }
}

/** The guest-visible size of an active image (what must fit in the flavor's disk). */
export function imageVirtualSize(image: ImageRecord): number {
  return image.virtualSizeBytes;
}

/** Boot-time check. Errors: FAILED_PRECONDITION IMAGE_NOT_ACTIVE / IMAGE_TOO_LARGE_FOR_FLAVOR. */
export function assertImageFitsDisk(image: ImageRecord, diskGib: number): void {
  assertActive(image);
  const diskBytes = diskGib * 1024 ** 3;
  if (imageVirtualSize(image) > diskBytes) {
    throw failedPrecondition(
      'IMAGE_TOO_LARGE_FOR_FLAVOR',
      `image ${image.name} has a virtual size of ${imageVirtualSize(image)} bytes, more than the flavor's ${diskGib} GiB disk`,
      { details: { imageId: image.id, virtualSizeBytes: String(image.virtualSizeBytes), diskGib: String(diskGib) } },
    );
  }
}

/** Makes the registry and its data directory, and recovers interrupted uploads. */
export async function createImageRegistry(o: ImageRegistryOptions): Promise<ImageRegistry> {
  const registry = new ImageRegistry(o);
  await registry.recoverImages();
  return registry;
}
