// The instance state machine, as in Nova: vm_state is where the instance rests,
// task_state the operation in progress ('' when idle), power_state what the
// hypervisor last reported. Pure and table-tested (test/unit/compute): which
// action is legal in which state, which task state it runs under, and where it
// lands. The API answers FAILED_PRECONDITION from here before anything changes.
import { echo, failedPrecondition, invalidArgument, type StratoError } from '../../common/errors.ts';

export const VM_STATES = ['BUILD', 'ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'ERROR', 'DELETED', 'RESIZED'] as const;
export type VmState = (typeof VM_STATES)[number];

export const POWER_STATES = ['NOSTATE', 'RUNNING', 'SHUTDOWN', 'PAUSED', 'SUSPENDED', 'CRASHED'] as const;
export type PowerState = (typeof POWER_STATES)[number];

export type TaskState =
  | ''
  | 'scheduling'
  | 'networking'
  | 'spawning'
  | 'attaching-port'
  | 'detaching-port'
  | 'block-device-mapping'
  | 'attaching-volume'
  | 'detaching-volume'
  | 'deleting'
  | 'powering-on'
  | 'powering-off'
  | 'rebooting'
  | 'rebooting_hard'
  | 'pausing'
  | 'unpausing'
  | 'suspending'
  | 'resuming'
  | 'evacuating'
  // Moves (move-rules.ts), Nova's names.
  | 'migrating'
  | 'resize_prep'
  | 'resize_migrating'
  | 'resize_migrated'
  | 'resize_finish'
  | 'resize_confirming'
  | 'resize_reverting'
  // Nova's names: a snapshot; a rebuild, then its spawn (image-rebuild-rules.ts).
  | 'image_snapshot'
  | 'rebuilding'
  | 'rebuild_spawning';

export const ACTIONS = ['start', 'stop', 'reboot', 'pause', 'unpause', 'suspend', 'resume'] as const;
export type Action = (typeof ACTIONS)[number];

interface Rule {
  /** vm_states where the action is legal. */
  from: readonly VmState[];
  task: TaskState;
  /** Where a successful action lands. */
  vmState: VmState;
  powerState: PowerState;
}

const RUNNABLE: readonly VmState[] = ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'ERROR'];

const RULES: Record<Action, Rule> = {
  start: { from: ['SHUTOFF'], task: 'powering-on', vmState: 'ACTIVE', powerState: 'RUNNING' },
  stop: {
    from: ['ACTIVE', 'PAUSED', 'SUSPENDED', 'ERROR'],
    task: 'powering-off',
    vmState: 'SHUTOFF',
    powerState: 'SHUTDOWN',
  },
  reboot: { from: ['ACTIVE'], task: 'rebooting', vmState: 'ACTIVE', powerState: 'RUNNING' },
  pause: { from: ['ACTIVE'], task: 'pausing', vmState: 'PAUSED', powerState: 'PAUSED' },
  unpause: { from: ['PAUSED'], task: 'unpausing', vmState: 'ACTIVE', powerState: 'RUNNING' },
  suspend: { from: ['ACTIVE'], task: 'suspending', vmState: 'SUSPENDED', powerState: 'SUSPENDED' },
  resume: { from: ['SUSPENDED'], task: 'resuming', vmState: 'ACTIVE', powerState: 'RUNNING' },
};

// A hard reboot is the way out of most trouble, so it is legal almost everywhere.
const HARD_REBOOT: Rule = { from: RUNNABLE, task: 'rebooting_hard', vmState: 'ACTIVE', powerState: 'RUNNING' };

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

/** Errors: INVALID_ARGUMENT/ACTION_INVALID for a name that is no action. */
export function parseAction(value: string): Action {
  if (!isAction(value)) {
    throw invalidArgument('ACTION_INVALID', `action must be one of ${ACTIONS.join(', ')}, got ${echo(value)}`, {
      details: { field: 'action' },
    });
  }
  return value;
}

export function ruleFor(action: Action, hard: boolean): Rule {
  return action === 'reboot' && hard ? HARD_REBOOT : RULES[action];
}

export interface StateView {
  vmState: VmState;
  taskState: TaskState;
}

/**
 * Null when `action` may start now, else the FAILED_PRECONDITION to answer:
 * TASK_IN_PROGRESS while another task runs, INVALID_STATE from a wrong vm_state.
 */
export function actionRefusal(s: StateView, action: Action, hard: boolean): StratoError | null {
  if (s.taskState !== '') {
    return failedPrecondition(
      'TASK_IN_PROGRESS',
      `cannot ${action}: the server is busy (task ${s.taskState}); wait for it to finish`,
      { details: { vmState: s.vmState, taskState: s.taskState, action } },
    );
  }
  const rule = ruleFor(action, hard);
  if (!rule.from.includes(s.vmState)) {
    const what = action === 'reboot' && hard ? 'reboot --hard' : action;
    return failedPrecondition(
      'INVALID_STATE',
      `cannot ${what} a server in vm_state ${s.vmState} (allowed in ${rule.from.join(', ')})`,
      { details: { vmState: s.vmState, action } },
    );
  }
  return null;
}

/** vm_states where a NIC or a volume may be hot-plugged or unplugged. */
export const PORT_CHANGE_STATES: readonly VmState[] = ['ACTIVE', 'SHUTOFF'];

/** Null when a NIC (or a volume) may be added/removed now, else the FAILED_PRECONDITION to answer. */
export function portChangeRefusal(
  s: StateView,
  what: 'add port' | 'remove port' | 'attach volume' | 'detach volume',
): StratoError | null {
  if (s.taskState !== '') {
    return failedPrecondition(
      'TASK_IN_PROGRESS',
      `cannot ${what}: the server is busy (task ${s.taskState}); wait for it to finish`,
      { details: { vmState: s.vmState, taskState: s.taskState, action: what } },
    );
  }
  if (!PORT_CHANGE_STATES.includes(s.vmState)) {
    return failedPrecondition(
      'INVALID_STATE',
      `cannot ${what} on a server in vm_state ${s.vmState} (allowed in ${PORT_CHANGE_STATES.join(', ')})`,
      { details: { vmState: s.vmState, action: what } },
    );
  }
  return null;
}

/** Delete is legal in every state; repeating it while deleting is a no-op. */
export function deleteIsRepeat(s: StateView): boolean {
  return s.taskState === 'deleting';
}

/** The agent's lower-case power state as ours; unknown words read as NOSTATE. */
export function powerStateFromHost(value: string): PowerState {
  const up = value.toUpperCase();
  return (POWER_STATES as readonly string[]).includes(up) ? (up as PowerState) : 'NOSTATE';
}

/**
 * The vm_state a resting instance has given what the host reports, or undefined
 * when the report says nothing about it (NOSTATE). Used when a guest changes on
 * its own (powered itself off) and to settle an action from the actual state.
 */
export function vmStateForPower(p: PowerState): VmState | undefined {
  switch (p) {
    case 'RUNNING':
      return 'ACTIVE';
    case 'SHUTDOWN':
    case 'CRASHED':
      return 'SHUTOFF';
    case 'PAUSED':
      return 'PAUSED';
    case 'SUSPENDED':
      return 'SUSPENDED';
    default:
      return undefined;
  }
}

/** vm_states whose power state follows the host (not in flux, not failed, not gone). */
export const RESTING: readonly VmState[] = ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED'];
