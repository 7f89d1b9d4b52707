// Resizing a stopped instance in place: the root overlay grows to the flavor's disk
// (never shrinks: a guest's filesystem may use every byte), then the domain is
// redefined with the flavor's vCPUs and memory. Checked before any change, so a
// refused resize changes nothing; a repeat with the same flavor changes nothing more.
import { access } from 'node:fs/promises';
import { invalidArgument, notFound, StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { FlavorSpec, Hypervisor } from '../hypervisor/hypervisor.ts';
import { validateFlavor } from '../hypervisor/instance-spec-validate.ts';
import { virtualSizeBytes } from '../images/overlay.ts';
import { runTool } from '../images/run-tool.ts';
import { instancePaths } from './instance-paths.ts';

const GiB = 1024 ** 3;

export interface ResizeDeps {
  hv: Hypervisor;
  stateDir: string;
  log: Logger;
}

/** What a resize does to the root disk: a pure decision (table-tested). */
export function diskResizePlan(currentBytes: number, flavorDiskGiB: number): { growTo?: number } {
  if (flavorDiskGiB === 0) return {}; // "the image's size": whatever the disk is now
  const want = flavorDiskGiB * GiB;
  if (want < currentBytes) {
    throw invalidArgument(
      'DISK_SHRINK_REFUSED',
      `flavor.disk_gib: ${flavorDiskGiB} GiB is smaller than the root disk (${currentBytes} bytes); disks never shrink`,
      { details: { field: 'flavor.disk_gib' } },
    );
  }
  return want > currentBytes ? { growTo: want } : {};
}

/** Resizes instance `id`; the caller holds its lock. */
export async function resizeInstance(deps: ResizeDeps, id: string, flavor: FlavorSpec): Promise<void> {
  validateFlavor(flavor);
  const power = await deps.hv.powerState(id);
  if (power === undefined) throw notFound('INSTANCE_NOT_FOUND', `instance ${id} does not exist on this host`);
  if (power !== 'shutdown') {
    throw new StratoError('FAILED_PRECONDITION', 'INVALID_POWER_STATE', `instance ${id} must be stopped (is ${power})`);
  }
  const disk = instancePaths(deps.stateDir, id).disk;
  // A boot from volume has no overlay: its root is the volume, resized by the storage host.
  const hasOverlay = await access(disk).then(
    () => true,
    () => false,
  );
  if (hasOverlay) {
    const plan = diskResizePlan(await virtualSizeBytes(disk, 'qcow2'), flavor.diskGiB);
    if (plan.growTo !== undefined) {
      await runTool('qemu-img', ['resize', '-q', '-f', 'qcow2', disk, String(plan.growTo)], 'DISK_RESIZE_FAILED');
    }
  }
  await deps.hv.setFlavor(id, flavor);
  deps.log.info({ instanceId: id, flavor: flavor.name }, 'instance resized');
}
