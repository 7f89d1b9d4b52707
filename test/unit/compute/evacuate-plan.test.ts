// Host evacuation, the pure part, table by table: which hosts may be evacuated
// (down AND disabled, a usable target), what happens to each server on the
// host, the record an evacuation starts from, and when a returning host's copy
// counts as stale (and that power sync never "corrects" a server from it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decideServer,
  evacuateRefusal,
  type HostFacts,
  startEvacuation,
} from '../../../conductor/compute/evacuate-plan.ts';
import { isStaleOn } from '../../../conductor/compute/evacuate-stale.ts';
import type { InstanceRecord } from '../../../conductor/compute/instance-record.ts';
import { planReport } from '../../../conductor/compute/power-sync.ts';
import type { TaskState, VmState } from '../../../conductor/compute/state-machine.ts';
import { bootingRecord, bootWorkflow } from './boot-record.ts';

const dead: HostFacts = { id: 'hv-1', state: 'down', enabled: false };

const resting = (vmState: VmState, over: Partial<InstanceRecord> = {}): InstanceRecord => {
  const { workflow: _none, ...r } = bootingRecord(bootWorkflow(), { vmState, taskState: '' });
  return { ...r, ...over };
};

describe('evacuate plan: which hosts', () => {
  const table: [string, HostFacts, HostFacts | undefined, string | null][] = [
    ['down and disabled', dead, undefined, null],
    ['up', { ...dead, state: 'up' }, undefined, 'HOST_NOT_DOWN'],
    ['up and enabled: down is said first', { ...dead, state: 'up', enabled: true }, undefined, 'HOST_NOT_DOWN'],
    ['down but enabled (not confirmed fenced)', { ...dead, enabled: true }, undefined, 'HOST_NOT_DISABLED'],
    ['a usable target', dead, { id: 'hv-2', state: 'up', enabled: true }, null],
    ['the dead host as target', dead, { ...dead }, 'TARGET_HOST_SAME'],
    ['a down target', dead, { id: 'hv-2', state: 'down', enabled: true }, 'TARGET_HOST_UNAVAILABLE'],
    ['a disabled target', dead, { id: 'hv-2', state: 'up', enabled: false }, 'TARGET_HOST_UNAVAILABLE'],
  ];
  for (const [what, host, target, reason] of table) {
    it(what, () => {
      const e = evacuateRefusal(host, target);
      assert.equal(e?.reason ?? null, reason);
      if (reason === 'TARGET_HOST_SAME') assert.equal(e?.code, 'INVALID_ARGUMENT');
      else if (reason) assert.equal(e?.code, 'FAILED_PRECONDITION');
    });
  }
  it('names the way out in its message', () => {
    assert.match(evacuateRefusal({ ...dead, enabled: true })?.message ?? '', /strato host disable hv-1/);
  });
});

describe('evacuate plan: what happens to each server', () => {
  const table: [VmState, TaskState, string][] = [
    ['ACTIVE', '', 'evacuating ACTIVE'],
    ['SHUTOFF', '', 'evacuating SHUTOFF'],
    ['PAUSED', '', 'evacuating ACTIVE'],
    ['SUSPENDED', '', 'evacuating ACTIVE'],
    ['ERROR', '', 'evacuating ACTIVE'],
    ['ACTIVE', 'powering-off', 'skipped'],
    ['BUILD', 'spawning', 'skipped'],
    ['DELETED', '', 'skipped'],
  ];
  for (const [vm, task, want] of table) {
    it(`${vm}${task ? `/${task}` : ''} → ${want}`, () => {
      const d = decideServer(resting(vm, { taskState: task }), 'hv-1');
      assert.equal(d.action === 'evacuating' ? `evacuating ${d.targetVmState}` : 'skipped', want);
      if (d.action === 'evacuating') assert.equal(d.start, true);
    });
  }

  it('skips a server busy with a workflow, saying so', () => {
    const d = decideServer(resting('ACTIVE', { workflow: bootWorkflow({ kind: 'delete', step: 'delete' }) }), 'hv-1');
    assert.equal(d.action, 'skipped');
    assert.match(d.action === 'skipped' ? d.reason : '', /busy/);
  });

  it('a server already evacuating from the host is listed again, not restarted', () => {
    const wf = bootWorkflow({
      kind: 'evacuate',
      step: 'evacuate-spawn',
      evacuateFrom: 'hv-1',
      targetVmState: 'SHUTOFF',
    });
    const d = decideServer(resting('SHUTOFF', { host: 'hv-2', taskState: 'evacuating', workflow: wf }), 'hv-1');
    assert.deepEqual(d, { action: 'evacuating', targetVmState: 'SHUTOFF', start: false });
  });

  it('a server on another host is not this evacuation’s', () => {
    assert.equal(decideServer(resting('ACTIVE', { host: 'hv-3' }), 'hv-1').action, 'skipped');
  });
});

describe('evacuate plan: the record an evacuation starts from', () => {
  it('has the workflow at its first step, the task shown, the dead host marked stale', () => {
    const wf = bootWorkflow({ id: 'w2' });
    const r = startEvacuation(resting('ACTIVE', { staleOn: ['hv-0'] }), wf, 'ACTIVE', 'T');
    assert.equal(r.taskState, 'evacuating');
    assert.equal(r.host, 'hv-1', 'still on the dead host until a new one is claimed');
    assert.deepEqual(r.staleOn, ['hv-0', 'hv-1']);
    assert.equal(r.workflow?.kind, 'evacuate');
    assert.equal(r.workflow?.step, 'evacuate-revoke');
    assert.equal(r.workflow?.evacuateFrom, 'hv-1');
    assert.equal(r.workflow?.targetVmState, 'ACTIVE');
  });
});

describe('evacuate plan: stale copies on a returning host', () => {
  const table: [string, Partial<InstanceRecord>, boolean][] = [
    ['evacuated to another host', { host: 'hv-2', staleOn: ['hv-1'] }, true],
    ['never evacuated from it (a live move in flight is not judged here)', { host: 'hv-2' }, false],
    ['back on that host (a failed evacuation rests there)', { host: 'hv-1', staleOn: ['hv-1'] }, false],
    ['evacuated from another host', { host: 'hv-2', staleOn: ['hv-3'] }, false],
  ];
  for (const [what, over, stale] of table) {
    it(`${what}: ${stale ? 'stale' : 'kept'}`, () => assert.equal(isStaleOn(resting('ACTIVE', over), 'hv-1'), stale));
  }

  it('a stale copy reported by the returning host never changes the server (no "correction")', () => {
    const r = resting('SHUTOFF', { host: 'hv-2', powerState: 'SHUTDOWN', staleOn: ['hv-1'] });
    for (const powerState of ['running', 'shutdown', 'absent']) {
      const out = planReport(r, 'hv-1', { instanceId: r.id, powerState, event: '', observedAtMs: 10_000 }, 'T');
      assert.equal(out, undefined, powerState);
    }
  });
});
