// A server snapshot's host side: the instance's root disk as ONE flattened qcow2
// (no backing file), ready to stream to the conductor.
//
// The point in time: a running guest is paused (QEMU's stop drains and flushes
// every block device, so the overlay file holds all the guest wrote) only while
// its overlay is copied — the cached base never changes — and resumed before the
// slow part, `qemu-img convert` of the copy with its base into one file. The
// guest's pause is the copy of what it wrote, not of the whole disk; what it had
// not synced to its disk is not in the snapshot (as after a power cut). A libvirt
// external snapshot (a new overlay for the running guest, then a block commit)
// would avoid the pause altogether, at the price of rewriting the domain's disk
// chain; the copy was chosen as the simpler thing to get right and to recover
// from (a crash leaves the domain untouched), and its pause is measured and
// reported (paused_ms; bench/snapshot.bench.ts).
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { failedPrecondition, notFound, StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { Hypervisor } from '../hypervisor/hypervisor.ts';
import { runTool } from '../images/run-tool.ts';
import { type FreeSpace, statfsFreeSpace } from './disk-space.ts';
import { instancePaths } from './instance-paths.ts';

const MiB = 1024 ** 2;

/** Host tools a snapshot runs; injectable so fakes and unit tests need no qemu-img. */
export interface SnapshotTools {
  /** Copies the overlay file as it is (the guest is paused or stopped meanwhile). */
  copyOverlay(src: string, dst: string): Promise<void>;
  /** Writes `out`: the qcow2 `overlay` merged with its backing chain into one qcow2 with none. */
  flatten(overlay: string, out: string): Promise<void>;
}

/** The real tools: a file copy, then `qemu-img convert` with both formats named (never probed). */
export const qemuImgSnapshotTools: SnapshotTools = {
  copyOverlay: (src, dst) => copyFile(src, dst),
  async flatten(overlay, out) {
    await runTool('qemu-img', ['convert', '-q', '-f', 'qcow2', '-O', 'qcow2', overlay, out], 'QEMU_IMG_FAILED');
  },
};

export interface SnapshotDeps {
  hv: Hypervisor;
  stateDir: string;
  tools: SnapshotTools;
  log: Logger;
  /** Kept free for the guests' own disks, as a boot keeps it. @default 0 */
  reserveBytes?: number;
  /** @default statfs of the state dir */
  freeSpace?: FreeSpace;
}

export interface ExportedDisk {
  /** The flattened qcow2 (in a working directory of the instance's). */
  path: string;
  sizeBytes: number;
  /** How long a running guest was paused (0 when it was not running). */
  pausedMs: number;
  /** Removes the working files; safe to call more than once. */
  cleanup(): Promise<void>;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Makes the flattened copy of `id`'s root disk. The caller holds the instance's
 * lock. Errors: NOT_FOUND (INSTANCE_NOT_FOUND); FAILED_PRECONDITION
 * (NO_LOCAL_ROOT_DISK: booted from a volume); RESOURCE_EXHAUSTED
 * (HOST_DISK_FULL); INTERNAL (QEMU_IMG_FAILED).
 */
export async function exportRootDisk(deps: SnapshotDeps, id: string): Promise<ExportedDisk> {
  const { hv, tools, log } = deps;
  const paths = instancePaths(deps.stateDir, id);
  const power = await hv.powerState(id);
  if (power === undefined) throw notFound('INSTANCE_NOT_FOUND', `instance ${id} does not exist on this host`);
  if (!(await exists(paths.disk))) {
    throw failedPrecondition('NO_LOCAL_ROOT_DISK', `instance ${id} has no local root disk (it boots from a volume)`, {
      details: { instanceId: id },
    });
  }
  // The working copies must not eat the room the guests' overlays grow into: the copy
  // is the overlay's size, the flattened image at least that much again (plus the
  // base's data, which a failed qemu-img then reports).
  const overlayBytes = (await stat(paths.disk)).size;
  const need = (deps.reserveBytes ?? 0) + 2 * overlayBytes;
  const free = await (deps.freeSpace ?? statfsFreeSpace)(deps.stateDir);
  if (free < need) {
    throw new StratoError(
      'RESOURCE_EXHAUSTED',
      'HOST_DISK_FULL',
      `no room on the host for the snapshot's working copy: ${Math.floor(free / MiB)} MiB free, ` +
        `at least ${Math.ceil(need / MiB)} MiB needed`,
      { details: { freeBytes: String(free), neededBytes: String(need) } },
    );
  }
  // Inside the instance's directory: deleting the instance removes a leftover too.
  const work = await mkdtemp(join(paths.dir, 'export-'));
  const cleanup = () => rm(work, { recursive: true, force: true });
  try {
    const copy = join(work, 'overlay.qcow2');
    const out = join(work, 'flat.qcow2');
    let pausedMs = 0;
    let t = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = Math.round(now - t);
      t = now;
      return ms;
    };
    let copyMs = 0;
    if (power === 'running') {
      await hv.pause(id);
      const paused = performance.now();
      lap();
      try {
        await tools.copyOverlay(paths.disk, copy);
        copyMs = lap();
      } finally {
        await hv.unpause(id);
        pausedMs = Math.round(performance.now() - paused);
      }
    } else {
      await tools.copyOverlay(paths.disk, copy);
      copyMs = lap();
    }
    lap();
    await tools.flatten(copy, out);
    await rm(copy, { force: true });
    const flattenMs = lap();
    const { size } = await stat(out);
    log.info({ instanceId: id, powerState: power, pausedMs, copyMs, flattenMs, sizeBytes: size }, 'root disk exported');
    return { path: out, sizeBytes: size, pausedMs, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
