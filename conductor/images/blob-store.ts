// Image bytes on the conductor's disk: `<dir>/<id>` once active, `<dir>/<id>.part`
// while an upload is in flight. A `.part` file never outlives its upload: it is
// removed when the upload fails and, after a crash, at start-up.
import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { invalidArgument } from '../../common/errors.ts';

const PART = '.part';

export interface Received {
  sha256: string;
  sizeBytes: number;
}

export class ImageBlobs {
  readonly dir: string;

  constructor(dir: string) {
    // Absolute, so qemu-img never reads a path as a protocol spec.
    this.dir = resolve(dir);
  }

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  path(id: string): string {
    return join(this.dir, id);
  }

  partPath(id: string): string {
    return join(this.dir, id + PART);
  }

  /**
   * Writes `chunks` to the part file while hashing and counting, and syncs it.
   * Errors: INVALID_ARGUMENT/IMAGE_TOO_LARGE beyond `maxBytes`; whatever the
   * source throws (a broken stream). The caller removes the part file on error.
   */
  async receive(id: string, chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Received> {
    const hash = createHash('sha256');
    let size = 0;
    const fh: FileHandle = await open(this.partPath(id), 'w', 0o600);
    try {
      for await (const chunk of chunks) {
        if (chunk.length === 0) continue;
        size += chunk.length;
        if (size > maxBytes) {
          throw invalidArgument('IMAGE_TOO_LARGE', `the image is larger than the limit of ${maxBytes} bytes`, {
            details: { limitBytes: String(maxBytes) },
          });
        }
        hash.update(chunk);
        await fh.write(chunk);
      }
      // Durable before the record says active: a crash must not leave an active
      // image whose bytes never reached the disk.
      await fh.datasync();
    } finally {
      await fh.close();
    }
    return { sha256: hash.digest('hex'), sizeBytes: size };
  }

  async promote(id: string): Promise<void> {
    await rename(this.partPath(id), this.path(id));
  }

  /** Removes the image's bytes, finished or partial. Idempotent. */
  async remove(id: string): Promise<void> {
    await Promise.all([rm(this.path(id), { force: true }), rm(this.partPath(id), { force: true })]);
  }

  /** Opens the finished bytes; the handle keeps them readable even if the image is deleted meanwhile. */
  open(id: string): Promise<FileHandle> {
    return open(this.path(id), 'r');
  }

  /** Removes every part file (left by a crash); returns the image ids they belonged to. */
  async removeParts(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const parts = names.filter((n) => n.endsWith(PART));
    await Promise.all(parts.map((n) => rm(join(this.dir, n), { force: true })));
    return parts.map((n) => n.slice(0, -PART.length));
  }
}
