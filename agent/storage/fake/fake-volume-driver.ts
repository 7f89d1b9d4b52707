// A stateful FAKE VolumeDriver for unit tests and control-plane scale simulation:
// volumes live in memory (sparse 64 KiB chunks), with the same contract as the real
// backends because the contract itself is BackedVolumeDriver, shared by all of them;
// only the medium is fake. It passes the conformance suite like file/ and lvm/. It
// never stands in for a real backend in integration or end-to-end tests.
import { readFile, stat } from 'node:fs/promises';
import { failedPrecondition } from '../../../common/errors.ts';
import type { Logger } from '../../../common/log.ts';
import { BackedVolumeDriver } from '../backed-volume-driver.ts';
import type { CopySource, Draft, VolumeBackendOps } from '../backend-ops.ts';
import type {
  Capacity,
  ImageFormat,
  SnapshotInfo,
  Support,
  VolumeCapabilities,
  VolumeInfo,
  VolumeInventory,
  WipePolicy,
} from '../volume-driver.ts';
import { MiB } from '../volume-errors.ts';

const CHUNK = 64 * 1024;

/** How the fake learns an image's size and bytes (the real backends use qemu-img). */
export interface FakeImageReader {
  size(path: string, format: ImageFormat): Promise<number>;
  read(path: string, format: ImageFormat): Promise<Uint8Array>;
}

/** Raw images are read from disk as they are; other formats need a reader that decodes them. */
export const rawImageReader: FakeImageReader = {
  async size(path, format) {
    if (format !== 'raw') throw failedPrecondition('FAKE_IMAGE_FORMAT', 'the fake reads raw images only');
    return (await stat(path)).size;
  },
  async read(path, format) {
    if (format !== 'raw') throw failedPrecondition('FAKE_IMAGE_FORMAT', 'the fake reads raw images only');
    return readFile(path);
  },
};

interface Blob {
  sizeBytes: number;
  /** Chunk index → bytes; an absent chunk reads as zeros. */
  chunks: Map<number, Buffer>;
}

export interface FakeVolumeDriverOptions {
  capacityBytes: number;
  wipe?: WipePolicy;
  snapshots?: Support;
  images?: FakeImageReader;
  log?: Logger;
}

const copyBlob = (b: Blob, sizeBytes = b.sizeBytes): Blob => ({
  sizeBytes,
  chunks: new Map([...b.chunks].map(([i, c]) => [i, Buffer.from(c)])),
});

function readBlob(b: Blob, offset: number, length: number): Buffer {
  const out = Buffer.alloc(Math.max(0, Math.min(length, b.sizeBytes - offset)));
  for (let pos = 0; pos < out.length; ) {
    const at = offset + pos;
    const n = Math.min(CHUNK - (at % CHUNK), out.length - pos);
    b.chunks.get(Math.floor(at / CHUNK))?.copy(out, pos, at % CHUNK, (at % CHUNK) + n);
    pos += n;
  }
  return out;
}

function writeBlob(b: Blob, offset: number, data: Uint8Array): void {
  if (offset + data.length > b.sizeBytes) throw new RangeError('write beyond the end of the volume');
  for (let pos = 0; pos < data.length; ) {
    const at = offset + pos;
    const n = Math.min(CHUNK - (at % CHUNK), data.length - pos);
    const i = Math.floor(at / CHUNK);
    const chunk = b.chunks.get(i) ?? Buffer.alloc(CHUNK);
    chunk.set(data.subarray(pos, pos + n), at % CHUNK);
    b.chunks.set(i, chunk);
    pos += n;
  }
}

/** Wiping zeroes the chunk buffers themselves, so anyone still holding them sees zeros. */
function release(b: Blob | undefined, wipe: WipePolicy): void {
  if (b !== undefined && wipe === 'zero') for (const c of b.chunks.values()) c.fill(0);
}

class FakeBackend implements VolumeBackendOps {
  readonly backend = 'fake' as const;
  readonly wipe: WipePolicy;
  readonly volumes = new Map<string, Blob>();
  readonly snapshots = new Map<string, { volumeId: string; blob: Blob }>();
  readonly drafts = new Map<string, Blob>();
  readonly #opts: FakeVolumeDriverOptions;

  constructor(opts: FakeVolumeDriverOptions) {
    this.#opts = opts;
    this.wipe = opts.wipe ?? 'zero';
  }

  capabilities(): VolumeCapabilities {
    return { snapshots: this.#opts.snapshots ?? { supported: true }, sizeGranularityBytes: MiB };
  }

  async init(): Promise<void> {
    for (const b of this.drafts.values()) release(b, this.wipe);
    this.drafts.clear();
  }

  async capacity(): Promise<Capacity> {
    let allocatedBytes = 0;
    for (const b of [...this.volumes.values(), ...this.drafts.values()]) allocatedBytes += b.sizeBytes;
    for (const s of this.snapshots.values()) allocatedBytes += s.blob.sizeBytes;
    const totalBytes = this.#opts.capacityBytes;
    return { totalBytes, allocatedBytes, freeBytes: Math.max(0, totalBytes - allocatedBytes) };
  }

  async inventory(): Promise<VolumeInventory> {
    return {
      volumes: [...this.volumes].map(([volumeId, b]) => ({ volumeId, sizeBytes: b.sizeBytes })),
      snapshots: [...this.snapshots].map(([snapshotId, s]) => ({
        snapshotId,
        volumeId: s.volumeId,
        sizeBytes: s.blob.sizeBytes,
      })),
    };
  }

  async volume(volumeId: string): Promise<VolumeInfo | undefined> {
    const b = this.volumes.get(volumeId);
    return b === undefined ? undefined : { volumeId, sizeBytes: b.sizeBytes };
  }

  async snapshot(snapshotId: string): Promise<SnapshotInfo | undefined> {
    const s = this.snapshots.get(snapshotId);
    return s === undefined ? undefined : { snapshotId, volumeId: s.volumeId, sizeBytes: s.blob.sizeBytes };
  }

  imageSize(path: string, format: ImageFormat): Promise<number> {
    return (this.#opts.images ?? rawImageReader).size(path, format);
  }

  async beginVolume(volumeId: string, sizeBytes: number): Promise<Draft> {
    await this.abandonVolume(volumeId);
    this.drafts.set(volumeId, { sizeBytes, chunks: new Map() });
    return { volumeId, sizeBytes, path: `fake:volume/${volumeId}` };
  }

  async fillFromImage(
    draft: Draft,
    image: { path: string; format: ImageFormat },
    onProgress?: (p: number) => void,
  ): Promise<void> {
    const bytes = await (this.#opts.images ?? rawImageReader).read(image.path, image.format);
    onProgress?.(50);
    writeBlob(this.drafts.get(draft.volumeId)!, 0, bytes);
  }

  async fillFromCopy(draft: Draft, source: CopySource): Promise<void> {
    const src =
      source.kind === 'volume' ? this.volumes.get(source.volumeId) : this.snapshots.get(source.snapshotId)?.blob;
    this.drafts.set(draft.volumeId, copyBlob(src!, draft.sizeBytes));
  }

  async commitVolume(draft: Draft): Promise<void> {
    this.volumes.set(draft.volumeId, this.drafts.get(draft.volumeId)!);
    this.drafts.delete(draft.volumeId);
  }

  async abandonVolume(volumeId: string): Promise<void> {
    release(this.drafts.get(volumeId), this.wipe);
    this.drafts.delete(volumeId);
  }

  async growVolume(volumeId: string, _from: number, toBytes: number): Promise<void> {
    this.volumes.get(volumeId)!.sizeBytes = toBytes;
  }

  async removeVolume(volumeId: string): Promise<void> {
    release(this.volumes.get(volumeId), this.wipe);
    this.volumes.delete(volumeId);
  }

  async takeSnapshot(snapshotId: string, volume: VolumeInfo): Promise<void> {
    this.snapshots.set(snapshotId, { volumeId: volume.volumeId, blob: copyBlob(this.volumes.get(volume.volumeId)!) });
  }

  async removeSnapshot(snapshotId: string): Promise<void> {
    release(this.snapshots.get(snapshotId)?.blob, this.wipe);
    this.snapshots.delete(snapshotId);
  }

  async localPath(volumeId: string): Promise<string> {
    return `fake:volume/${volumeId}`;
  }
}

export class FakeVolumeDriver extends BackedVolumeDriver {
  readonly #fake: FakeBackend;

  constructor(opts: FakeVolumeDriverOptions) {
    const fake = new FakeBackend(opts);
    super(fake, opts.log);
    this.#fake = fake;
  }

  #blob(volumeId: string): Blob {
    const b = this.#fake.volumes.get(volumeId);
    if (b === undefined) throw new Error(`fake: no volume ${volumeId}`);
    return b;
  }

  /** Test access to a volume's bytes (what a guest would read through the export). */
  read(volumeId: string, offset: number, length: number): Buffer {
    return readBlob(this.#blob(volumeId), offset, length);
  }

  write(volumeId: string, offset: number, data: Uint8Array): void {
    writeBlob(this.#blob(volumeId), offset, data);
  }

  /** Reads the memory the volume occupies now, also after it is deleted (to see the wipe). */
  retain(volumeId: string): (offset: number, length: number) => Buffer {
    const b = this.#blob(volumeId);
    const kept: Blob = { sizeBytes: b.sizeBytes, chunks: new Map(b.chunks) };
    return (offset, length) => readBlob(kept, offset, length);
  }
}
