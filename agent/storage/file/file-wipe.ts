// Wiping a volume file before it is unlinked. "zero" here means: every allocated
// extent of the file (found with SEEK_DATA through `qemu-img map`) is overwritten in
// place with zeros and flushed (fdatasync) before the blocks go back to the
// filesystem. On a filesystem that overwrites in place (ext4, xfs without shared
// extents) the old bytes are gone from the device; extents shared with a reflinked
// snapshot are not touched (the write lands in a fresh copy), which is right: the
// snapshot still needs them. Holes were never written and hold nothing. Punching holes
// or FALLOC_FL_ZERO_RANGE would only change the file's map, not the device's bytes.
import { open } from 'node:fs/promises';
import { imageSpec } from '../qemu-img.ts';
import { copyTimeoutMs, runChecked } from '../run-process.ts';

export interface Extent {
  start: number;
  length: number;
}

/** Ranges of the file that hold data (anything not a hole). */
export async function allocatedExtents(path: string, sizeBytes: number): Promise<Extent[]> {
  const out = await runChecked(['qemu-img', 'map', '--output=json', imageSpec(path, 'raw')], 'VOLUME_MAP_FAILED', {
    timeoutMs: copyTimeoutMs(sizeBytes / 16),
  });
  const map = JSON.parse(out) as { start: number; length: number; data: boolean }[];
  return map.filter((e) => e.data).map((e) => ({ start: e.start, length: e.length }));
}

const CHUNK = 1024 * 1024;

export async function zeroExtents(path: string, extents: readonly Extent[]): Promise<void> {
  const zeros = Buffer.alloc(CHUNK);
  const fh = await open(path, 'r+');
  try {
    for (const e of extents) {
      for (let off = e.start; off < e.start + e.length; off += CHUNK) {
        const n = Math.min(CHUNK, e.start + e.length - off);
        await fh.write(zeros, 0, n, off);
      }
    }
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

export async function zeroFile(path: string, sizeBytes: number): Promise<void> {
  await zeroExtents(path, await allocatedExtents(path, sizeBytes));
}
