// The workflow steps that deal with a server's volumes:
//
//   block-device  (boot)  a boot volume made from the image: wait until it is ready
//                         (the volume's create kicks the server when it settles) → schedule
//   export        (boot)  the boot volume's storage host exports it to the chosen host → spawn
//   attach-volume (AddServerVolume)    export, then the server's host plugs the disk in;
//                         a failure undoes both and leaves the volume available
//   detach-volume (RemoveServerVolume) the server's host unplugs the disk (the guest must
//                         release it), then the export goes; a failure leaves it in-use
//   volumes       (delete) after the guest is gone: each volume's export goes and the
//                         volume is released (available, or deleted with delete_on_termination)
//
// A host that gives no answer is asked again (the workflow waits) until the
// volume timeout has passed since the action began, then the action fails
// saying so. Every call is idempotent on the agents, so a step repeated after a
// crash is safe.
import { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { failWith } from './boot-steps.ts';
import type { Fault, InstanceRecord, Workflow } from './instance-record.ts';
import { needVolumes, releaseVolumes } from './volume-release.ts';
import { bootVolumeOf, type InstanceVolume } from './volumes.ts';
import { describeError, type Outcome, type Step, type StepDeps } from './workflow.ts';

/** Longest single wait for a silent host: one that comes back is usually noticed sooner, by its registration. */
const MAX_WAIT_MS = 10_000;

const faultOf = (e: StratoError, at = new Date().toISOString()): Fault => ({
  code: e.code,
  reason: e.reason,
  message: e.message,
  at,
});

/** No answer from a host, and still time to wait for it (from `since`, within `timeoutMs`): the wait. */
function stillWaiting(deps: StepDeps, since: number, timeoutMs: number, e: StratoError): Outcome | undefined {
  if (!isNoAnswer(e)) return undefined;
  const left = since + timeoutMs - deps.now();
  if (left <= 0) return undefined;
  const ms = Math.min(left, MAX_WAIT_MS, 500 * 2 ** Math.min(deps.tries, 5));
  return { kind: 'wait', ms, why: describeError(e) };
}

/** A host that is not registered right now answers nothing. */
const unregistered = (hostId: string) =>
  new StratoError('UNAVAILABLE', 'UNAVAILABLE', `host ${hostId || '(none)'} is not registered`);

/** Ends a volume action: the server's volumes become `volumes`, the event says how it went. */
function settle(volumes: readonly InstanceVolume[], error?: StratoError): Outcome {
  return {
    kind: 'update',
    finish: error ? { error: describeError(error) } : {},
    apply: (r, _nowIso, nowMs) => {
      const { workflow: _done, volumes: _old, ...rest } = r;
      return { ...rest, ...(volumes.length > 0 ? { volumes: [...volumes] } : {}), taskState: '', settledAtMs: nowMs };
    },
  };
}

const without = (rec: InstanceRecord, volumeId: string) => (rec.volumes ?? []).filter((v) => v.volumeId !== volumeId);

export const blockDeviceStep: Step = async (rec, _wf, deps) => {
  const boot = bootVolumeOf(rec.volumes);
  if (boot) {
    const state = await needVolumes(deps).bootVolumeState(boot.volumeId);
    // The volume's create kicks this server when it settles; the wait is the safety net.
    if (state.kind === 'pending') return { kind: 'wait', ms: MAX_WAIT_MS, why: 'the boot volume is being made' };
    if (state.kind === 'failed') return failWith(state.fault);
  }
  return {
    kind: 'update',
    apply: (r) => ({ ...r, taskState: 'scheduling', workflow: { ...(r.workflow as Workflow), step: 'schedule' } }),
  };
};

export const exportStep: Step = async (rec, wf, deps) => {
  const boot = bootVolumeOf(rec.volumes);
  if (boot) {
    try {
      await needVolumes(deps).export(boot.volumeId, rec.host, deps.signal);
    } catch (err) {
      if (deps.signal.aborted) throw err;
      const e = toStratoError(err);
      // The storage host may be restarting: the build waits for it as long as it would for its own host.
      const wait = stillWaiting(deps, wf.placedAtMs ?? deps.now(), deps.buildTimeoutMs, e);
      if (wait) return wait;
      deps.log.warn({ volumeId: boot.volumeId, code: e.code, reason: e.reason }, 'boot volume export failed');
      const message = `the boot volume could not be exported to host ${rec.host}: ${describeError(e)}`;
      return failWith({ ...faultOf(e), message });
    }
  }
  return {
    kind: 'update',
    apply: (r) => ({ ...r, taskState: 'spawning', workflow: { ...(r.workflow as Workflow), step: 'spawn' } }),
  };
};

/**
 * Runs `f` against the server's host for the volume the action names; the
 * outcome is the action's end (settled by `then`), or a wait while a silent host
 * may still answer within the volume timeout.
 */
async function onServerHost(
  rec: InstanceRecord,
  wf: Workflow,
  deps: StepDeps,
  f: (host: AgentTarget, volumeId: string) => Promise<void>,
  then: (host: AgentTarget | undefined, volumeId: string, error?: StratoError) => Promise<Outcome>,
): Promise<Outcome> {
  const id = wf.volumeId ?? '';
  if (!(rec.volumes ?? []).some((v) => v.volumeId === id)) return settle(rec.volumes ?? []);
  const host = await deps.hosts.get(rec.host);
  try {
    if (!host) throw unregistered(rec.host);
    await f(host, id);
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const error = toStratoError(err);
    const timeoutMs = deps.volumeTimeoutMs ?? 600_000;
    const wait = stillWaiting(deps, wf.startedAtMs ?? deps.now(), timeoutMs, error);
    if (wait) return wait;
    if (!isNoAnswer(error)) return then(host, id, error);
    const silentFor = `host ${rec.host} did not answer within ${Math.round(timeoutMs / 1000)} s`;
    return then(host, id, new StratoError('UNAVAILABLE', 'HOST_UNREACHABLE', `${silentFor}: ${error.message}`));
  }
  return then(host, id);
}

export const attachVolumeStep: Step = async (rec, wf, deps) => {
  const vols = needVolumes(deps);
  return onServerHost(
    rec,
    wf,
    deps,
    async (host, id) => {
      await vols.export(id, rec.host, deps.signal);
      await vols.attach(host, rec.id, await vols.spec(id), deps.signal);
    },
    async (host, id, error) => {
      if (!error) {
        await vols.attached(id, rec.id);
        deps.log.info({ volumeId: id, hostId: rec.host }, 'volume attached');
        return settle(rec.volumes ?? []);
      }
      // Undo both sides: whatever the server's host plugged in goes, then the export.
      deps.log.warn({ volumeId: id, code: error.code, reason: error.reason }, 'volume attach failed; undoing it');
      if (host) await vols.detach(host, rec.id, id, deps.signal).catch(() => {});
      await vols.unexport(id, deps.signal);
      await vols.release(id, rec.id, false, faultOf(error));
      return settle(without(rec, id), error);
    },
  );
};

export const detachVolumeStep: Step = async (rec, wf, deps) => {
  const vols = needVolumes(deps);
  return onServerHost(
    rec,
    wf,
    deps,
    (host, id) => vols.detach(host, rec.id, id, deps.signal),
    async (_host, id, error) => {
      if (error) {
        deps.log.warn({ volumeId: id, code: error.code, reason: error.reason }, 'volume detach failed');
        await vols.detachFailed(id, rec.id, faultOf(error));
        return settle(rec.volumes ?? [], error);
      }
      // The guest has let go: the export goes (or the reconcile removes it), then the attachment.
      await vols.unexport(id, deps.signal);
      await vols.release(id, rec.id, false);
      deps.log.info({ volumeId: id, hostId: rec.host }, 'volume detached');
      return settle(without(rec, id));
    },
  );
};

export const volumesStep: Step = async (rec, _wf, deps) => {
  await releaseVolumes(rec, deps, (v) => v.deleteOnTermination);
  deps.log.info({ volumes: (rec.volumes ?? []).map((v) => v.volumeId) }, 'volumes released');
  const next = (rec.nics ?? []).length > 0 ? 'unplug' : 'release';
  return {
    kind: 'update',
    apply: (r) => {
      const { volumes: _gone, ...rest } = r;
      return { ...rest, workflow: { ...(r.workflow as Workflow), step: next } };
    },
  };
};
