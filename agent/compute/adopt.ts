// A spawn for an instance whose domain already exists. That is the normal case
// of a re-sent spawn: the conductor got no answer to the first one (a lost
// reply, or this agent was killed or restarted mid-spawn) and asks again, as
// SpawnInstance's idempotency allows. The domain's <metadata> says whether it
// is this request's instance; if so it is adopted — and started when the first
// spawn was cut short between define and start — instead of failing or being
// built twice (a start that fails then removes it, as any failed spawn leaves
// nothing). A domain that is not this request's is refused, never replaced:
// it may hold a guest's disk.
import { rm } from 'node:fs/promises';
import { failedPrecondition } from '../../common/errors.ts';
import { domainNameFor } from '../hypervisor/domain-name.ts';
import type { PowerState } from '../hypervisor/hypervisor.ts';
import type { InstanceMetadata } from '../hypervisor/instance-metadata.ts';
import { ROOT_DISK_TARGET } from '../hypervisor/instance-spec.ts';
import { instancePaths } from './instance-paths.ts';
import { requirePortsWired } from './port-wiring.ts';
import { Reverter } from './reverter.ts';
import type { SpawnDeps } from './spawn.ts';
import { requestVolumes, type SpawnRequest } from './spawn-request.ts';
import type { VolumeGuard } from './volume-guard.ts';
import { setVolumeSecrets } from './volume-ops.ts';

/**
 * How the domain's recorded spec differs from the request ('' when it is this
 * request's instance). The name is left out: a server may be renamed while it builds.
 */
export function specMismatch(meta: InstanceMetadata | undefined, req: SpawnRequest): string {
  if (meta === undefined) return 'it carries no strato metadata';
  const diffs: string[] = [];
  if (meta.instanceId !== req.instanceId) diffs.push('instance id');
  if (meta.projectId !== req.projectId) diffs.push('project');
  if (meta.imageId !== (req.image?.id ?? '')) diffs.push('image');
  // Data volumes may have come and gone by hot-plug since: only the root volume is identity.
  if (meta.volumes.find((v) => v.target === ROOT_DISK_TARGET)?.id !== req.bootVolume?.volumeId) {
    diffs.push('boot volume');
  }
  const f = meta.flavor;
  if (f.vcpus !== req.flavor.vcpus || f.ramMiB !== req.flavor.ramMiB || f.diskGiB !== req.flavor.diskGiB) {
    diffs.push('flavor');
  }
  return diffs.length > 0 ? `its ${diffs.join(', ')} differ` : '';
}

/**
 * Adopts the existing domain of `req.instanceId` (power state `state`). Throws
 * FAILED_PRECONDITION (INSTANCE_EXISTS_DIFFERENT) when it is not this request's. The
 * request's volume passwords go into their secrets again (the first spawn's may have
 * been lost with a libvirtd restart). The caller holds the instance's and volumes' locks.
 */
export async function adoptExisting(
  deps: SpawnDeps,
  req: SpawnRequest,
  state: PowerState,
  guard: VolumeGuard,
): Promise<void> {
  const id = req.instanceId;
  const mismatch = specMismatch(await deps.hv.metadata(id), req);
  if (mismatch !== '') {
    throw failedPrecondition(
      'INSTANCE_EXISTS_DIFFERENT',
      `domain ${domainNameFor(id)} exists on this host but is not this spawn's instance: ${mismatch}`,
      { details: { instanceId: id } },
    );
  }
  deps.log.info({ instanceId: id, powerState: state }, 'existing domain adopted by spawn');
  const volumes = requestVolumes(req);
  const remember = (): void => {
    for (const v of volumes) guard.remember(v.volumeId, v.chapSecret);
  };
  if (state !== 'shutdown') {
    for (const v of volumes) await deps.hv.setVolumeSecret(v.volumeId, v.chapSecret);
    remember();
    return;
  }
  // Should finishing the start fail, this spawn leaves nothing behind, like any failed spawn.
  const reverter = new Reverter();
  reverter.add('instance directory', () => rm(instancePaths(deps.stateDir, id).dir, { recursive: true, force: true }));
  reverter.add('domain definition', () => deps.hv.undefine(id));
  try {
    await setVolumeSecrets(deps.hv, volumes, reverter);
    await requirePortsWired(deps, req.ports, 'UNAVAILABLE');
    await deps.hv.start(id);
    remember();
  } catch (err) {
    // The cut-short spawn's own start may still have been under way in libvirtd.
    if ((await deps.hv.powerState(id)) === 'running') {
      remember();
      return;
    }
    const failedUndos = await reverter.revert(deps.log);
    deps.log.warn({ instanceId: id, err, failedUndos }, 'spawn of an adopted domain failed; rolled back');
    throw err;
  }
}
