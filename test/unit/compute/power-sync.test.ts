// How host reports change an instance: only at rest, only when fresh, only
// from the instance's own host; absent means ERROR for a resting instance.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InstanceRecord } from '../../../conductor/compute/instance-record.ts';
import { type HostReport, observedAt, planReport } from '../../../conductor/compute/power-sync.ts';
import type { PowerState, VmState } from '../../../conductor/compute/state-machine.ts';

const NOW = '2026-01-01T00:00:10.000Z';

function rec(vmState: VmState, powerState: PowerState, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'vm',
    projectId: 'p',
    userId: 'u',
    image: { id: 'i', sha256: 'x', sizeBytes: 1, diskFormat: 'qcow2' },
    flavor: { id: 'f', name: 'f', vcpus: 1, ramMib: 1, diskGib: 1 },
    vmState,
    taskState: '',
    powerState,
    host: 'hv-1',
    createdAt: NOW,
    updatedAt: NOW,
    launchedAt: NOW,
    userData: '',
    metadata: {},
    settledAtMs: 1000,
    ...extra,
  };
}

const report = (powerState: string, observedAtMs = 2000): HostReport => ({
  instanceId: '00000000-0000-4000-8000-000000000001',
  powerState,
  event: 'stopped/shutdown',
  observedAtMs,
});

describe('planReport', () => {
  const table: Array<[VmState, PowerState, string, VmState | null, PowerState | null]> = [
    ['ACTIVE', 'RUNNING', 'shutdown', 'SHUTOFF', 'SHUTDOWN'],
    ['ACTIVE', 'RUNNING', 'crashed', 'SHUTOFF', 'CRASHED'],
    ['ACTIVE', 'RUNNING', 'paused', 'PAUSED', 'PAUSED'],
    ['SHUTOFF', 'SHUTDOWN', 'running', 'ACTIVE', 'RUNNING'],
    ['SUSPENDED', 'SUSPENDED', 'suspended', null, null],
    ['ACTIVE', 'RUNNING', 'running', null, null],
    ['ACTIVE', 'RUNNING', 'nostate', 'ACTIVE', 'NOSTATE'],
    ['ERROR', 'NOSTATE', 'running', 'ERROR', 'RUNNING'],
    ['ACTIVE', 'RUNNING', 'absent', 'ERROR', 'NOSTATE'],
    ['SHUTOFF', 'SHUTDOWN', 'absent', 'ERROR', 'NOSTATE'],
    ['ERROR', 'NOSTATE', 'absent', null, null],
    ['BUILD', 'NOSTATE', 'running', null, null],
  ];
  for (const [vm, power, reported, wantVm, wantPower] of table) {
    it(`${vm}/${power} + host says ${reported} → ${wantVm ?? 'no change'}`, () => {
      const out = planReport(rec(vm, power), 'hv-1', report(reported), NOW);
      if (wantVm === null) {
        assert.equal(out, undefined);
        return;
      }
      assert.ok(out);
      assert.equal(out.record.vmState, wantVm);
      assert.equal(out.record.powerState, wantPower);
      if (reported === 'absent') assert.equal(out.record.fault?.reason, 'INSTANCE_MISSING_ON_HOST');
    });
  }

  it('ignores reports while a task runs', () => {
    assert.equal(
      planReport(rec('ACTIVE', 'RUNNING', { taskState: 'powering-off' }), 'hv-1', report('shutdown'), NOW),
      undefined,
    );
  });

  it('ignores reports observed before the last settled change', () => {
    assert.equal(
      planReport(rec('SHUTOFF', 'SHUTDOWN', { settledAtMs: 5000 }), 'hv-1', report('running', 4000), NOW),
      undefined,
    );
  });

  it("ignores reports from a host that is not the instance's", () => {
    assert.equal(planReport(rec('ACTIVE', 'RUNNING'), 'hv-2', report('shutdown'), NOW), undefined);
    assert.equal(planReport(rec('ACTIVE', 'RUNNING'), 'hv-2', report('absent'), NOW), undefined);
  });

  it('reads the observation time, falling back when absent or garbage', () => {
    assert.equal(observedAt('2026-01-01T00:00:00.000Z', 7), Date.parse('2026-01-01T00:00:00.000Z'));
    assert.equal(observedAt('', 7), 7);
    assert.equal(observedAt('yesterday', 7), 7);
  });
});
