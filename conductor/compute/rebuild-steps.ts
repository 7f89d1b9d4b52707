// Rebuild (RebuildServer): the same server, a fresh root disk, on the same host.
//
//   rebuild        (task rebuilding)        the host's DeleteInstance removes the old
//                                          guest, its overlay, config drive and volume
//                                          secrets; the taps stay (the network driver
//                                          owns them, and the ports stay bound here)
//   rebuild-spawn  (task rebuild_spawning)  SpawnInstance from the record's image (set
//                                          when the rebuild was accepted) with the same
//                                          ports and the non-root volumes at their
//                                          devices, a new config drive → ACTIVE
//
// The claim, the ports' bindings and the volumes' exports to this host are never
// let go, so nothing else can take them in between. Both agent calls are
// idempotent (a repeated spawn adopts what the first made), so a conductor
// restarted at any point redoes the step. A host that does not answer is asked
// again until the build timeout (counted from the rebuild's start), as a boot's;
// then, or when the spawn fails, the server ends in ERROR still on its host with
// its resources (rebuild it again, or delete it): its guest may run there.
import { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { launched, needNet, spawnRequest } from './boot-steps.ts';
import { waitForHost } from './host-wait.ts';
import type { Fault, Workflow } from './instance-record.ts';
import { powerStateFromHost } from './state-machine.ts';
import { needVolumes } from './volume-release.ts';
import { describeError, type Outcome, type Step } from './workflow.ts';

/** ERROR on the same host, holding its resources (failStep with holdHost). */
function failOnHost(error: StratoError, what: string): Outcome {
  const fault: Fault = {
    code: error.code,
    reason: error.reason,
    message: `rebuild failed ${what}: ${describeError(error)}`,
    at: new Date().toISOString(),
  };
  return {
    kind: 'update',
    apply: (r) => ({ ...r, workflow: { ...(r.workflow as Workflow), step: 'fail', holdHost: true, fault } }),
  };
}

const unregistered = (hostId: string) =>
  new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${hostId || '(none)'} is not registered`);

export const rebuildStep: Step = async (rec, wf, deps) => {
  const host = await deps.hosts.get(rec.host);
  try {
    if (!host) throw unregistered(rec.host);
    await deps.agents.forHost(host).delete({ instanceId: rec.id }, { signal: deps.signal });
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const error = toStratoError(err);
    if (isNoAnswer(error) || error.reason === 'HOST_NOT_REGISTERED') return waitForHost(rec, wf, deps, error);
    return failOnHost(error, `removing the old guest on ${rec.host}`);
  }
  deps.log.info({ hostId: rec.host }, 'old guest removed for rebuild');
  return {
    kind: 'update',
    apply: (r) => ({
      ...r,
      taskState: 'rebuild_spawning',
      workflow: { ...(r.workflow as Workflow), step: 'rebuild-spawn' },
    }),
  };
};

export const rebuildSpawnStep: Step = async (rec, wf, deps) => {
  const host = await deps.hosts.get(rec.host);
  try {
    if (!host) throw unregistered(rec.host);
    const nics = rec.nics ?? [];
    const parts = nics.length > 0 ? await needNet(deps).spawnParts(nics) : undefined;
    const req = spawnRequest(rec, parts);
    const data = (rec.volumes ?? []).filter((v) => !v.boot);
    if (data.length > 0) {
      const vols = needVolumes(deps);
      req.volumes = await Promise.all(data.map((v) => vols.spec(v.volumeId)));
    }
    const status = await deps.agents.forHost(host).spawn(req, { signal: deps.signal });
    const power = powerStateFromHost(status.powerState);
    deps.log.info({ hostId: rec.host, powerState: power, imageId: rec.image.id }, 'instance rebuilt');
    return launched(power);
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const error = toStratoError(err);
    if (isNoAnswer(error) || error.reason === 'HOST_NOT_REGISTERED') return waitForHost(rec, wf, deps, error);
    deps.log.warn({ hostId: rec.host, code: error.code, reason: error.reason }, 'rebuild spawn failed');
    return failOnHost(error, `spawning on ${rec.host}`);
  }
};
