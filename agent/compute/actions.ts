// Power actions on an existing instance. Each is idempotent: an instance already in
// the action's target state succeeds without touching the guest. Soft stop and
// reboot go through ACPI and fall back to the hard way after the timeout, because
// a guest may ignore the button (no acpid yet, hung, or not listening at all).
import { failedPrecondition, invalidArgument, notFound } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { Hypervisor, PowerState } from '../hypervisor/hypervisor.ts';
import { waitForEvent, waitForPowerState } from './power-wait.ts';

export const ACTIONS = ['start', 'stop', 'reboot', 'pause', 'unpause', 'suspend', 'resume'] as const;
export type Action = (typeof ACTIONS)[number];

export function parseAction(action: string): Action {
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw invalidArgument(
      'UNKNOWN_ACTION',
      `action must be one of ${ACTIONS.join(', ')}; got ${JSON.stringify(action)}`,
      {
        details: { field: 'action' },
      },
    );
  }
  return action as Action;
}

export interface ActionOptions {
  hard: boolean;
  acpiTimeoutMs: number;
}

const off = (s: PowerState | undefined): boolean => s !== 'running' && s !== 'paused';

function illegal(id: string, action: Action, state: PowerState): Error {
  return failedPrecondition('INVALID_POWER_STATE', `cannot ${action} instance ${id} while it is ${state}`, {
    details: { action, powerState: state },
  });
}

/** Performs `action`; resolves once the guest is in the action's target state (or the fallback ran). */
export async function runAction(
  hv: Hypervisor,
  id: string,
  action: Action,
  opts: ActionOptions,
  log: Logger,
): Promise<void> {
  const state = await hv.powerState(id);
  if (state === undefined) throw notFound('INSTANCE_NOT_FOUND', `instance ${id} does not exist on this host`);
  switch (action) {
    case 'start':
    case 'resume':
      if (state === 'running') return;
      if (state === 'paused') throw illegal(id, action, state);
      if (action === 'resume' && state !== 'suspended') throw illegal(id, action, state);
      await hv.start(id); // restores the managed save image when there is one
      return;
    case 'stop':
      if (state === 'shutdown' || state === 'crashed' || state === 'nostate') return;
      if (state === 'suspended') return hv.discardSave(id);
      if (opts.hard || state === 'paused') return hv.destroy(id);
      return stopSoftly(hv, id, opts.acpiTimeoutMs, log);
    case 'reboot':
      if (state === 'suspended') throw illegal(id, action, state);
      if (off(state)) return hv.start(id);
      if (opts.hard || state === 'paused') return restart(hv, id);
      return rebootSoftly(hv, id, opts.acpiTimeoutMs, log);
    case 'pause':
      if (state === 'paused') return;
      if (state !== 'running') throw illegal(id, action, state);
      return hv.pause(id);
    case 'unpause':
      if (state === 'running') return;
      if (state !== 'paused') throw illegal(id, action, state);
      return hv.unpause(id);
    case 'suspend':
      if (state === 'suspended') return;
      if (state !== 'running' && state !== 'paused') throw illegal(id, action, state);
      return hv.save(id);
  }
}

async function stopSoftly(hv: Hypervisor, id: string, timeoutMs: number, log: Logger): Promise<void> {
  const stopped = waitForPowerState(hv, id, off, timeoutMs);
  await hv.acpiShutdown(id);
  if (await stopped) return;
  log.warn({ instanceId: id, timeoutMs }, 'guest ignored ACPI shutdown; destroying');
  await hv.destroy(id);
}

async function rebootSoftly(hv: Hypervisor, id: string, timeoutMs: number, log: Logger): Promise<void> {
  const rebooted = waitForEvent(hv, id, 'reboot', timeoutMs);
  await hv.acpiReboot(id);
  if (await rebooted) return;
  log.warn({ instanceId: id, timeoutMs }, 'guest ignored ACPI reboot; restarting it');
  await restart(hv, id);
}

/** Hard reboot: a fresh QEMU process (as Nova does), not just a reset line. */
async function restart(hv: Hypervisor, id: string): Promise<void> {
  await hv.destroy(id);
  await hv.start(id);
}
