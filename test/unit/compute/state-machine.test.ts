// The state machine's table: every action from every vm_state, legal exactly
// where the API contract (server.proto) says, with its task and target states.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTIONS,
  type Action,
  actionRefusal,
  deleteIsRepeat,
  parseAction,
  powerStateFromHost,
  ruleFor,
  VM_STATES,
  type VmState,
  vmStateForPower,
} from '../../../conductor/compute/state-machine.ts';

// Straight from the contract comment above ServerAction in server.proto.
const LEGAL: Record<string, VmState[]> = {
  start: ['SHUTOFF'],
  stop: ['ACTIVE', 'PAUSED', 'SUSPENDED', 'ERROR'],
  reboot: ['ACTIVE'],
  'reboot --hard': ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'ERROR'],
  pause: ['ACTIVE'],
  unpause: ['PAUSED'],
  suspend: ['ACTIVE'],
  resume: ['SUSPENDED'],
};

const TARGET: Record<string, [string, VmState, string]> = {
  start: ['powering-on', 'ACTIVE', 'RUNNING'],
  stop: ['powering-off', 'SHUTOFF', 'SHUTDOWN'],
  reboot: ['rebooting', 'ACTIVE', 'RUNNING'],
  'reboot --hard': ['rebooting_hard', 'ACTIVE', 'RUNNING'],
  pause: ['pausing', 'PAUSED', 'PAUSED'],
  unpause: ['unpausing', 'ACTIVE', 'RUNNING'],
  suspend: ['suspending', 'SUSPENDED', 'SUSPENDED'],
  resume: ['resuming', 'ACTIVE', 'RUNNING'],
};

const variants: Array<[string, Action, boolean]> = [
  ...ACTIONS.map((a) => [a, a, false] as [string, Action, boolean]),
  ['reboot --hard', 'reboot', true],
];

describe('state machine', () => {
  for (const [label, action, hard] of variants) {
    for (const vm of VM_STATES) {
      const legal = LEGAL[label]!.includes(vm);
      it(`${label} from ${vm}: ${legal ? 'legal' : 'INVALID_STATE'}`, () => {
        const refusal = actionRefusal({ vmState: vm, taskState: '' }, action, hard);
        if (legal) assert.equal(refusal, null);
        else {
          assert.equal(refusal?.code, 'FAILED_PRECONDITION');
          assert.equal(refusal?.reason, 'INVALID_STATE');
        }
      });
    }
    it(`${label}: task and target states`, () => {
      const r = ruleFor(action, hard);
      assert.deepEqual([r.task, r.vmState, r.powerState], TARGET[label]);
    });
  }

  it('refuses any action while a task runs, even a legal one', () => {
    for (const task of ['spawning', 'deleting', 'powering-off'] as const) {
      const r = actionRefusal({ vmState: 'ACTIVE', taskState: task }, 'stop', false);
      assert.equal(r?.reason, 'TASK_IN_PROGRESS');
    }
  });

  it('treats a repeated delete as a no-op only while deleting', () => {
    assert.equal(deleteIsRepeat({ vmState: 'ACTIVE', taskState: 'deleting' }), true);
    assert.equal(deleteIsRepeat({ vmState: 'BUILD', taskState: 'spawning' }), false);
    assert.equal(deleteIsRepeat({ vmState: 'ERROR', taskState: '' }), false);
  });

  it('parses action names strictly', () => {
    assert.equal(parseAction('pause'), 'pause');
    assert.throws(() => parseAction('Pause'), { code: 'INVALID_ARGUMENT', reason: 'ACTION_INVALID' });
    assert.throws(() => parseAction(''), { code: 'INVALID_ARGUMENT' });
  });

  it('maps host power states', () => {
    assert.equal(powerStateFromHost('running'), 'RUNNING');
    assert.equal(powerStateFromHost('shutdown'), 'SHUTDOWN');
    assert.equal(powerStateFromHost('weird'), 'NOSTATE');
    assert.equal(vmStateForPower('RUNNING'), 'ACTIVE');
    assert.equal(vmStateForPower('SHUTDOWN'), 'SHUTOFF');
    assert.equal(vmStateForPower('CRASHED'), 'SHUTOFF');
    assert.equal(vmStateForPower('PAUSED'), 'PAUSED');
    assert.equal(vmStateForPower('SUSPENDED'), 'SUSPENDED');
    assert.equal(vmStateForPower('NOSTATE'), undefined);
  });
});
