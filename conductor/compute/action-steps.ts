// Power actions: one agent call (which waits for the guest: ACPI then hard for
// soft stop/reboot), then the states follow what the host reports back. A
// failed action leaves vm_state as it was, clears the task and records the
// error in the server's events; a guest the host no longer has goes to ERROR.

import { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { type Action, powerStateFromHost, ruleFor, vmStateForPower } from './state-machine.ts';
import { describeError, type Step } from './workflow.ts';

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
