// A move of a server with volumes (attached data volumes, or the root disk of a
// boot from volume). A volume is shared storage: the storage host exports it over
// iSCSI, and both hosts reach it during the move, so it is never copied (only the
// local disks are: agent.proto StartMigration). The steps around the move:
//
//   move-volumes   each volume's storage host admits the destination as well as the
//                  source (same CHAP secret; the attachment records the destination
//                  as its incoming host first), before the destination prepares
//   (prepare)      the destination gets the volumes' specs under its own initiator
//                  name, sets their secrets; the source writes that name into the
//                  migrated domain's volume disks
//   (end)          the side that keeps the server is the attachment's compute host
//                  and the only host admitted: after a success (a resize: its
//                  confirm) the source's access is revoked, after a failure, an abort
//                  or a revert the destination's is
//
// The CHAP secret is not changed at the end (evacuate changes it: a dead host may
// still hold it): the host that loses access was trusted until then, and the guest
// that keeps running re-logs in with the secret it has after a reconnect.
// Every call is idempotent and recorded before its side effect: a conductor
// restarted anywhere repeats it.
import type { SpawnInstanceRequest } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { VolumeSpec } from '../../common/gen/strato/agent/v1/VolumeSpec.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import type { InstanceRecord, WorkflowStep } from './instance-record.ts';
import { goTo, moveOf, retryLater, rollBack } from './move-outcomes.ts';
import { needVolumes } from './volume-release.ts';
import { describeError, type Step, type StepDeps } from './workflow.ts';

const hasVolumes = (rec: InstanceRecord): boolean => (rec.volumes ?? []).length > 0;

/** The step after the destination's network: its volume access first, when the server has volumes. */
export function afterNet(rec: InstanceRecord): WorkflowStep {
  return hasVolumes(rec) ? 'move-volumes' : 'move-prepare';
}

export const moveVolumesStep: Step = async (rec, wf, deps) => {
  if (wf.abort) return goTo('move-rollback');
  const move = moveOf(rec);
  // Recorded before any export changes: every end of the move settles the volumes from here on.
  if (!move.volumesAdmitted) return goTo('move-volumes', (r) => ({ move: { ...moveOf(r), volumesAdmitted: true } }));
  const vols = needVolumes(deps);
  for (const v of rec.volumes ?? []) {
    try {
      await vols.admit(v.volumeId, move.destHost, deps.signal);
    } catch (err) {
      if (deps.signal.aborted) throw err;
      const e = toStratoError(err);
      if (isNoAnswer(e)) return retryLater(deps, describeError(e));
      return rollBack(`${describeError(e)} (volume ${v.volumeId})`);
    }
  }
  deps.log.info({ hostId: move.destHost, volumes: (rec.volumes ?? []).length }, 'volumes admit the move destination');
  return goTo('move-prepare');
};

/** The destination's PrepareIncoming request: `req` with the server's volumes, opened under `hostId`'s name. */
export async function withIncomingVolumes(
  req: SpawnInstanceRequest,
  rec: InstanceRecord,
  deps: StepDeps,
  hostId: string,
): Promise<SpawnInstanceRequest> {
  if (!hasVolumes(rec)) return req;
  const vols = needVolumes(deps);
  const volumes: VolumeSpec[] = [];
  for (const v of rec.volumes ?? []) {
    const spec = await vols.spec(v.volumeId, hostId);
    if (v.boot) req.bootVolume = spec;
    else volumes.push(spec);
  }
  if (volumes.length > 0) req.volumes = volumes;
  return req;
}

/**
 * The move ended with the server on `hostId`: each volume admits that host alone
 * and its attachment names it. An error text when a storage host did not take it
 * (the step asks again: the record already says so, and the export reconcile
 * converges to it too).
 */
export async function settleVolumes(rec: InstanceRecord, deps: StepDeps, hostId: string): Promise<string | undefined> {
  const move = moveOf(rec);
  if (!move.volumesAdmitted || !hasVolumes(rec)) return undefined;
  const vols = needVolumes(deps);
  for (const v of rec.volumes ?? []) {
    try {
      await vols.settle(v.volumeId, hostId, deps.signal);
    } catch (err) {
      if (deps.signal.aborted) throw err;
      return `volume ${v.volumeId}: ${describeError(toStratoError(err))}`;
    }
  }
  deps.log.info({ hostId, volumes: (rec.volumes ?? []).length }, 'volumes admit only the host the server rests on');
  return undefined;
}
