// Letting go of a server's volumes, for the steps that end a server's life or
// a failed boot (disk-steps.ts, boot-steps.ts): each export goes and each
// volume is released — available again, or deleted when asked.
import { StratoError } from '../../common/errors.ts';
import type { Fault, InstanceRecord } from './instance-record.ts';
import type { InstanceVolume, ServerVolumes } from './volumes.ts';
import type { StepDeps } from './workflow.ts';

/** Compute without block storage wired in cannot have volumes. */
export function needVolumes(deps: StepDeps): ServerVolumes {
  if (!deps.volumes) throw new StratoError('INTERNAL', 'VOLUMES_NOT_CONFIGURED', 'block storage is not wired in');
  return deps.volumes;
}

/**
 * Lets go of every volume of a server whose guest is gone (delete) or never ran
 * (a failed boot): each export goes and each volume is released, or deleted when
 * `remove` says so. A host that cannot be reached leaves its leftovers to the
 * agent's and the export reconcile's safety nets.
 */
export async function releaseVolumes(
  rec: InstanceRecord,
  deps: StepDeps,
  remove: (v: InstanceVolume) => boolean,
  fault?: Fault,
): Promise<void> {
  if ((rec.volumes ?? []).length === 0) return;
  const vols = needVolumes(deps);
  const host = rec.host ? await deps.hosts.get(rec.host) : undefined;
  for (const v of rec.volumes ?? []) {
    // Removes the leftover libvirt secret of a guest that is gone.
    if (host) await vols.detach(host, rec.id, v.volumeId, deps.signal).catch(() => {});
    await vols.unexport(v.volumeId, deps.signal);
    await vols.release(v.volumeId, rec.id, remove(v), fault);
  }
}
