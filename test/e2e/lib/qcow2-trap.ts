// A trap for format probing: the first bytes of a qcow2 image whose backing file is a
// file on the host (the canary), as a guest would write them into its raw volume, and
// the shell the guest runs to write them. If anything ever opened the volume without
// naming its format (qemu-img, QEMU), it would read the header and open the canary:
// its access time moves, and what the volume reads as is no longer what was written.
import { createHash } from 'node:crypto';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../harness/exec.ts';

const SECTOR = 512;
/** An access time no real access gives (2001): relatime updates it on the first read. */
const OLD_ATIME = new Date('2001-01-01T00:00:00Z');

export interface Qcow2Trap {
  canary: string;
  /** The image's bytes up to its last non-zero sector. */
  header: Buffer;
  /** Shell lines writing the header's non-zero sectors onto `$dev`, then flushing. */
  guestScript(devVar: string): string[];
  /** sha256 of the volume's first `mib` MiB once the header is on it (a zeroed volume before). */
  sha256(mib: number): string;
  /** Whether anything read the canary since the trap was made. */
  canaryRead(): Promise<boolean>;
}

/** Makes the canary in `dir` (readable by all, so a QEMU would open it) and the header naming it. */
export async function makeQcow2Trap(dir: string): Promise<Qcow2Trap> {
  const canary = join(dir, 'canary.raw');
  await writeFile(canary, Buffer.alloc(1024 * 1024, 'canary '), { mode: 0o644 });
  const image = join(dir, 'trap.qcow2');
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', canary, '-F', 'raw', image, '1G']);
  const bytes = await readFile(image);
  await rm(image);
  let last = 0;
  for (let o = 0; o < bytes.length; o += SECTOR) {
    if (bytes.subarray(o, o + SECTOR).some((b) => b !== 0)) last = o + SECTOR;
  }
  const header = Buffer.from(bytes.subarray(0, last));
  // Set after qemu-img create, which may have looked at the backing file.
  await utimes(canary, OLD_ATIME, new Date());
  return {
    canary,
    header,
    guestScript(dev: string): string[] {
      const lines: string[] = [];
      for (let o = 0; o < header.length; o += SECTOR) {
        const sector = header.subarray(o, o + SECTOR);
        let end = sector.length;
        while (end > 0 && sector[end - 1] === 0) end--;
        if (end === 0) continue;
        const octal = [...sector.subarray(0, end)].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
        lines.push(`printf '${octal}' | dd of=${dev} bs=${SECTOR} seek=${o / SECTOR} conv=notrunc 2>/dev/null`);
      }
      lines.push(`sync; blockdev --flushbufs ${dev}`);
      return lines;
    },
    sha256(mib: number): string {
      const disk = Buffer.alloc(mib * 1024 * 1024);
      header.copy(disk);
      return createHash('sha256').update(disk).digest('hex');
    },
    async canaryRead(): Promise<boolean> {
      return (await stat(canary)).atimeMs !== OLD_ATIME.getTime();
    },
  };
}
