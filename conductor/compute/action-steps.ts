// Power actions: one agent call (which waits for the guest: ACPI then hard for
// soft stop/reboot), then the states follow what the host reports back. A
// failed action leaves vm_state as it was, clears the task and records the
// error in the server's events; a guest the host no longer has goes to ERROR.
// A start the host refuses for a lost volume secret (VOLUME_SECRET_MISSING)
// attaches the server's volumes again, which restores it, and acts again.

import { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import type { InstanceRecord } from './instance-record.ts';
import { type Action, powerStateFromHost, ruleFor, vmStateForPower } from './state-machine.ts';
import { needVolumes } from './volume-release.ts';
import { describeError, type Step, type StepDeps } from './workflow.ts';

/** Attaches every volume of the server again (idempotent; it restores lost CHAP secrets); the first failure, if any. */
async function restoreVolumeSecrets(
  rec: InstanceRecord,
  host: AgentTarget,
  deps: StepDeps,
): Promise<StratoError | undefined> {
  const vols = needVolumes(deps);
  try {
    for (const v of rec.volumes ?? []) await vols.attach(host, rec.id, await vols.spec(v.volumeId), deps.signal);
    deps.log.info({ volumes: (rec.volumes ?? []).length }, 'volume secrets restored');
    return undefined;
  } catch (err) {
    if (deps.signal.aborted) throw err;
    return toStratoError(err);
  }
}

export const actStep: Step = async (rec, wf, deps) => {
  const action = wf.action as Action;
  const hard = wf.hard === true;
  const rule = ruleFor(action, hard);
  const soft = (action === 'stop' || action === 'reboot') && !hard;
  let error: StratoError;
  const host = await deps.hosts.get(rec.host);
  if (!host) {
    error = new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${rec.host || '(none)'} is not registered`);
  } else {
    try {
      const status = await deps.agents
        .forHost(host)
        .action(
          { instanceId: rec.id, action, hard, acpiTimeoutS: soft ? deps.acpiTimeoutS : 0 },
          { signal: deps.signal },
        );
      const power = powerStateFromHost(status.powerState);
      const vm = vmStateForPower(power) ?? rule.vmState;
      deps.log.info({ action, hard, powerState: power }, 'action done');
      return {
        kind: 'update',
        finish: {},
        apply: (r, _nowIso, nowMs) => {
          const { workflow: _done, fault: _gone, ...rest } = r;
          return { ...rest, vmState: vm, powerState: power, taskState: '', settledAtMs: nowMs };
        },
      };
    } catch (err) {
      if (deps.signal.aborted) throw err;
      error = toStratoError(err);
      // The host lost a volume's CHAP secret (libvirtd keeps it in memory only, and the
      // agent restarted too): attaching the volumes again puts it back; then the action again.
      if (error.reason === 'VOLUME_SECRET_MISSING' && deps.tries < 2 && (rec.volumes ?? []).length > 0) {
        const restored = await restoreVolumeSecrets(rec, host, deps);
        if (restored === undefined) return { kind: 'wait', ms: 0, why: 'volume secrets restored; acting again' };
        error = restored;
      }
    }
  }
  deps.log.warn({ action, code: error.code, reason: error.reason }, 'action failed');
  const missing = error.code === 'NOT_FOUND';
  return {
    kind: 'update',
    finish: { error: describeError(error) },
    apply: (r, nowIso, nowMs) => {
      const { workflow: _done, ...rest } = r;
      if (!missing) return { ...rest, taskState: '', settledAtMs: nowMs };
      return {
        ...rest,
        taskState: '',
        vmState: 'ERROR',
        powerState: 'NOSTATE',
        fault: { code: error.code, reason: 'INSTANCE_MISSING_ON_HOST', message: error.message, at: nowIso },
        settledAtMs: nowMs,
      };
    },
  };
};
