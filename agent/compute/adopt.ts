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
import { instancePaths } from './instance-paths.ts';
import { requirePortsWired } from './port-wiring.ts';
import { Reverter } from './reverter.ts';
import type { SpawnDeps } from './spawn.ts';
import type { SpawnRequest } from './spawn-request.ts';

/**
 * How the domain's recorded spec differs from the request ('' when it is this
 * request's instance). The name is left out: a server may be renamed while it builds.
 */
export function specMismatch(meta: InstanceMetadata | undefined, req: SpawnRequest): string {
  if (meta === undefined) return 'it carries no strato metadata';
  const diffs: string[] = [];
  if (meta.instanceId !== req.instanceId) diffs.push('instance id');
  if (meta.projectId !== req.projectId) diffs.push('project');
  if (meta.imageId !== req.image.id) diffs.push('image');
  const f = meta.flavor;
  if (f.vcpus !== req.flavor.vcpus || f.ramMiB !== req.flavor.ramMiB || f.diskGiB !== req.flavor.diskGiB) {
    diffs.push('flavor');
  }
  return diffs.length > 0 ? `its ${diffs.join(', ')} differ` : '';
}

/**
 * Adopts the existing domain of `req.instanceId` (power state `state`). Throws
 * FAILED_PRECONDITION (INSTANCE_EXISTS_DIFFERENT) when it is not this request's.
 */
export async function adoptExisting(deps: SpawnDeps, req: SpawnRequest, state: PowerState): Promise<void> {
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
  if (state !== 'shutdown') return;
  // Should finishing the start fail, this spawn leaves nothing behind, like any failed spawn.
  const reverter = new Reverter();
  reverter.add('instance directory', () => rm(instancePaths(deps.stateDir, id).dir, { recursive: true, force: true }));
  reverter.add('domain definition', () => deps.hv.undefine(id));
  try {
    await requirePortsWired(deps, req.ports, 'UNAVAILABLE');
    await deps.hv.start(id);
  } catch (err) {
    // The cut-short spawn's own start may still have been under way in libvirtd.
    if ((await deps.hv.powerState(id)) === 'running') return;
    const failedUndos = await reverter.revert(deps.log);
    deps.log.warn({ instanceId: id, err, failedUndos }, 'spawn of an adopted domain failed; rolled back');
    throw err;
  }
}
