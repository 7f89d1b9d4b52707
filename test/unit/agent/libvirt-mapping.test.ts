import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventName, powerStateOf } from '../../../agent/hypervisor/libvirt/libvirt-hypervisor.ts';

const cases: [string, boolean, string][] = [
  ['RUNNING', false, 'running'],
  ['BLOCKED', false, 'running'],
  ['PAUSED', false, 'paused'],
  ['SHUTDOWN', false, 'running'],
  ['SHUTOFF', false, 'shutdown'],
  ['SHUTOFF', true, 'suspended'],
  ['CRASHED', false, 'crashed'],
  ['PMSUSPENDED', false, 'suspended'],
  ['NOSTATE', false, 'nostate'],
  ['UNKNOWN_42', false, 'nostate'],
];
for (const [state, saved, want] of cases) {
  test(`libvirt ${state}${saved ? ' + managed save' : ''} → ${want}`, () =>
    assert.equal(powerStateOf(state, saved), want));
}

test('lifecycle events are named event/detail in lower case', () => {
  assert.equal(eventName({ event: 'STOPPED', detail: 'SHUTDOWN' }), 'stopped/shutdown');
  assert.equal(eventName({ event: 'SUSPENDED', detail: 'PAUSED' }), 'suspended/paused');
});
