// The end of a resize (Nova's VERIFY_RESIZE): the server runs on the destination
// with the new flavor while both hosts hold a claim and the source keeps its
// stopped copy, until the user (or the automatic confirm, resize-auto-confirm.ts)
// decides:
//
//   resize-confirm        the source's copy, claim and port wiring go → ACTIVE/SHUTOFF
//   resize-revert         the destination's copy and claim go, the ports are wired on
//                         the source again → resize-revert-start
//   resize-revert-start   the source's copy (old flavor) starts if the guest ran → rests

import { isStratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { moveClaimId } from '../scheduler/move-claims.ts';
import { needNet } from './boot-steps.ts';
import type { InstanceRecord } from './instance-record.ts';
import { deleteCopy, leaveSource, moveDone } from './move-end-steps.ts';
import { goTo, moveOf, retryLater } from './move-outcomes.ts';
import { migrationStatus, moveAgent } from './move-steps.ts';
import { settleVolumes } from './move-volume-steps.ts';
import { type PowerState, powerStateFromHost } from './state-machine.ts';
import { describeError, type Step } from './workflow.ts';

export const resizeConfirmStep: Step = async (rec, _wf, deps) => {
  const move = moveOf(rec);
  const failed = await leaveSource(rec, deps);
  if (failed !== undefined) return retryLater(deps, failed);
  await migrationStatus(deps, rec, 'confirmed');
  deps.log.info({ hostId: move.destHost, from: move.sourceHost }, 'resize confirmed');
  return moveDone(move.destHost, rec.powerState);
};

export const resizeRevertStep: Step = async (rec, _wf, deps) => {
  const move = moveOf(rec);
  const failed = await deleteCopy(rec, move.destHost, deps);
  if (failed !== undefined) return retryLater(deps, failed);
  const volumes = await settleVolumes(rec, deps, move.sourceHost);
  if (volumes !== undefined) return retryLater(deps, volumes);
  if (hasPorts(rec)) {
    const net = needNet(deps);
    await net.bindHost(rec.id, rec.nics ?? [], move.sourceHost);
    await net.bindMigrating?.(rec.id, rec.nics ?? [], '');
    // The source's taps must be there before its copy starts.
    const push = await net.pushHost(move.sourceHost);
    if (!push.ok) return retryLater(deps, describeError(push.error));
  }
  await deps.claimer.release(moveClaimId(move.migrationId));
  deps.log.info({ hostId: move.sourceHost }, 'resize reverted on the destination');
  return goTo('resize-revert-start', () => ({ host: move.sourceHost, flavor: move.oldFlavor }));
};

export const resizeRevertStartStep: Step = async (rec, _wf, deps) => {
  const move = moveOf(rec);
  const src = await moveAgent(deps, move.sourceHost);
  if (!src) return retryLater(deps, `source host ${move.sourceHost} is not registered`);
  let power: PowerState;
  try {
    const st = await src.moves.getInstance(rec.id, { signal: deps.signal });
    power = powerStateFromHost(st.powerState);
    if (move.wasRunning && power !== 'RUNNING') {
      const started = await deps.agents
        .forHost(src.host)
        .action({ instanceId: rec.id, action: 'start', hard: false, acpiTimeoutS: 0 }, { signal: deps.signal });
      power = powerStateFromHost(started.powerState);
    }
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const e = toStratoError(err);
    if (isNoAnswer(e)) return retryLater(deps, describeError(e));
    // The source lost its copy: nothing to go back to.
    const missing = isStratoError(err) && e.code === 'NOT_FOUND';
    await migrationStatus(deps, rec, 'error', { error: describeError(e) });
    return {
      kind: 'update',
      finish: { error: describeError(e) },
      apply: (r, nowIso, nowMs) => {
        const { workflow: _done, move: _moved, ...rest } = r;
        return {
          ...rest,
          vmState: 'ERROR',
          taskState: '',
          powerState: 'NOSTATE',
          fault: {
            code: e.code,
            reason: missing ? 'INSTANCE_MISSING_ON_HOST' : e.reason,
            message: `revert failed: ${e.message}`,
            at: nowIso,
          },
          settledAtMs: nowMs,
        };
      },
    };
  }
  await migrationStatus(deps, rec, 'reverted');
  deps.log.info({ hostId: move.sourceHost, powerState: power }, 'resize reverted');
  return moveDone(move.sourceHost, power, { flavor: move.oldFlavor });
};

function hasPorts(rec: InstanceRecord): boolean {
  return (rec.nics ?? []).some((n) => n.portId !== '');
}
