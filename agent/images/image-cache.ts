// The host's image cache: files named by their sha256 under `<state>/images/`.
// An image is fetched once even when several spawns want it at the same moment
// (single flight per sha256), written to a temp file while hashing, and renamed
// into place only when its sha256 and size match. A cached file is verified again
// before each use: bytes can rot or be overwritten on disk, and a corrupt base
// would silently corrupt every guest booted from it. The rehash is skipped only
// when the file's inode, size, mtime AND ctime are exactly those of the last good
// hash: ctime cannot be set back from user space, so any write since shows.
// Images may be private to a project: the directory and files are root's and QEMU's
// group's only (0710, 0640), and the domain XML keeps libvirt from handing a base
// to QEMU's account (see domain-xml-disks.ts), so no guest's QEMU can rewrite one.
// Unused images are evicted by age and a size limit (eviction-plan.ts): never one an
// instance's overlay names (the caller says which) nor one a boot holds (`hold`) or
// fetches, and a fetch of an image being evicted waits for the eviction to finish.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { invalidArgument, StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { ensureDir, GROUP_DIR_MODE, GROUP_READ_MODE, PRIVATE_FILE_MODE, restrict } from '../state-dir/file-access.ts';
import { planEviction } from './eviction-plan.ts';
import { sha256File } from './hash-file.ts';
import type { CachedImage, ImageRef, ImageSource } from './image-source.ts';
import { virtualSizeBytes } from './overlay.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const PARTIAL_PREFIX = '.partial-';

export interface ImageCacheOptions {
  dir: string;
  source: ImageSource;
  log: Logger;
  /** QEMU's group, which reads the cached bases. @default the files keep the agent's group */
  guestGid?: number;
  /** Size limit of the cache: unused images beyond it are evicted. @default no limit */
  maxBytes?: number;
  /** Unused images not used for this long are evicted; 0: no age limit. @default 0 */
  maxAgeMs?: number;
  now?: () => number;
}

export interface EvictionResult {
  evicted: string[];
  /** What the cache holds after the eviction. */
  bytes: number;
}

interface Stamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

function mismatch(ref: ImageRef, message: string, details: Record<string, string>): StratoError {
  return new StratoError('DATA_LOSS', 'IMAGE_CHECKSUM_MISMATCH', `image ${ref.id}: ${message}`, {
    details: { imageId: ref.id, expectedSha256: ref.sha256, ...details },
  });
}

export function validateImageRef(ref: ImageRef): void {
  if (!ref.id) throw invalidArgument('INVALID_IMAGE_REF', 'image.id is required', { details: { field: 'image.id' } });
  if (!SHA256.test(ref.sha256)) {
    throw invalidArgument('INVALID_IMAGE_REF', 'image.sha256 must be 64 lower-case hex digits', {
      details: { field: 'image.sha256' },
    });
  }
  if (ref.diskFormat !== 'qcow2' && ref.diskFormat !== 'raw') {
    throw invalidArgument('INVALID_IMAGE_REF', `image.disk_format must be qcow2 or raw, got ${ref.diskFormat}`, {
      details: { field: 'image.disk_format' },
    });
  }
}

export class ImageCache {
  readonly dir: string;
  private readonly source: ImageSource;
  private readonly log: Logger;
  private readonly guestGid: number | undefined;
  private readonly inflight = new Map<string, Promise<CachedImage>>();
  private readonly verified = new Map<string, Stamp>();
  private readonly virtualSizes = new Map<string, number>();
  /** Boots holding an image until their overlay names it (reference counts). */
  private readonly holds = new Map<string, number>();
  /** When an instance last used each image: set by ensure and hold, else the file's mtime (its fetch). */
  private readonly lastUsed = new Map<string, number>();
  private readonly evicting = new Map<string, Promise<void>>();
  private readonly limits: { maxBytes: number; maxAgeMs: number };
  private readonly now: () => number;
  /** Counts for tests and metrics. */
  readonly stats = { pulls: 0, hashes: 0 };

  constructor(options: ImageCacheOptions) {
    this.dir = options.dir;
    this.source = options.source;
    this.guestGid = options.guestGid;
    this.log = options.log.child({ component: 'image-cache' });
    this.limits = { maxBytes: options.maxBytes ?? Number.POSITIVE_INFINITY, maxAgeMs: options.maxAgeMs ?? 0 };
    this.now = options.now ?? Date.now;
  }

  pathOf(sha256: string): string {
    return join(this.dir, sha256);
  }

  /**
   * Creates the directory, removes partial downloads a crash left behind and gives
   * every cached image its mode (a cache an older agent left 0644 is tightened).
   */
  async init(): Promise<void> {
    await ensureDir(this.dir, GROUP_DIR_MODE, this.guestGid);
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      if (name.startsWith(PARTIAL_PREFIX)) await unlink(path).catch(() => {});
      else await restrict(path, GROUP_READ_MODE, this.guestGid);
    }
  }

  /**
   * The verified cached image for `ref`, fetching it if needed. Throws DATA_LOSS
   * (IMAGE_CHECKSUM_MISMATCH) when the cached or fetched bytes are not the image
   * (a corrupt cached file is removed, so the next spawn fetches it afresh).
   */
  ensure(ref: ImageRef): Promise<CachedImage> {
    validateImageRef(ref);
    this.lastUsed.set(ref.sha256, this.now());
    let p = this.inflight.get(ref.sha256);
    if (!p) {
      const evicted = this.evicting.get(ref.sha256) ?? Promise.resolve();
      p = evicted.then(() => this.ensureOnce(ref)).finally(() => this.inflight.delete(ref.sha256));
      this.inflight.set(ref.sha256, p);
    }
    return p;
  }

  /**
   * Keeps the image from eviction until the returned release is called: a boot holds
   * its base from before the fetch until its overlay names it (or the boot failed).
   */
  hold(sha256: string): () => void {
    this.holds.set(sha256, (this.holds.get(sha256) ?? 0) + 1);
    this.lastUsed.set(sha256, this.now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.holds.get(sha256) ?? 1) - 1;
      if (n > 0) this.holds.set(sha256, n);
      else this.holds.delete(sha256);
      this.lastUsed.set(sha256, this.now());
    };
  }

  /** Cached images by sha256 with their size and last use. */
  private async entries(): Promise<{ sha256: string; bytes: number; lastUsedMs: number }[]> {
    const out = [];
    for (const name of await readdir(this.dir)) {
      if (!SHA256.test(name)) continue;
      const st = await stat(this.pathOf(name)).catch(() => undefined);
      if (st === undefined || !st.isFile()) continue;
      out.push({ sha256: name, bytes: st.size, lastUsedMs: this.lastUsed.get(name) ?? st.mtimeMs });
    }
    return out;
  }

  /**
   * Evicts unused images (eviction-plan.ts). `inUse`: the images instances' overlays
   * name; undefined when that is unknown, and then nothing is evicted.
   */
  async evict(inUse: ReadonlySet<string> | undefined): Promise<EvictionResult> {
    const entries = await this.entries();
    const total = entries.reduce((sum, e) => sum + e.bytes, 0);
    if (inUse === undefined) return { evicted: [], bytes: total };
    const busy = new Set([...inUse, ...this.holds.keys(), ...this.inflight.keys()]);
    const plan = planEviction({ entries, inUse: busy, ...this.limits, now: this.now() });
    const evicted: string[] = [];
    for (const sha256 of plan) {
      // Checked again at the last moment: a boot may have taken the image since the plan.
      if (this.holds.has(sha256) || this.inflight.has(sha256) || this.evicting.has(sha256)) continue;
      const gone = this.removeImage(sha256);
      this.evicting.set(sha256, gone);
      try {
        await gone;
        evicted.push(sha256);
        this.log.info({ sha256 }, 'unused image evicted');
      } catch (err) {
        this.log.warn({ sha256, err }, 'could not evict image');
      } finally {
        this.evicting.delete(sha256);
      }
    }
    const left = entries.filter((e) => !evicted.includes(e.sha256)).reduce((sum, e) => sum + e.bytes, 0);
    return { evicted, bytes: left };
  }

  private async removeImage(sha256: string): Promise<void> {
    this.verified.delete(sha256);
    this.virtualSizes.delete(sha256);
    this.lastUsed.delete(sha256);
    await unlink(this.pathOf(sha256)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  /** Entries of the cache dir that are neither a cached image nor a download in progress. */
  async strayEntries(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names.filter((n) => !SHA256.test(n) && !n.startsWith(PARTIAL_PREFIX)).sort();
  }

  /** Removes a stray entry (a file or directory directly in the cache dir); absent is success. */
  async removeStray(name: string): Promise<void> {
    if (SHA256.test(name) || name.startsWith(PARTIAL_PREFIX) || name.includes('/') || name === '..' || name === '.') {
      throw new Error(`not a stray cache entry: ${JSON.stringify(name.slice(0, 80))}`);
    }
    await rm(join(this.dir, name), { recursive: true, force: true });
  }

  /** The image's virtual disk size (asked of qemu-img once per image). */
  async virtualSize(img: CachedImage): Promise<number> {
    let size = this.virtualSizes.get(img.sha256);
    if (size === undefined) {
      size = await virtualSizeBytes(img.path, img.format);
      this.virtualSizes.set(img.sha256, size);
    }
    return size;
  }

  private async ensureOnce(ref: ImageRef): Promise<CachedImage> {
    const path = this.pathOf(ref.sha256);
    const st = await stat(path, { bigint: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (st === undefined) {
      await this.fetch(ref, path);
    } else if (!this.stampMatches(ref.sha256, st)) {
      this.stats.hashes++;
      const { sha256, size } = await sha256File(path);
      if (sha256 !== ref.sha256 || size !== ref.sizeBytes) {
        this.verified.delete(ref.sha256);
        await unlink(path).catch(() => {});
        this.log.error(
          { imageId: ref.id, expected: ref.sha256, actual: sha256, size },
          'cached image corrupt; removed',
        );
        throw mismatch(ref, 'the cached copy no longer matches its sha256 (removed; it will be fetched again)', {
          actualSha256: sha256,
        });
      }
      this.remember(ref.sha256, st);
    }
    return { path, format: ref.diskFormat, sha256: ref.sha256 };
  }

  private stampMatches(sha: string, st: Awaited<ReturnType<typeof statBig>>): boolean {
    const s = this.verified.get(sha);
    return (
      s !== undefined && s.ino === st.ino && s.size === st.size && s.mtimeNs === st.mtimeNs && s.ctimeNs === st.ctimeNs
    );
  }

  private remember(sha: string, st: Awaited<ReturnType<typeof statBig>>): void {
    this.verified.set(sha, { ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs });
  }

  private async fetch(ref: ImageRef, path: string): Promise<void> {
    this.stats.pulls++;
    const started = performance.now();
    const tmp = join(this.dir, `${PARTIAL_PREFIX}${ref.sha256.slice(0, 16)}-${randomBytes(4).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    let announced: { sha256: string; sizeBytes: string } | undefined;
    const out = createWriteStream(tmp, { mode: PRIVATE_FILE_MODE });
    try {
      for await (const chunk of this.source.pull(ref.id)) {
        if (announced === undefined) {
          announced = { sha256: chunk.sha256, sizeBytes: chunk.sizeBytes };
          if (announced.sha256 && announced.sha256 !== ref.sha256) {
            throw mismatch(ref, `the image source announces sha256 ${announced.sha256}`, {
              announcedSha256: announced.sha256,
            });
          }
        }
        if (chunk.data.length === 0) continue;
        hash.update(chunk.data);
        size += chunk.data.length;
        if (size > ref.sizeBytes) throw mismatch(ref, `more than the expected ${ref.sizeBytes} bytes`, {});
        if (!out.write(chunk.data)) await new Promise<void>((r) => out.once('drain', r));
      }
      out.end();
      await finished(out);
      const sha256 = hash.digest('hex');
      if (sha256 !== ref.sha256 || size !== ref.sizeBytes) {
        throw mismatch(ref, `fetched ${size} bytes with sha256 ${sha256}`, { actualSha256: sha256 });
      }
      await restrict(tmp, GROUP_READ_MODE, this.guestGid);
      await rename(tmp, path);
    } catch (err) {
      out.destroy();
      await unlink(tmp).catch(() => {});
      throw err;
    }
    this.remember(ref.sha256, await stat(path, { bigint: true }));
    this.log.info(
      { imageId: ref.id, sha256: ref.sha256, size, ms: Math.round(performance.now() - started) },
      'image fetched',
    );
  }
}

const statBig = (p: string) => stat(p, { bigint: true });
