// The data `strato-vol write SERIAL MIB SEED` puts on a disk in the test guest
// (scripts/test-image/rootfs/usr/bin/strato-vol), computed here so a test checks the
// guest's E2E-VOL-WRITE/READ checksums against what it expects, not only against each
// other: 512-byte records, the one at byte offset O being "strato-vol SEED O" padded
// with spaces to 511 bytes, then "\n". Every sector differs, so a misplaced, stale or
// zeroed sector changes the checksum.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const MiB = 1024 * 1024;
const RECORD = 512;

/** The first `mib` MiB of the pattern for `seed`. */
export function volumePattern(seed: string, mib: number): Buffer {
  const out = Buffer.alloc(mib * MiB);
  for (let o = 0; o < out.length; o += RECORD) {
    out.write(`${`strato-vol ${seed} ${o}`.padEnd(RECORD - 1, ' ')}\n`, o, 'latin1');
  }
  return out;
}

/** The sha256 (hex) that E2E-VOL-WRITE prints for `strato-vol write SERIAL mib seed`. */
export function volumePatternSha256(seed: string, mib: number): string {
  return createHash('sha256').update(volumePattern(seed, mib)).digest('hex');
}

/** sha256 of the first `bytes` of a file: what really reached a disk's backing store. */
export async function fileSha256(path: string, bytes: number): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    await fh.read(buf, 0, bytes, 0);
    return createHash('sha256').update(buf).digest('hex');
  } finally {
    await fh.close();
  }
}
