// The file backend: each volume is a sparse raw file in one directory, readable by root
// only (directory 0700, files 0600: a volume holds a tenant's data and no other local
// account may read it). Snapshots and clones are copies (reflinks where the filesystem
// offers them). Names carry ownership (file-names.ts), so the directory is the state.
import { constants } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, stat, statfs, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { type Logger, log as rootLog } from '../../../common/log.ts';
import type { CopySource, Draft, VolumeBackendOps } from '../backend-ops.ts';
import { convertInto, virtualSize } from '../qemu-img.ts';
import type {
  Capacity,
  ImageFormat,
  SnapshotInfo,
  VolumeCapabilities,
  VolumeInfo,
  VolumeInventory,
  WipePolicy,
} from '../volume-driver.ts';
import { MiB } from '../volume-errors.ts';
import { copyVolumeFile } from './file-copy.ts';
import { inProgressName, parseFileName, snapshotFileName, volumeFileName } from './file-names.ts';
import { zeroFile } from './file-wipe.ts';

export interface FileBackendOptions {
  /** Holds every volume; created 0700 if missing. */
  dir: string;
  wipe: WipePolicy;
  /** What volumes may take in all. @default the filesystem's size */
  capacityBytes?: number;
  log?: Logger;
}

interface Entry {
  name: string;
  sizeBytes: number;
}

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'ENOENT';

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

export class FileBackend implements VolumeBackendOps {
  readonly backend = 'file' as const;
  readonly wipe: WipePolicy;
  readonly #dir: string;
  readonly #capacityBytes: number | undefined;
  readonly #log: Logger;
  /** In-progress files and the size claimed for them (a copy rewrites the file from 0). */
  readonly #claims = new Map<string, number>();

  constructor(opts: FileBackendOptions) {
    this.#dir = opts.dir;
    this.wipe = opts.wipe;
    this.#capacityBytes = opts.capacityBytes;
    this.#log = (opts.log ?? rootLog).child({ component: 'file-backend' });
  }

  capabilities(): VolumeCapabilities {
    return { snapshots: { supported: true }, sizeGranularityBytes: MiB };
  }

  async init(): Promise<void> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    await chmod(this.#dir, 0o700);
    for (const e of await this.#entries()) {
      if (parseFileName(e.name)?.kind !== 'in-progress') continue;
      this.#log.warn({ file: e.name }, 'removing an interrupted create');
      await this.#removeFile(e.name);
    }
  }

  async #entries(): Promise<Entry[]> {
    const out: Entry[] = [];
    for (const name of await readdir(this.#dir)) {
      if (parseFileName(name) === undefined) continue;
      const size = await sizeOf(join(this.#dir, name));
      if (size !== undefined) out.push({ name, sizeBytes: this.#claims.get(name) ?? size });
    }
    return out;
  }

  async capacity(): Promise<Capacity> {
    const [entries, fs] = await Promise.all([this.#entries(), statfs(this.#dir)]);
    const allocatedBytes = entries.reduce((n, e) => n + e.sizeBytes, 0);
    const totalBytes = this.#capacityBytes ?? fs.blocks * fs.bsize;
    // Sparse files occupy less than they may grow to: the filesystem's own free space bounds what is left too.
    const freeBytes = Math.max(0, Math.min(totalBytes - allocatedBytes, fs.bavail * fs.bsize));
    return { totalBytes, allocatedBytes, freeBytes };
  }

  async inventory(): Promise<VolumeInventory> {
    const inv: VolumeInventory = { volumes: [], snapshots: [] };
    for (const e of await this.#entries()) {
      const p = parseFileName(e.name);
      if (p?.kind === 'volume') inv.volumes.push({ volumeId: p.volumeId, sizeBytes: e.sizeBytes });
      if (p?.kind === 'snapshot') {
        inv.snapshots.push({ snapshotId: p.snapshotId, volumeId: p.volumeId, sizeBytes: e.sizeBytes });
      }
    }
    return inv;
  }

  async volume(volumeId: string): Promise<VolumeInfo | undefined> {
    const size = await sizeOf(join(this.#dir, volumeFileName(volumeId)));
    return size === undefined ? undefined : { volumeId, sizeBytes: size };
  }

  async #snapshotName(snapshotId: string): Promise<string | undefined> {
    const prefix = `snapshot-${snapshotId}.`;
    return (await readdir(this.#dir)).find((n) => n.startsWith(prefix) && parseFileName(n)?.kind === 'snapshot');
  }

  async snapshot(snapshotId: string): Promise<SnapshotInfo | undefined> {
    const name = await this.#snapshotName(snapshotId);
    const p = name === undefined ? undefined : parseFileName(name);
    if (name === undefined || p?.kind !== 'snapshot') return undefined;
    const size = await sizeOf(join(this.#dir, name));
    return size === undefined ? undefined : { snapshotId, volumeId: p.volumeId, sizeBytes: size };
  }

  imageSize(path: string, format: ImageFormat): Promise<number> {
    return virtualSize(path, format);
  }

  /** A new, empty file of `sizeBytes` under `name`, 0600 from its first instant. */
  async #makeFile(name: string, sizeBytes: number): Promise<string> {
    const path = join(this.#dir, name);
    await this.#removeFile(name);
    this.#claims.set(name, sizeBytes);
    try {
      const fh = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      try {
        await fh.truncate(sizeBytes);
      } finally {
        await fh.close();
      }
    } catch (err) {
      this.#claims.delete(name);
      await rm(path, { force: true });
      throw err;
    }
    return path;
  }

  async beginVolume(volumeId: string, sizeBytes: number): Promise<Draft> {
    const path = await this.#makeFile(inProgressName(volumeFileName(volumeId)), sizeBytes);
    return { volumeId, sizeBytes, path };
  }

  async fillFromImage(
    draft: Draft,
    image: { path: string; format: ImageFormat },
    onProgress?: (p: number) => void,
  ): Promise<void> {
    // A fresh sparse file reads as zeros: qemu-img may skip the image's zero areas (keeps it sparse).
    await convertInto(image, draft.path, { sizeBytes: draft.sizeBytes, targetIsZero: true, onProgress });
  }

  async #sourcePath(source: CopySource): Promise<string> {
    if (source.kind === 'volume') return join(this.#dir, volumeFileName(source.volumeId));
    const name = await this.#snapshotName(source.snapshotId);
    if (name === undefined) throw new Error(`snapshot ${source.snapshotId} vanished`);
    return join(this.#dir, name);
  }

  async fillFromCopy(draft: Draft, source: CopySource, sourceBytes: number): Promise<void> {
    await copyVolumeFile(await this.#sourcePath(source), draft.path, sourceBytes);
    // cp gives the copy the source's size; the volume may be larger (the tail reads as zeros).
    await truncate(draft.path, draft.sizeBytes);
  }

  async #commit(tmpName: string, finalName: string): Promise<void> {
    await rename(join(this.#dir, tmpName), join(this.#dir, finalName));
    this.#claims.delete(tmpName);
    // The rename is the commit point: make it durable before answering.
    const dir = await open(this.#dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  commitVolume(draft: Draft): Promise<void> {
    const name = volumeFileName(draft.volumeId);
    return this.#commit(inProgressName(name), name);
  }

  abandonVolume(volumeId: string): Promise<void> {
    return this.#removeFile(inProgressName(volumeFileName(volumeId)));
  }

  async growVolume(volumeId: string, _fromBytes: number, toBytes: number): Promise<void> {
    await truncate(join(this.#dir, volumeFileName(volumeId)), toBytes);
  }

  /** Wipes per policy, then unlinks; a missing file is fine. */
  async #removeFile(name: string): Promise<void> {
    const path = join(this.#dir, name);
    const size = await sizeOf(path);
    if (size !== undefined) {
      if (this.wipe === 'zero') await zeroFile(path, size);
      await rm(path, { force: true });
    }
    this.#claims.delete(name);
  }

  removeVolume(volumeId: string): Promise<void> {
    return this.#removeFile(volumeFileName(volumeId));
  }

  async takeSnapshot(snapshotId: string, volume: VolumeInfo): Promise<void> {
    const name = snapshotFileName(snapshotId, volume.volumeId);
    const tmp = inProgressName(name);
    try {
      const path = await this.#makeFile(tmp, volume.sizeBytes);
      await copyVolumeFile(join(this.#dir, volumeFileName(volume.volumeId)), path, volume.sizeBytes);
      await this.#commit(tmp, name);
    } catch (err) {
      await this.#removeFile(tmp);
      throw err;
    }
  }

  async removeSnapshot(snapshotId: string): Promise<void> {
    const name = await this.#snapshotName(snapshotId);
    if (name !== undefined) await this.#removeFile(name);
  }

  async localPath(volumeId: string): Promise<string> {
    return join(this.#dir, volumeFileName(volumeId));
  }
}
