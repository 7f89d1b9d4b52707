// A boot needs room: an overlay that cannot grow stops its guest with an I/O error
// (or worse, a half-written image), and a fetch into a full cache fails midway. So
// a spawn asks for the free space of the state dir's file system (instances and the
// image cache live there) before its first side effect, and a host below its reserve
// refuses the boot with RESOURCE_EXHAUSTED HOST_DISK_FULL: the conductor then tries
// another host, or fails the build with that reason in the server's fault.
import { statfs } from 'node:fs/promises';
import { StratoError } from '../../common/errors.ts';

/** Free bytes an unprivileged writer may use on the file system holding `path`. */
export type FreeSpace = (path: string) => Promise<number>;

export const statfsFreeSpace: FreeSpace = async (path) => {
  const fs = await statfs(path);
  return fs.bavail * fs.bsize;
};

const MiB = 1024 ** 2;

/** Throws RESOURCE_EXHAUSTED HOST_DISK_FULL when less than `reserveBytes` is free under `dir`. */
export async function requireFreeSpace(dir: string, reserveBytes: number, free: FreeSpace = statfsFreeSpace) {
  if (reserveBytes <= 0) return;
  const freeBytes = await free(dir);
  if (freeBytes >= reserveBytes) return;
  throw new StratoError(
    'RESOURCE_EXHAUSTED',
    'HOST_DISK_FULL',
    `the host's instance disk is full: ${Math.floor(freeBytes / MiB)} MiB free, ` +
      `a boot needs at least ${Math.ceil(reserveBytes / MiB)} MiB`,
    { details: { freeBytes: String(freeBytes), reserveBytes: String(reserveBytes) } },
  );
}
