// Files the suite feeds to drivers: images with a known pattern (raw and qcow2, made
// with qemu-img), and a FIFO canary that tells whether anything opened a path.
import { constants } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { FakeImageReader } from '../../../agent/storage/fake/fake-volume-driver.ts';
import type { ImageFormat } from '../../../agent/storage/volume-driver.ts';
import { MiB, pattern } from './suite-helpers.ts';

export function sh(argv: string[], env?: Record<string, string>): string {
  const r = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'utf8',
    timeout: 120_000,
    env: env === undefined ? process.env : { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

export interface ImageFixture {
  dir: string;
  raw: string;
  qcow2: string;
  /** The image's content: `head` at 0, `tail` at `tailAt`, zeros elsewhere. */
  head: Buffer;
  tail: Buffer;
  tailAt: number;
  virtualSize: number;
  close(): Promise<void>;
}

/** A 9 MiB image (more than one LVM extent) with data at its start and near its end, as raw and as qcow2. */
export async function makeImages(): Promise<ImageFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-vd-img-'));
  const raw = join(dir, 'pattern.raw');
  const qcow2 = join(dir, 'pattern.qcow2');
  const head = pattern(64 * 1024);
  const tail = pattern(4096);
  const tailAt = 8 * MiB + 12_288;
  const virtualSize = 9 * MiB;
  const fh = await open(raw, 'w');
  await fh.truncate(virtualSize);
  await fh.write(head, 0, head.length, 0);
  await fh.write(tail, 0, tail.length, tailAt);
  await fh.close();
  sh(['qemu-img', 'convert', '-f', 'raw', '-O', 'qcow2', raw, qcow2]);
  return { dir, raw, qcow2, head, tail, tailAt, virtualSize, close: () => rm(dir, { recursive: true, force: true }) };
}

/** The fake's image reader for the suite: qemu-img decodes, as the real backends' copy does. */
export const qemuImageReader: FakeImageReader = {
  async size(path: string, format: ImageFormat) {
    const info = JSON.parse(sh(['qemu-img', 'info', '-f', format, '--output=json', path])) as {
      'virtual-size': number;
    };
    return info['virtual-size'];
  },
  async read(path: string, format: ImageFormat) {
    const dir = await mkdtemp(join(tmpdir(), 'strato-vd-read-'));
    try {
      sh(['qemu-img', 'convert', '-f', format, '-O', 'raw', path, join(dir, 'out.raw')]);
      return await readFile(join(dir, 'out.raw'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export interface Canary {
  /** A FIFO: whoever opens it to read blocks until a writer comes (the canary is that writer). */
  path: string;
  /** How many times a reader had it open while the canary watched. */
  opens(): number;
  stop(): Promise<void>;
}

/**
 * Watches a FIFO for readers: every 2 ms it tries a non-blocking open for writing, which
 * succeeds only while some process has the FIFO open for reading. It then closes at
 * once (the reader sees end of file, so a tool that opened it fails instead of hanging).
 */
export async function fifoCanary(dir: string): Promise<Canary> {
  const path = join(dir, CANARY_NAME);
  sh(['mkfifo', '-m', '0600', path]);
  let opens = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const fh = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
        opens++;
        await fh.close();
      } catch {
        // ENXIO: nobody reads it. The canary's whole point.
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  return {
    path,
    opens: () => opens,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

export const CANARY_NAME = 'canary.fifo';

/**
 * The bytes of a qcow2 image whose backing file is `<dir>/canary.fifo` (a regular file
 * while the image is made, removed after): what a guest could write into the start of
 * its raw volume. Call fifoCanary(dir) afterwards to put the FIFO at that path.
 */
export async function hostileHeader(dir: string): Promise<Buffer> {
  const backing = join(dir, CANARY_NAME);
  const img = join(dir, 'hostile.qcow2');
  await writeFile(backing, Buffer.alloc(MiB));
  sh(['qemu-img', 'create', '-q', '-f', 'qcow2', '-F', 'raw', '-b', backing, img, '1M']);
  const bytes = await readFile(img);
  await rm(backing);
  await rm(img);
  return bytes;
}
