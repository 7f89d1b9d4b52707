// Moving a server to another host (cold and live migration; resize runs the same
// steps, then waits for a confirm or revert: resize-steps.ts). The agents' side is
// one data path (agent.proto): PrepareIncoming on the destination, StartMigration
// on the source, GetMigration until it ends, DeleteInstance on the side that lost.
//
//   move-schedule  claim the destination (scheduler, the source excluded; or the admin's host),
//                  under the move's own claim key (scheduler/move-claims.ts)
//   move-stop      cold move or resize of a running guest: stop it on the source
//   move-net       wire the ports on the destination too (a second binding) and push its network
//   move-volumes   the volumes' storage hosts admit the destination too (move-volume-steps.ts)
//   move-prepare   PrepareIncoming on the destination (image, disks, config drive, taps)
//   move-start     StartMigration on the source, the destination's answer passed through
//   move-wait      GetMigration until it ends (progress into the migration record); an agent
//                  that lost track (restarted) is answered by where the domain is
//   move-arrive    cold: stop the paused arrival (the contract); resize: the new flavor; a guest
//                  that ran is started again; then migrate → move-cleanup, resize → RESIZED. A
//                  cold arrival whose destination keeps failing for hostWaitMs before its start
//                  was asked rolls back (the source's stopped copy is still the server)
//   move-cleanup   } the end of a move, either way (move-end-steps.ts)
//   move-rollback  }
//
// Every step is written before its side effect and is idempotent (the agent calls are,
// keyed by instance and migration id), so a conductor restarted anywhere resumes the move.
import { isStratoError, StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import type { AgentMigrationStatus, MoveAgentApi } from '../agents/move-agent-api.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { moveClaimId } from '../scheduler/move-claims.ts';
import { noValidHostMessage } from '../scheduler/no-valid-host.ts';
import type { SelectionResult } from '../scheduler/types.ts';
import { needNet, spawnRequest } from './boot-steps.ts';
import type { InstanceMove, InstanceRecord, Workflow, WorkflowStep } from './instance-record.ts';
import {
  type MigrationProgress,
  type MigrationRecord,
  type MigrationStatus,
  toStatus,
  updateMigration,
} from './migration-record.ts';
import { goTo, moveOf, retryLater, rollBack } from './move-outcomes.ts';
import { afterNet, withIncomingVolumes } from './move-volume-steps.ts';
import { type PowerState, powerStateFromHost } from './state-machine.ts';
import { bootVolumeOf } from './volumes.ts';
import { describeError, type MoveDeps, type Outcome, type Step, type StepDeps } from './workflow.ts';

export function needMoves(deps: StepDeps): MoveDeps {
  if (!deps.moves) throw new StratoError('INTERNAL', 'MOVES_NOT_CONFIGURED', 'moves are not wired in');
  return deps.moves;
}

/** The host's agent and its move calls; undefined when the host is not registered. */
export async function moveAgent(
  deps: StepDeps,
  hostId: string,
): Promise<{ host: AgentTarget; moves: MoveAgentApi } | undefined> {
  const host = hostId === '' ? undefined : await deps.hosts.get(hostId);
  if (!host) return undefined;
  return { host, moves: needMoves(deps).agents.movesFor(host) };
}

export async function migrationStatus(
  deps: StepDeps,
  rec: InstanceRecord,
  status: MigrationStatus,
  extra: Partial<MigrationRecord> = {},
): Promise<void> {
  await updateMigration(needMoves(deps).store, moveOf(rec).migrationId, toStatus(status, extra), deps.now);
}

/** The task_state of a move at a step (Nova's names). */
function taskFor(move: InstanceMove, phase: 'migrating' | 'migrated' | 'finish') {
  if (move.kind === 'live') return 'migrating' as const;
  return phase === 'migrating' ? 'resize_migrating' : phase === 'migrated' ? 'resize_migrated' : 'resize_finish';
}

export function errorText(err: unknown): string {
  return describeError(toStratoError(err));
}

/** Claims the destination under the move's own claim key. */
function placeDestination(
  rec: InstanceRecord,
  wf: Workflow,
  deps: StepDeps,
  move: InstanceMove,
): Promise<SelectionResult> {
  return deps.claimer.place(
    {
      requestId: wf.requestId,
      instanceId: moveClaimId(move.migrationId),
      projectId: rec.projectId,
      // A boot from volume has no local root disk (as its boot claimed).
      flavor: {
        vcpus: move.flavor.vcpus,
        ramMiB: move.flavor.ramMib,
        diskGiB: bootVolumeOf(rec.volumes) ? 0 : move.flavor.diskGib,
      },
      // Never the host it is on (Nova's allow_resize_to_same_host = False, for every move).
      excludeHosts: [move.sourceHost],
      excludeWhy: 'the server is there (a move goes to another host)',
      ...(move.forceHost ? { forceHost: move.forceHost } : {}),
    },
    { isAdmin: true },
  );
}

export const moveScheduleStep: Step = async (rec, wf, deps) => {
  const move = moveOf(rec);
  if (wf.abort) return goTo('move-rollback');
  let sel: SelectionResult;
  try {
    sel = await placeDestination(rec, wf, deps, move);
  } catch (err) {
    // A request the scheduler refuses outright would be refused forever.
    if (!isStratoError(err) || !['INVALID_ARGUMENT', 'PERMISSION_DENIED'].includes(err.code)) throw err;
    return rollBack(describeError(err));
  }
  if (!sel.ok) {
    deps.log.info({ reasons: sel.noValidHost.reasons }, 'no valid host for the move');
    return rollBack(`RESOURCE_EXHAUSTED NO_VALID_HOST: ${noValidHostMessage(sel.noValidHost)}`);
  }
  const dest = sel.placement.hostId;
  await migrationStatus(deps, rec, 'preparing', { destHost: dest });
  deps.log.info({ hostId: dest, migrationId: move.migrationId }, 'move destination claimed');
  const stop = move.kind !== 'live' && rec.powerState !== 'SHUTDOWN';
  const next: WorkflowStep = stop ? 'move-stop' : afterStop(rec);
  return goTo(next, (r) => ({ move: { ...moveOf(r), destHost: dest } }));
};

/** After the guest is stopped (or needed no stop): the ports on the destination, or straight to prepare. */
function afterStop(rec: InstanceRecord): WorkflowStep {
  return (rec.nics ?? []).some((n) => n.portId !== '') ? 'move-net' : afterNet(rec);
}

export const moveStopStep: Step = async (rec, wf, deps) => {
  if (wf.abort) return goTo('move-rollback');
  const move = moveOf(rec);
  const src = await deps.hosts.get(move.sourceHost);
  if (!src) return retryLater(deps, `source host ${move.sourceHost} is not registered`);
  try {
    const st = await deps.agents
      .forHost(src)
      .action(
        { instanceId: rec.id, action: 'stop', hard: false, acpiTimeoutS: deps.acpiTimeoutS },
        { signal: deps.signal },
      );
    deps.log.info({ hostId: src.id, powerState: st.powerState }, 'guest stopped for the move');
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const e = toStratoError(err);
    if (isNoAnswer(e)) return retryLater(deps, describeError(e));
    return rollBack(describeError(e));
  }
  return goTo(afterStop(rec), () => ({ powerState: 'SHUTDOWN', settledAtMs: deps.now() }));
};

export const moveNetStep: Step = async (rec, wf, deps) => {
  if (wf.abort) return goTo('move-rollback');
  const move = moveOf(rec);
  const net = needNet(deps);
  if (!net.bindMigrating)
    return rollBack('FAILED_PRECONDITION MOVES_NOT_SUPPORTED: networking cannot wire ports on two hosts');
  await net.bindMigrating(rec.id, rec.nics ?? [], move.destHost);
  const push = await net.pushHost(move.destHost);
  if (!push.ok) {
    if (isNoAnswer(push.error)) return retryLater(deps, describeError(push.error));
    return rollBack(describeError(push.error));
  }
  // The network's other hosts (the source among them) learn the destination as a VXLAN peer.
  net.pushSoon();
  deps.log.info({ hostId: move.destHost }, 'ports wired on the move destination');
  return goTo(afterNet(rec));
};

export const movePrepareStep: Step = async (rec, wf, deps) => {
  if (wf.abort) return goTo('move-rollback');
  const move = moveOf(rec);
  const dest = await moveAgent(deps, move.destHost);
  if (!dest) return rollBack(`UNAVAILABLE HOST_NOT_REGISTERED: destination host ${move.destHost} is not registered`);
  const nics = rec.nics ?? [];
  const parts = nics.length > 0 ? await needNet(deps).spawnParts(nics) : undefined;
  try {
    // The instance as it runs now (a resize changes the flavor after arrival).
    const req = await withIncomingVolumes(spawnRequest(rec, parts), rec, deps, move.destHost);
    const answer = await dest.moves.prepareIncoming(move.migrationId, req, { signal: deps.signal });
    deps.log.info({ hostId: dest.host.id }, 'move destination prepared');
    const destination = {
      migrationAddress: answer.migrationAddress,
      instanceDir: answer.instanceDir,
      imageDir: answer.imageDir,
      initiatorName: answer.initiatorName,
    };
    return goTo('move-start', (r) => ({ move: { ...moveOf(r), destination }, taskState: taskFor(move, 'migrating') }));
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const e = toStratoError(err);
    if (isNoAnswer(e)) return retryLater(deps, describeError(e));
    return rollBack(describeError(e));
  }
};

export const moveStartStep: Step = async (rec, wf, deps) => {
  if (wf.abort) return goTo('move-rollback');
  const move = moveOf(rec);
  const src = await moveAgent(deps, move.sourceHost);
  if (!src) return retryLater(deps, `source host ${move.sourceHost} is not registered`);
  await migrationStatus(deps, rec, 'running');
  try {
    await src.moves.startMigration(
      {
        instanceId: rec.id,
        migrationId: move.migrationId,
        live: move.kind === 'live',
        destination: {
          initiatorName: '',
          ...(move.destination ?? { migrationAddress: '', instanceDir: '', imageDir: '' }),
        },
        bandwidthMibS: move.bandwidthMibS,
        timeoutS: needMoves(deps).migrationTimeoutS,
      },
      { signal: deps.signal },
    );
    deps.log.info({ hostId: src.host.id, destination: move.destHost }, 'migration started');
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const e = toStratoError(err);
    if (isNoAnswer(e)) return retryLater(deps, describeError(e));
    return rollBack(describeError(e));
  }
  return goTo('move-wait');
};

/** Progress figures as the migration record keeps them. */
export function progressOf(s: AgentMigrationStatus): MigrationProgress {
  const n = (v: string | number) => Number(v) || 0;
  return {
    memoryTotalBytes: n(s.memoryTotalBytes),
    memoryProcessedBytes: n(s.memoryProcessedBytes),
    memoryRemainingBytes: n(s.memoryRemainingBytes),
    diskTotalBytes: n(s.diskTotalBytes),
    diskProcessedBytes: n(s.diskProcessedBytes),
    diskRemainingBytes: n(s.diskRemainingBytes),
    downtimeMs: s.downtimeMs,
    elapsedMs: n(s.elapsedMs),
  };
}

export type LostMigrationVerdict = 'completed' | 'failed' | 'running';

/**
 * Where a migration the source's agent no longer knows (it restarted) ended,
 * from where the domain is: on the destination and no longer active on the
 * source → completed (the source keeps a stopped copy until deleted, by the
 * contract); on the destination and still active on the source → still
 * running (the hypervisors go on without the agent); not on the destination
 * → failed (the guest is on the source). `undefined` = no domain there.
 */
export function lostMigrationVerdict(
  source: PowerState | undefined,
  dest: PowerState | undefined,
): LostMigrationVerdict {
  if (dest === undefined) return 'failed';
  if (source === 'RUNNING' || source === 'PAUSED') return 'running';
  return 'completed';
}

/** The domain's power state on a host; undefined when the host has none. */
export async function powerOn(
  moves: MoveAgentApi,
  instanceId: string,
  signal: AbortSignal,
): Promise<PowerState | undefined> {
  try {
    return powerStateFromHost((await moves.getInstance(instanceId, { signal })).powerState);
  } catch (err) {
    if (isStratoError(err) && err.code === 'NOT_FOUND') return undefined;
    throw err;
  }
}

export const moveWaitStep: Step = async (rec, wf, deps) => {
  const move = moveOf(rec);
  const src = await moveAgent(deps, move.sourceHost);
  if (!src) return retryLater(deps, `source host ${move.sourceHost} is not registered`);
  let st: AgentMigrationStatus;
  try {
    st = await src.moves.getMigration(rec.id, move.migrationId, { signal: deps.signal });
    if (wf.abort && st.state === 'RUNNING') {
      st = await src.moves.abortMigration(rec.id, move.migrationId, { signal: deps.signal });
      deps.log.info({ state: st.state }, 'migration abort asked');
    }
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const e = toStratoError(err);
    if (e.reason === 'MIGRATION_COMPLETED') return arrived(rec, deps, undefined);
    if (e.code === 'NOT_FOUND') return resolveLost(rec, deps, src.moves);
    if (isNoAnswer(e)) return retryLater(deps, describeError(e));
    return retryLater(deps, describeError(e));
  }
  switch (st.state) {
    case 'COMPLETED':
      return arrived(rec, deps, st);
    case 'FAILED':
      return rollBack(`ABORTED MIGRATION_FAILED: ${st.error || 'the hypervisor gave no reason'}`);
    case 'CANCELLED':
      return goTo('move-rollback', () => ({}), {
        moveError: wf.abort ? '' : 'CANCELLED MIGRATION_CANCELLED: timed out or cancelled on the host',
      });
    default:
      await migrationStatus(deps, rec, 'running', { progress: progressOf(st) });
      // A wait is not committed, so it is not "settled": the next turn polls again.
      return { kind: 'wait', ms: needMoves(deps).pollMs, why: 'migration running', poll: true };
  }
};

async function arrived(rec: InstanceRecord, deps: StepDeps, st: AgentMigrationStatus | undefined): Promise<Outcome> {
  const move = moveOf(rec);
  await migrationStatus(deps, rec, 'post-migrating', st ? { progress: progressOf(st) } : {});
  deps.log.info({ hostId: move.destHost, downtimeMs: st?.downtimeMs ?? 0 }, 'migration completed');
  return goTo('move-arrive', () => ({ taskState: taskFor(move, 'migrated') }), { arriveSinceMs: deps.now() });
}

/**
 * Whether a failing arrival is given up: a cold move or resize whose destination copy was
 * never asked to start (its CPUs never ran: the source's stopped copy is still the
 * server), failing for longer than hostWaitMs. A live arrival, or one whose start was
 * asked, runs on the destination or may: it is only ever asked again.
 */
function arrivalGivenUp(move: InstanceMove, wf: Workflow, deps: StepDeps): boolean {
  if (move.kind === 'live' || wf.destStartAsked || wf.arriveSinceMs === undefined) return false;
  return deps.now() - wf.arriveSinceMs >= needMoves(deps).hostWaitMs;
}

function arrivalFailed(move: InstanceMove, wf: Workflow, deps: StepDeps, why: string): Outcome {
  if (!arrivalGivenUp(move, wf, deps)) return retryLater(deps, why);
  const s = Math.round(needMoves(deps).hostWaitMs / 1000);
  deps.log.warn({ hostId: move.destHost, why }, 'arrival given up; the server goes back to its source');
  return rollBack(
    `DEADLINE_EXCEEDED MOVE_ARRIVAL_TIMED_OUT: destination ${move.destHost} could not finish the arrival within ${s} s (${why}); the server stays on ${move.sourceHost}`,
  );
}

async function resolveLost(rec: InstanceRecord, deps: StepDeps, srcMoves: MoveAgentApi): Promise<Outcome> {
  const move = moveOf(rec);
  const dest = await moveAgent(deps, move.destHost);
  if (!dest) return retryLater(deps, `destination host ${move.destHost} is not registered`);
  let verdict: LostMigrationVerdict;
  try {
    const [s, d] = await Promise.all([
      powerOn(srcMoves, rec.id, deps.signal),
      powerOn(dest.moves, rec.id, deps.signal),
    ]);
    verdict = lostMigrationVerdict(s, d);
    deps.log.info(
      { source: s ?? 'absent', destination: d ?? 'absent', verdict },
      'lost migration resolved by where the domain is',
    );
  } catch (err) {
    if (deps.signal.aborted) throw err;
    return retryLater(deps, errorText(err));
  }
  if (verdict === 'completed') return arrived(rec, deps, undefined);
  if (verdict === 'running')
    return { kind: 'wait', ms: needMoves(deps).pollMs, why: 'migration running (agent lost track)', poll: true };
  return rollBack('ABORTED MIGRATION_FAILED: the source agent lost the migration and the destination has no domain');
}

export const moveArriveStep: Step = async (rec, wf, deps) => {
  const move = moveOf(rec);
  const dest = await moveAgent(deps, move.destHost);
  if (!dest) return arrivalFailed(move, wf, deps, `destination host ${move.destHost} is not registered`);
  const agent = deps.agents.forHost(dest.host);
  let power: PowerState;
  try {
    power = (await powerOn(dest.moves, rec.id, deps.signal)) ?? 'NOSTATE';
    // Done already (a repeat after a crash): a guest that should run runs.
    const done = move.kind === 'live' || (move.wasRunning && power === 'RUNNING');
    if (!done) {
      if (power !== 'SHUTDOWN') {
        // Cold arrivals are paused: the contract says stop them (hard: their CPUs never ran).
        const st = await agent.action(
          { instanceId: rec.id, action: 'stop', hard: true, acpiTimeoutS: 0 },
          { signal: deps.signal },
        );
        power = powerStateFromHost(st.powerState);
      }
      if (move.kind === 'resize') {
        const f = move.flavor;
        await dest.moves.resize(
          rec.id,
          { name: f.name, vcpus: f.vcpus, ramMib: f.ramMib, diskGib: f.diskGib },
          { signal: deps.signal },
        );
        deps.log.info({ flavor: f.name }, 'destination copy resized');
      }
      if (move.wasRunning) {
        // Recorded before it is asked: from then on the destination's copy may run, and only it is the server.
        if (!wf.destStartAsked) return goTo('move-arrive', () => ({}), { destStartAsked: true });
        const st = await agent.action(
          { instanceId: rec.id, action: 'start', hard: false, acpiTimeoutS: 0 },
          { signal: deps.signal },
        );
        power = powerStateFromHost(st.powerState);
      }
    }
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const e = toStratoError(err);
    deps.log.warn({ code: e.code, reason: e.reason }, 'finishing the arrival failed');
    return arrivalFailed(move, wf, deps, describeError(e));
  }
  if (move.kind !== 'resize') return goTo('move-cleanup', () => ({ powerState: power }));
  return resizeArrived(rec, deps, power);
};

/** A resize has arrived: the server runs on the destination with the new flavor, waiting for confirm or revert. */
async function resizeArrived(rec: InstanceRecord, deps: StepDeps, power: PowerState): Promise<Outcome> {
  const move = moveOf(rec);
  // The ports belong to the destination now (the source's copy is stopped; a revert wires them back).
  if ((rec.nics ?? []).some((n) => n.portId !== '')) {
    const net = needNet(deps);
    await net.bindHost(rec.id, rec.nics ?? [], move.destHost);
    await net.bindMigrating?.(rec.id, rec.nics ?? [], '');
    net.pushSoon();
  }
  await migrationStatus(deps, rec, 'finished');
  deps.log.info({ hostId: move.destHost }, 'resize arrived; waiting for confirm or revert');
  return {
    kind: 'update',
    finish: {},
    apply: (r, _nowIso, nowMs) => {
      const { workflow: _done, fault: _gone, ...rest } = r;
      return {
        ...rest,
        host: move.destHost,
        flavor: move.flavor,
        vmState: 'RESIZED',
        powerState: power,
        taskState: '',
        move: { ...moveOf(r), arrivedAtMs: nowMs },
        settledAtMs: nowMs,
      };
    },
  };
}
