// Volumes on one instance: attach, detach and a size refresh, run by the instance
// manager under the instance's lock and the volume's (volume-guard.ts). A volume's
// CHAP password goes into the hypervisor's secret before its disk, and the secret goes
// when no domain on this host records the volume any more; a failed attach leaves no
// secret and no disk behind. All idempotent: the conductor retries.
import { failedPrecondition, invalidArgument, notFound } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { Hypervisor } from '../hypervisor/hypervisor.ts';
import { ROOT_DISK_TARGET } from '../hypervisor/instance-spec.ts';
import { Reverter } from './reverter.ts';
import type { VolumeGuard } from './volume-guard.ts';
import { checkVolumeId, type VolumeAttachment, volumeSpecOf } from './volume-request.ts';

export interface VolumeDeps {
  hv: Hypervisor;
  guard: VolumeGuard;
  log: Logger;
}

/** DetachVolumeRequest.timeout_s: @default 30; at most ten minutes. */
export const DEFAULT_DETACH_TIMEOUT_S = 30;
const MAX_DETACH_TIMEOUT_S = 600;

async function requireInstance(hv: Hypervisor, id: string): Promise<void> {
  if ((await hv.powerState(id)) === undefined) {
    throw notFound('INSTANCE_NOT_FOUND', `instance ${id} does not exist on this host`, { details: { instanceId: id } });
  }
}

/**
 * Instances on this host whose domain records `volumeId` (hot-plugged or as its root),
 * `except` left out. A domain whose metadata cannot be read counts as one: nothing it
 * might need is taken away.
 */
export async function volumeUsers(hv: Hypervisor, volumeId: string, except?: string): Promise<string[]> {
  const users: string[] = [];
  for (const d of await hv.list()) {
    if (d.instanceId === except) continue;
    const meta = await hv.metadata(d.instanceId).catch(() => null);
    if (meta === null || meta?.volumes.some((v) => v.id === volumeId)) users.push(d.instanceId);
  }
  return users;
}

/**
 * Refuses a volume another instance on this host holds (one attachment per volume: its
 * secret is the volume's, and a second password would replace the first one's).
 */
export async function requireVolumesFree(hv: Hypervisor, volumeIds: readonly string[], owner: string): Promise<void> {
  for (const volumeId of volumeIds) {
    const users = await volumeUsers(hv, volumeId, owner);
    if (users.length > 0) {
      throw failedPrecondition(
        'VOLUME_IN_USE',
        `volume ${volumeId} is attached to instance ${users[0]} on this host; detach it there first`,
        { details: { volumeId, instanceId: users[0]! } },
      );
    }
  }
}

/** Puts each volume's password into its secret, with the undo of each under `reverter`. */
export async function setVolumeSecrets(
  hv: Hypervisor,
  volumes: readonly VolumeAttachment[],
  reverter: Reverter,
): Promise<void> {
  for (const v of volumes) {
    await hv.setVolumeSecret(v.volumeId, v.chapSecret);
    reverter.add(`volume secret ${v.volumeId}`, () => hv.removeVolumeSecret(v.volumeId));
  }
}

/** Removes the secrets of `volumeIds` that no domain on this host records any more. */
export async function releaseVolumeSecrets(deps: VolumeDeps, volumeIds: readonly string[]): Promise<void> {
  for (const volumeId of volumeIds) {
    if ((await volumeUsers(deps.hv, volumeId)).length > 0) continue;
    await deps.hv.removeVolumeSecret(volumeId);
    deps.guard.forget(volumeId);
  }
}

export async function attachVolume(deps: VolumeDeps, id: string, att: VolumeAttachment): Promise<void> {
  const { hv, log } = deps;
  const spec = volumeSpecOf(att);
  await deps.guard.run([spec.id], 'attach-volume', async () => {
    await requireInstance(hv, id);
    await requireVolumesFree(hv, [spec.id], id);
    // A repeated attach keeps the secret the first one made, whatever happens now.
    const already = (await hv.metadata(id))?.volumes.some((v) => v.id === spec.id) ?? false;
    const reverter = new Reverter();
    try {
      if (already) await hv.setVolumeSecret(spec.id, att.chapSecret);
      else await setVolumeSecrets(hv, [att], reverter);
      await hv.attachVolume(id, spec);
      reverter.success();
    } catch (err) {
      const failedUndos = await reverter.revert(log);
      log.warn({ instanceId: id, volumeId: spec.id, err, failedUndos }, 'volume attach failed; rolled back');
      throw err;
    }
    deps.guard.remember(spec.id, att.chapSecret);
    log.info({ instanceId: id, volumeId: spec.id, device: spec.target }, 'volume attached');
  });
}

export async function detachVolume(deps: VolumeDeps, id: string, volumeId: string, timeoutS = 0): Promise<void> {
  const { hv, log } = deps;
  checkVolumeId(volumeId);
  const seconds = timeoutS > 0 ? Math.min(timeoutS, MAX_DETACH_TIMEOUT_S) : DEFAULT_DETACH_TIMEOUT_S;
  await deps.guard.run([volumeId], 'detach-volume', async () => {
    const meta = await hv.metadata(id);
    if (meta?.volumes.some((v) => v.id === volumeId && v.target === ROOT_DISK_TARGET)) {
      throw failedPrecondition(
        'ROOT_VOLUME',
        `volume ${volumeId} is the root disk of instance ${id}: it goes with the instance, not by a detach`,
        { details: { volumeId } },
      );
    }
    await hv.detachVolume(id, volumeId, { timeoutMs: seconds * 1000 });
    // Gone from this instance (or never here): a secret nobody records is a leftover.
    await releaseVolumeSecrets(deps, [volumeId]);
    log.info({ instanceId: id, volumeId }, 'volume detached');
  });
}

export async function refreshVolumeSize(
  deps: VolumeDeps,
  id: string,
  volumeId: string,
  sizeBytes: number,
): Promise<void> {
  checkVolumeId(volumeId);
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes <= 0) {
    throw invalidArgument('INVALID_VOLUME_SPEC', 'size_bytes: must be a positive number of bytes', {
      details: { field: 'size_bytes' },
    });
  }
  await requireInstance(deps.hv, id);
  await deps.hv.resizeVolume(id, volumeId, sizeBytes);
  deps.log.info({ instanceId: id, volumeId, sizeBytes }, 'volume size refreshed');
}
