// Evacuate: a server whose host died (down, fenced, disabled by the operator)
// is rebuilt on another host, as Nova's evacuate without shared storage:
//
//   evacuate-revoke    each volume's storage host revokes the dead host's access
//                      (new CHAP secret, export gone): a dead host that returns
//                      cannot touch the volume again
//   evacuate-schedule  a new placement, never the dead host (target host forced if
//                      asked); the dead host's claim goes back in the same call
//   evacuate-bind      the ports (same MACs and addresses) bound to the new host,
//                      its network state pushed before the guest runs there
//   evacuate-export    each volume exported to the new host
//   evacuate-spawn     the new host builds the guest: a fresh root disk from the
//                      image (or the boot volume), the data volumes attached at spawn;
//                      a server that was SHUTOFF is stopped again at once
//   evacuate-fail      ERROR on the dead host, no claim, its ports unbound; any
//                      half-built copy on the new host is removed (or marked stale)
//
// Every step is idempotent (the claim per instance, exports and spawns per id),
// so a conductor restarted anywhere resumes and ends it. A host or storage host
// that does not answer is waited for, up to the build timeout from the start.
import { StratoError } from '../../common/errors.ts';
import type { VolumeSpec } from '../../common/gen/strato/agent/v1/VolumeSpec.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { noValidHostMessage } from '../scheduler/no-valid-host.ts';
import { launched, needNet, spawnRequest } from './boot-steps.ts';
import type { Fault, InstanceRecord, Workflow } from './instance-record.ts';
import { powerStateFromHost } from './state-machine.ts';
import { needVolumes } from './volume-release.ts';
import { bootVolumeOf } from './volumes.ts';
import { describeError, type Outcome, type Step, type StepDeps } from './workflow.ts';

/** Longest single wait for a silent host. */
const MAX_WAIT_MS = 10_000;

const next = (step: Workflow['step'], extra: Partial<InstanceRecord> = {}): Outcome => ({
  kind: 'update',
  apply: (r) => ({ ...r, ...extra, workflow: { ...(r.workflow as Workflow), step } }),
});

function fail(e: Pick<StratoError, 'code' | 'reason'>, message: string): Outcome {
  const fault: Fault = { code: e.code, reason: e.reason, message, at: new Date().toISOString() };
  return {
    kind: 'update',
    apply: (r) => ({ ...r, workflow: { ...(r.workflow as Workflow), step: 'evacuate-fail', fault } }),
  };
}

/** A wait while a silent host may still answer within the build timeout from the evacuation's start; else a failure. */
function waitOrFail(wf: Workflow, deps: StepDeps, e: StratoError, what: string): Outcome {
  // The conductor is shutting down (a push or call cut short): the step runs again after the restart.
  if (deps.signal.aborted) throw e;
  const since = wf.startedAtMs ?? deps.now();
  const left = since + deps.buildTimeoutMs - deps.now();
  if (isNoAnswer(e) && left > 0) {
    return { kind: 'wait', ms: Math.min(left, MAX_WAIT_MS, 500 * 2 ** Math.min(deps.tries, 5)), why: describeError(e) };
  }
  deps.log.warn({ code: e.code, reason: e.reason }, 'evacuation step failed');
  return fail(e, `evacuation failed: ${what}: ${describeError(e)}`);
}

export const evacuateRevokeStep: Step = async (rec, wf, deps) => {
  for (const v of rec.volumes ?? []) {
    try {
      await needVolumes(deps).revoke(v.volumeId, deps.signal);
    } catch (err) {
      if (deps.signal.aborted) throw err;
      return waitOrFail(wf, deps, toStratoError(err), `the dead host's access to volume ${v.volumeId} was not revoked`);
    }
  }
  deps.log.info({ hostId: wf.evacuateFrom, volumes: (rec.volumes ?? []).length }, 'dead host access revoked');
  return next('evacuate-schedule', { taskState: 'evacuating' });
};

export const evacuateScheduleStep: Step = async (rec, wf, deps) => {
  const from = wf.evacuateFrom ?? rec.host;
  const boot = bootVolumeOf(rec.volumes) !== undefined;
  // Excluding the dead host gives its claim back (once: the claim record goes with the usage).
  const sel = await deps.claimer.place(
    {
      requestId: wf.requestId,
      instanceId: rec.id,
      projectId: rec.projectId,
      flavor: { vcpus: rec.flavor.vcpus, ramMiB: rec.flavor.ramMib, diskGiB: boot ? 0 : rec.flavor.diskGib },
      excludeHosts: [...new Set([from, ...wf.excludeHosts])],
      ...(wf.forceHost ? { forceHost: wf.forceHost } : {}),
    },
    { isAdmin: true },
  );
  if (!sel.ok) {
    deps.log.info({ reasons: sel.noValidHost.reasons }, 'no valid host for evacuation');
    return fail({ code: 'RESOURCE_EXHAUSTED', reason: 'NO_VALID_HOST' }, noValidHostMessage(sel.noValidHost));
  }
  const hostId = sel.placement.hostId;
  deps.log.info({ hostId, from }, 'evacuation scheduled');
  const step = (rec.nics ?? []).length > 0 ? 'evacuate-bind' : afterBind(rec);
  return next(step, { host: hostId });
};

function afterBind(rec: InstanceRecord): Workflow['step'] {
  return (rec.volumes ?? []).length > 0 ? 'evacuate-export' : 'evacuate-spawn';
}

export const evacuateBindStep: Step = async (rec, wf, deps) => {
  const net = needNet(deps);
  await net.bindHost(rec.id, rec.nics ?? [], rec.host);
  const push = await net.pushHost(rec.host);
  if (!push.ok) {
    // The pusher stops before the workflows when the conductor shuts down: not the host's fault.
    if (push.error.reason === 'NETWORK_PUSH_STOPPED') return { kind: 'wait', ms: 1000, why: push.error.message };
    return waitOrFail(wf, deps, push.error, `host ${rec.host}'s network was not pushed`);
  }
  // The dead host's copy of the ports goes when it is pushed again (on its return).
  net.pushSoon();
  deps.log.info({ hostId: rec.host }, 'ports bound to the new host and its network pushed');
  return next(afterBind(rec));
};

export const evacuateExportStep: Step = async (rec, wf, deps) => {
  for (const v of rec.volumes ?? []) {
    try {
      await needVolumes(deps).export(v.volumeId, rec.host, deps.signal);
    } catch (err) {
      if (deps.signal.aborted) throw err;
      return waitOrFail(wf, deps, toStratoError(err), `volume ${v.volumeId} was not exported to ${rec.host}`);
    }
  }
  return next('evacuate-spawn');
};

export const evacuateSpawnStep: Step = async (rec, wf, deps) => {
  const host = await deps.hosts.get(rec.host);
  if (!host) {
    const e = new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${rec.host} is not registered`);
    return waitOrFail(wf, deps, e, 'the new host is gone');
  }
  const vols = (rec.volumes ?? []).length > 0 ? needVolumes(deps) : undefined;
  const nics = rec.nics ?? [];
  const stopped = wf.targetVmState === 'SHUTOFF';
  let power: string;
  try {
    const parts = nics.length > 0 ? await needNet(deps).spawnParts(nics) : undefined;
    const boot = bootVolumeOf(rec.volumes);
    const specs: VolumeSpec[] = [];
    for (const v of rec.volumes ?? []) if (!v.boot && vols) specs.push(await vols.spec(v.volumeId));
    const req = spawnRequest(rec, parts, boot && vols ? await vols.spec(boot.volumeId) : undefined);
    if (specs.length > 0) req.volumes = specs;
    const agent = deps.agents.forHost(host);
    let status = await agent.spawn(req, { signal: deps.signal });
    // No spawn leaves a guest stopped: a server that was SHUTOFF is powered off at once (hard: it just booted).
    if (stopped && powerStateFromHost(status.powerState) !== 'SHUTDOWN') {
      status = await agent.action(
        { instanceId: rec.id, action: 'stop', hard: true, acpiTimeoutS: 0 },
        { signal: deps.signal },
      );
    }
    for (const v of rec.volumes ?? []) await vols?.attached(v.volumeId, rec.id);
    power = status.powerState;
  } catch (err) {
    if (deps.signal.aborted) throw err;
    return waitOrFail(wf, deps, toStratoError(err), `the spawn on ${rec.host} failed`);
  }
  const powerState = powerStateFromHost(power);
  deps.log.info({ hostId: host.id, from: wf.evacuateFrom, powerState }, 'instance evacuated');
  return launched(powerState, stopped ? 'SHUTOFF' : 'ACTIVE');
};

export const evacuateFailStep: Step = async (rec, wf, deps) => {
  const from = wf.evacuateFrom ?? rec.host;
  const fault = wf.fault ?? {
    code: 'INTERNAL',
    reason: 'EVACUATION_FAILED',
    message: 'evacuation failed',
    at: new Date().toISOString(),
  };
  let stale: string | undefined;
  if (rec.host !== from) {
    // A half-built copy on the new host goes; if that host cannot say, it is marked stale there.
    const host = await deps.hosts.get(rec.host);
    try {
      if (!host) throw new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${rec.host} is not registered`);
      await deps.agents.forHost(host).delete({ instanceId: rec.id }, { signal: deps.signal });
    } catch (err) {
      if (deps.signal.aborted) throw err;
      stale = rec.host;
    }
  }
  await deps.claimer.release(rec.id);
  if ((rec.nics ?? []).some((n) => n.portId !== '')) {
    await needNet(deps).bindHost(rec.id, rec.nics ?? [], '');
    needNet(deps).pushSoon();
  }
  deps.log.warn({ hostId: from, code: fault.code, reason: fault.reason }, 'evacuation failed');
  return {
    kind: 'update',
    finish: { error: fault.message },
    apply: (r, nowIso, nowMs) => {
      const { workflow: _done, ...rest } = r;
      // The dead host's copy is the server's only one again (it rests there): never stale.
      const staleOn = [...new Set([...(r.staleOn ?? []), ...(stale ? [stale] : [])])].filter((h) => h !== from);
      return {
        ...rest,
        // Where it was: evacuable again once the cause is fixed (the host stays down and disabled).
        host: from,
        vmState: 'ERROR',
        taskState: '',
        powerState: 'NOSTATE',
        fault: { ...fault, at: nowIso },
        staleOn,
        settledAtMs: nowMs,
      };
    },
  };
};
