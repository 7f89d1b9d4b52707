// The end of a move, either way (the steps before it: move-steps.ts).
//
//   move-cleanup   the source's copy goes, its claim goes, the ports leave it: done
//   move-rollback  a move that failed or was aborted before arriving: the destination's copy
//                  and claim go, the ports leave it, the guest runs on the source as before; a
//                  copy the destination fails to remove for hostWaitMs is left to it as stale
//
// deleteCopy, leaveSource and moveDone serve resize's confirm and revert too (resize-steps.ts).
import { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { moveClaimId } from '../scheduler/move-claims.ts';
import { needNet } from './boot-steps.ts';
import type { InstanceRecord } from './instance-record.ts';
import { goTo, moveOf, retryLater } from './move-outcomes.ts';
import { errorText, migrationStatus, moveAgent, needMoves, powerOn } from './move-steps.ts';
import { settleVolumes } from './move-volume-steps.ts';
import { type PowerState, powerStateFromHost, vmStateForPower } from './state-machine.ts';
import { describeError, type Outcome, type Step, type StepDeps } from './workflow.ts';

/** Deletes the instance's copy on `hostId` (idempotent); an error text when the host does not answer. */
export async function deleteCopy(rec: InstanceRecord, hostId: string, deps: StepDeps): Promise<string | undefined> {
  if (hostId === '') return undefined;
  const host = await deps.hosts.get(hostId);
  if (!host) {
    deps.log.warn({ hostId }, 'host unknown; no copy to remove there');
    return undefined;
  }
  try {
    await deps.agents.forHost(host).delete({ instanceId: rec.id }, { signal: deps.signal });
    deps.log.info({ hostId }, 'copy removed from host');
    return undefined;
  } catch (err) {
    if (deps.signal.aborted) throw err;
    return errorText(err);
  }
}

/**
 * The source gives the server up: its copy goes, its claim goes (the move's
 * becomes the server's), its ports are bound to the destination only.
 */
export async function leaveSource(rec: InstanceRecord, deps: StepDeps): Promise<string | undefined> {
  const move = moveOf(rec);
  // The source's access to the volumes goes first: the guest runs on the destination.
  const volumes = await settleVolumes(rec, deps, move.destHost);
  if (volumes !== undefined) return volumes;
  const failed = await deleteCopy(rec, move.sourceHost, deps);
  if (failed !== undefined) return failed;
  if (!deps.claimer.promote) throw new StratoError('INTERNAL', 'MOVES_NOT_CONFIGURED', 'the claimer cannot promote');
  await deps.claimer.promote(moveClaimId(move.migrationId), rec.id);
  if ((rec.nics ?? []).some((n) => n.portId !== '')) {
    const net = needNet(deps);
    await net.bindHost(rec.id, rec.nics ?? [], move.destHost);
    await net.bindMigrating?.(rec.id, rec.nics ?? [], '');
    net.pushSoon();
  }
  return undefined;
}

/** Ends a move workflow: the move is gone from the record, the server rests in the state its power says. */
export function moveDone(
  host: string,
  power: PowerState,
  extra: Partial<InstanceRecord> = {},
  error?: string,
): Outcome {
  return {
    kind: 'update',
    finish: error === undefined ? {} : { error },
    apply: (r, _nowIso, nowMs) => {
      const { workflow: _done, move: _moved, ...rest } = r;
      return {
        ...rest,
        ...extra,
        host,
        powerState: power,
        vmState: vmStateForPower(power) ?? 'SHUTOFF',
        taskState: '',
        settledAtMs: nowMs,
      };
    },
  };
}

export const moveCleanupStep: Step = async (rec, _wf, deps) => {
  const move = moveOf(rec);
  const failed = await leaveSource(rec, deps);
  if (failed !== undefined) return retryLater(deps, failed);
  await migrationStatus(deps, rec, 'finished');
  deps.log.info({ hostId: move.destHost, from: move.sourceHost }, 'server moved');
  return moveDone(move.destHost, rec.powerState);
};

export const moveRollbackStep: Step = async (rec, wf, deps) => {
  const move = moveOf(rec);
  // The destination's copy (a prepared disk, an arrival that failed) goes first, then its claim.
  const failed = await deleteCopy(rec, move.destHost, deps);
  let staleOn: string[] | undefined;
  if (failed !== undefined) {
    if (wf.rollbackSinceMs === undefined) return goTo('move-rollback', () => ({}), { rollbackSinceMs: deps.now() });
    if (deps.now() - wf.rollbackSinceMs < needMoves(deps).hostWaitMs) return retryLater(deps, failed);
    // The copy never was the server: the host deletes it when it next reports it (evacuate-stale.ts).
    deps.log.warn({ hostId: move.destHost, failed }, "destination's copy not removed; left to its host as stale");
    staleOn = [...new Set([...(rec.staleOn ?? []), move.destHost])];
  }
  // Only the source keeps access to the server's volumes (the storage host must answer).
  const volumes = await settleVolumes(rec, deps, move.sourceHost);
  if (volumes !== undefined) return retryLater(deps, volumes);
  if ((rec.nics ?? []).some((n) => n.portId !== '')) {
    const net = needNet(deps);
    await net.bindMigrating?.(rec.id, rec.nics ?? [], '');
    net.pushSoon();
  }
  await deps.claimer.release(moveClaimId(move.migrationId));
  // A guest the move stopped runs again on the source.
  let power: PowerState = rec.powerState;
  const src = await moveAgent(deps, move.sourceHost);
  if (src) {
    try {
      power = (await powerOn(src.moves, rec.id, deps.signal)) ?? 'NOSTATE';
      if (move.wasRunning && power === 'SHUTDOWN') {
        const st = await deps.agents
          .forHost(src.host)
          .action({ instanceId: rec.id, action: 'start', hard: false, acpiTimeoutS: 0 }, { signal: deps.signal });
        power = powerStateFromHost(st.powerState);
      }
    } catch (err) {
      if (deps.signal.aborted) throw err;
      const e = toStratoError(err);
      if (isNoAnswer(e)) return retryLater(deps, describeError(e));
      deps.log.warn({ code: e.code, reason: e.reason }, 'restarting the guest on the source failed');
    }
  }
  const error = wf.moveError ?? '';
  const status = error === '' ? 'cancelled' : 'error';
  await migrationStatus(deps, rec, status, { error: error === '' ? 'aborted' : error });
  deps.log.info({ hostId: move.sourceHost, status }, 'move rolled back');
  const restore = { ...(move.kind === 'resize' ? { flavor: move.oldFlavor } : {}), ...(staleOn ? { staleOn } : {}) };
  return moveDone(
    move.sourceHost,
    power,
    restore,
    error === '' ? 'CANCELLED MIGRATION_ABORTED: the move was aborted' : error,
  );
};
