// The pure rules of moves: which verb is legal in which state (and the reason
// when not), the flavor a resize may go to, the Nova status a server shows, the
// verdict on a migration its source agent forgot, and what a resizing server
// counts against its project's quota.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InstanceMove } from '../../../conductor/compute/instance-record.ts';
import { type MoveVerb, moveRefusal, novaStatus, resizeFlavorRefusal } from '../../../conductor/compute/move-rules.ts';
import { lostMigrationVerdict } from '../../../conductor/compute/move-steps.ts';
import type { PowerState, TaskState, VmState } from '../../../conductor/compute/state-machine.ts';
import { instanceUsage, usageChange } from '../../../conductor/compute/usage.ts';

const at = (vmState: VmState, taskState: TaskState = '', extra: { host?: string; volumes?: number } = {}) => ({
  vmState,
  taskState,
  host: extra.host ?? 'hv-1',
  volumes: Array.from({ length: extra.volumes ?? 0 }, (_, i) => ({
    volumeId: `v${i}`,
    device: 'vdb',
    boot: false,
    deleteOnTermination: false,
  })),
});

describe('moveRefusal', () => {
  const cases: [string, ReturnType<typeof at>, MoveVerb, string | null][] = [
    ['cold from ACTIVE', at('ACTIVE'), 'migrate', null],
    ['cold from SHUTOFF', at('SHUTOFF'), 'migrate', null],
    ['live from ACTIVE', at('ACTIVE'), 'live-migrate', null],
    ['live from SHUTOFF', at('SHUTOFF'), 'live-migrate', 'INVALID_STATE'],
    ['cold from PAUSED', at('PAUSED'), 'migrate', 'INVALID_STATE'],
    ['cold from ERROR', at('ERROR'), 'migrate', 'INVALID_STATE'],
    ['resize from ACTIVE', at('ACTIVE'), 'resize', null],
    ['resize from RESIZED', at('RESIZED'), 'resize', 'INVALID_STATE'],
    ['resize while busy', at('ACTIVE', 'rebooting'), 'resize', 'TASK_IN_PROGRESS'],
    ['migrate while migrating', at('ACTIVE', 'migrating'), 'migrate', 'TASK_IN_PROGRESS'],
    ['confirm from RESIZED', at('RESIZED'), 'confirm-resize', null],
    ['revert from RESIZED', at('RESIZED'), 'revert-resize', null],
    ['confirm from ACTIVE', at('ACTIVE'), 'confirm-resize', 'INVALID_STATE'],
    ['revert while confirming', at('RESIZED', 'resize_confirming'), 'revert-resize', 'TASK_IN_PROGRESS'],
    ['with volumes', at('ACTIVE', '', { volumes: 1 }), 'migrate', null],
    ['live with volumes', at('ACTIVE', '', { volumes: 1 }), 'live-migrate', null],
    ['resize with volumes', at('ACTIVE', '', { volumes: 2 }), 'resize', null],
    ['on no host', at('ACTIVE', '', { host: '' }), 'live-migrate', 'NOT_ON_HOST'],
  ];
  for (const [name, s, verb, reason] of cases) {
    it(name, () => {
      const r = moveRefusal(s, verb);
      assert.equal(r?.reason ?? null, reason);
      if (r) assert.equal(r.code, 'FAILED_PRECONDITION');
    });
  }
});

describe('resizeFlavorRefusal', () => {
  const f = (id: string, diskGib: number) => ({ id, name: id, vcpus: 1, ramMib: 256, diskGib });
  it('allows a bigger or equal disk', () => {
    assert.equal(resizeFlavorRefusal(f('a', 1), f('b', 2)), null);
    assert.equal(resizeFlavorRefusal(f('a', 1), f('b', 1)), null);
  });
  it('refuses a smaller disk, naming the flavor field', () => {
    const r = resizeFlavorRefusal(f('a', 2), f('b', 1));
    assert.equal(r?.reason, 'DISK_SHRINK_REFUSED');
    assert.equal(r?.details?.['field'], 'flavor');
    assert.match(r?.message ?? '', /never shrink/);
  });
  it('refuses the same flavor', () => assert.equal(resizeFlavorRefusal(f('a', 1), f('a', 1))?.reason, 'SAME_FLAVOR'));
});

describe('novaStatus', () => {
  const cases: [VmState, TaskState, string][] = [
    ['ACTIVE', '', 'ACTIVE'],
    ['ACTIVE', 'migrating', 'MIGRATING'],
    ['ACTIVE', 'resize_prep', 'RESIZE'],
    ['SHUTOFF', 'resize_migrating', 'RESIZE'],
    ['RESIZED', '', 'VERIFY_RESIZE'],
    ['RESIZED', 'resize_confirming', 'VERIFY_RESIZE'],
    ['RESIZED', 'resize_reverting', 'REVERT_RESIZE'],
    ['ERROR', '', 'ERROR'],
  ];
  for (const [vm, task, want] of cases)
    it(`${vm}/${task || '-'} → ${want}`, () => assert.equal(novaStatus(vm, task), want));
});

describe('lostMigrationVerdict (source agent forgot the migration)', () => {
  const cases: [PowerState | undefined, PowerState | undefined, string][] = [
    ['SHUTDOWN', 'RUNNING', 'completed'], // live arrived; the source keeps a stopped copy
    [undefined, 'RUNNING', 'completed'],
    ['SHUTDOWN', 'PAUSED', 'completed'], // cold arrived paused
    ['RUNNING', 'PAUSED', 'running'], // live still copying
    ['PAUSED', 'PAUSED', 'running'], // cold still copying
    ['RUNNING', undefined, 'failed'],
    ['SHUTDOWN', undefined, 'failed'],
    [undefined, undefined, 'failed'],
  ];
  for (const [src, dst, want] of cases) {
    it(`source ${src ?? 'absent'}, destination ${dst ?? 'absent'} → ${want}`, () =>
      assert.equal(lostMigrationVerdict(src, dst), want));
  }
});

describe('quota usage of a resizing server', () => {
  const small = { id: 's', name: 's', vcpus: 1, ramMib: 256, diskGib: 1 };
  const big = { id: 'b', name: 'b', vcpus: 4, ramMib: 128, diskGib: 2 };
  const move = (flavor = big, oldFlavor = small): InstanceMove => ({
    migrationId: 'm',
    kind: 'resize',
    sourceHost: 'a',
    destHost: 'b',
    forceHost: '',
    flavor,
    oldFlavor,
    wasRunning: true,
    bandwidthMibS: 0,
  });
  it('counts the larger of each resource while the resize may go either way', () => {
    const u = instanceUsage.usageOf({ projectId: 'p', flavor: small, move: move() }).delta;
    assert.deepEqual(u, { instances: 1, cores: 4, ramMib: 256 });
  });
  it('a migration counts its one flavor', () => {
    const u = instanceUsage.usageOf({ projectId: 'p', flavor: small, move: { ...move(small), kind: 'live' } }).delta;
    assert.deepEqual(u, { instances: 1, cores: 1, ramMib: 256 });
  });
  it('accepting, confirming and reverting change the count by the difference', () => {
    const idle = { projectId: 'p', flavor: small };
    const resizing = { ...idle, move: move() };
    assert.deepEqual(usageChange(idle, resizing), { cores: 3, ramMib: 0 });
    assert.deepEqual(usageChange({ ...resizing, flavor: big }, { projectId: 'p', flavor: big }), {
      cores: 0,
      ramMib: -128,
    });
    assert.deepEqual(usageChange(resizing, idle), { cores: -3, ramMib: 0 });
  });
});
