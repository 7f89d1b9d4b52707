// The instance manager against the stateful fake hypervisor, with fake disk tools
// and image store that write real placeholder files (compute-fixture.ts), so
// "nothing left behind" is checked on a real directory.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SpawnRequest } from '../../../agent/compute/spawn-request.ts';
import { isStratoError, StratoError } from '../../../common/errors.ts';
import { req, SHA, settle, setup } from './compute-fixture.ts';

test('spawn defines and starts the domain with overlay, config drive and console in the instance dir', async () => {
  const { stateDir, hv, manager, changes } = await setup();
  const r = req();
  const st = await manager.spawn(r);
  assert.deepEqual(st, { instanceId: r.instanceId, powerState: 'running', domainName: `strato-${r.instanceId}` });
  const d = hv.domains.get(r.instanceId)!;
  assert.deepEqual(d.spec.rootDisk, {
    path: join(stateDir, 'instances', r.instanceId, 'disk.qcow2'),
    backing: { path: join(stateDir, 'images', SHA), format: 'qcow2' },
  });
  assert.equal(d.spec.configDrive?.path, join(stateDir, 'instances', r.instanceId, 'disk.config'));
  assert.equal(d.spec.consoleLogPath, join(stateDir, 'instances', r.instanceId, 'console.log'));
  assert.deepEqual((await readdir(join(stateDir, 'instances', r.instanceId))).sort(), ['disk.config', 'disk.qcow2']);
  await settle();
  // Events are read back as the actual state: a spawn never reports a half-built
  // instance (e.g. shutdown after define), and its settled state comes first.
  assert.deepEqual(changes[0] && [changes[0].powerState, changes[0].event], ['running', 'spawned']);
  assert.ok(changes.every((c) => c.powerState === 'running'));
});

test('spawn of an existing instance returns its state and changes nothing', async () => {
  const { hv, images, manager } = await setup();
  const r = req();
  await manager.spawn(r);
  const calls = hv.calls.length;
  assert.equal((await manager.spawn(r)).powerState, 'running');
  assert.equal(hv.calls.length, calls);
  assert.equal(images.ensured, 1);
});

test('spawn of a defined but stopped instance (spawn cut short before start) starts it', async () => {
  const { hv, manager } = await setup();
  const r = req();
  await manager.spawn(r);
  await hv.destroy(r.instanceId);
  assert.equal((await manager.spawn(r)).powerState, 'running');
});

test('a re-sent spawn whose domain records a different spec is refused and the domain left alone', async () => {
  const { hv, manager } = await setup();
  const r = req();
  await manager.spawn(r);
  const calls = hv.calls.length;
  const other = { ...r, flavor: { ...r.flavor, ramMiB: 512 } };
  await assert.rejects(
    manager.spawn(other),
    (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'INSTANCE_EXISTS_DIFFERENT',
  );
  assert.equal(hv.calls.length, calls);
  assert.equal(hv.domains.get(r.instanceId)?.state, 'running');
});

test('a re-sent spawn adopts a domain whose start the cut-short spawn left under way', async () => {
  const { hv, manager } = await setup();
  const r = req();
  await manager.spawn(r);
  await hv.destroy(r.instanceId);
  // libvirtd finishes the dead agent's start just as the new one asks: "already running".
  const start = hv.start.bind(hv);
  hv.start = async (id) => {
    await start(id);
    throw new StratoError('FAILED_PRECONDITION', 'OPERATION_INVALID', 'domain is already running');
  };
  assert.equal((await manager.spawn(r)).powerState, 'running');
});

test('a re-sent spawn that cannot start the adopted domain rolls it back like any failed spawn', async () => {
  const { stateDir, hv, manager } = await setup();
  const r = req();
  await manager.spawn(r);
  await hv.destroy(r.instanceId);
  hv.failNext('start');
  await assert.rejects(manager.spawn(r), (e) => isStratoError(e, 'INTERNAL'));
  assert.equal(hv.domains.size, 0);
  assert.equal(existsSync(join(stateDir, 'instances', r.instanceId)), false);
});

for (const step of ['define', 'start'] as const) {
  test(`a spawn failing at ${step} rolls back everything`, async () => {
    const { stateDir, hv, manager, changes } = await setup();
    const r = req();
    hv.failNext(step);
    await assert.rejects(manager.spawn(r), (e) => isStratoError(e, 'INTERNAL'));
    assert.equal(hv.domains.size, 0);
    assert.equal(existsSync(join(stateDir, 'instances', r.instanceId)), false);
    await settle();
    assert.deepEqual(
      changes.map((c) => c.powerState),
      ['absent'],
    );
  });
}

test('a checksum mismatch propagates DATA_LOSS and leaves nothing', async () => {
  const { stateDir, hv, images, manager } = await setup();
  images.fail = new StratoError('DATA_LOSS', 'IMAGE_CHECKSUM_MISMATCH', 'bad');
  const r = req();
  await assert.rejects(manager.spawn(r), (e) => isStratoError(e, 'DATA_LOSS'));
  assert.equal(hv.domains.size, 0);
  assert.deepEqual(await readdir(join(stateDir, 'instances')), []);
});

test('bad requests fail INVALID_ARGUMENT before any side effect', async () => {
  const { stateDir, hv, images, manager } = await setup();
  const bad: SpawnRequest[] = [
    { ...req(), instanceId: '../../etc' },
    { ...req(), name: '' },
    { ...req(), flavor: { name: 'x', vcpus: 0, ramMiB: 256, diskGiB: 1 } },
    { ...req(), image: { id: 'i', sha256: 'nothex', sizeBytes: 1, diskFormat: 'qcow2' } },
    { ...req(), networkDataJson: 'not json' },
  ];
  for (const b of bad) await assert.rejects(manager.spawn(b), (e) => isStratoError(e, 'INVALID_ARGUMENT'));
  assert.equal(images.ensured, 0);
  assert.equal(hv.calls.length, 0);
  assert.equal(existsSync(join(stateDir, 'instances')), false);
});

test('leftovers of a spawn cut short are replaced by a new spawn', async () => {
  const { stateDir, manager } = await setup();
  const r = req();
  const dir = join(stateDir, 'instances', r.instanceId);
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  await writeFile(join(dir, 'stale'), 'x');
  await manager.spawn(r);
  assert.deepEqual((await readdir(dir)).sort(), ['disk.config', 'disk.qcow2']);
});

test('delete removes domain and files; deleting again succeeds', async () => {
  const { stateDir, hv, manager } = await setup();
  const r = req();
  await manager.spawn(r);
  await manager.delete(r.instanceId);
  assert.equal(hv.domains.size, 0);
  assert.equal(existsSync(join(stateDir, 'instances', r.instanceId)), false);
  await manager.delete(r.instanceId);
  await assert.rejects(manager.status(r.instanceId), (e) => isStratoError(e, 'NOT_FOUND'));
});

test('power actions follow the state machine and are idempotent', async () => {
  const { hv, manager } = await setup();
  const { instanceId: id } = req();
  await manager.spawn({ ...req(), instanceId: id });
  const act = async (a: string, hard = false) => (await manager.action(id, a, { hard })).powerState;
  assert.equal(await act('pause'), 'paused');
  assert.equal(await act('pause'), 'paused');
  assert.equal(await act('unpause'), 'running');
  assert.equal(await act('unpause'), 'running');
  assert.equal(await act('suspend'), 'suspended');
  await assert.rejects(manager.action(id, 'pause'), (e) => isStratoError(e, 'FAILED_PRECONDITION'));
  assert.equal(await act('resume'), 'running');
  assert.equal(await act('stop'), 'shutdown');
  assert.ok(hv.calls.includes(`acpiShutdown ${id}`), 'soft stop presses the ACPI button');
  assert.equal(await act('stop'), 'shutdown');
  await assert.rejects(manager.action(id, 'unpause'), (e) => isStratoError(e, 'FAILED_PRECONDITION'));
  await assert.rejects(manager.action(id, 'resume'), (e) => isStratoError(e, 'FAILED_PRECONDITION'));
  assert.equal(await act('start'), 'running');
  assert.equal(await act('reboot'), 'running');
  assert.ok(hv.calls.includes(`acpiReboot ${id}`));
  assert.equal(await act('reboot', true), 'running');
  assert.equal(await act('stop', true), 'shutdown');
  await assert.rejects(manager.action(id, 'explode'), (e) => isStratoError(e, 'INVALID_ARGUMENT'));
  await assert.rejects(manager.action(randomUUID(), 'start'), (e) => isStratoError(e, 'NOT_FOUND'));
});

test('a guest ignoring ACPI is destroyed after the timeout (stop) or restarted (reboot)', async () => {
  const { hv, manager } = await setup({ acpiTimeoutS: 1 });
  const r = req();
  await manager.spawn(r);
  hv.guestHonoursAcpi = false;
  const t0 = Date.now();
  assert.equal((await manager.action(r.instanceId, 'stop')).powerState, 'shutdown');
  assert.ok(Date.now() - t0 >= 900, 'waited for the ACPI timeout first');
  assert.ok(hv.calls.includes(`destroy ${r.instanceId}`));
  await manager.action(r.instanceId, 'start');
  hv.calls.length = 0;
  assert.equal((await manager.action(r.instanceId, 'reboot')).powerState, 'running');
  assert.deepEqual(hv.calls, [`acpiReboot ${r.instanceId}`, `destroy ${r.instanceId}`, `start ${r.instanceId}`]);
});

test('a guest powering itself off is reported at once with the event', async () => {
  const { hv, manager, changes } = await setup();
  const r = req();
  await manager.spawn(r);
  await settle();
  changes.length = 0;
  hv.guestPowerOff(r.instanceId);
  await settle();
  assert.deepEqual(
    changes.map((c) => [c.instanceId, c.powerState, c.event]),
    [[r.instanceId, 'shutdown', 'stopped/shutdown']],
  );
});

test('console log: last lines, NOT_FOUND for unknown instances, empty before the first boot', async () => {
  const { stateDir, manager } = await setup();
  const r = req();
  await manager.spawn(r);
  assert.deepEqual(await manager.consoleLog(r.instanceId, 10), []);
  const lines = Array.from({ length: 100 }, (_, i) => `line ${i}\r`);
  await writeFile(join(stateDir, 'instances', r.instanceId, 'console.log'), `${lines.join('\n')}\n`);
  assert.deepEqual(await manager.consoleLog(r.instanceId, 3), ['line 97', 'line 98', 'line 99']);
  assert.equal((await manager.consoleLog(r.instanceId, 0)).length, 50);
  await assert.rejects(manager.consoleLog(randomUUID(), 5), (e) => isStratoError(e, 'NOT_FOUND'));
});

test('list reports every instance with its state', async () => {
  const { manager } = await setup();
  const a = req();
  const b = req();
  await manager.spawn(a);
  await manager.spawn(b);
  await manager.action(b.instanceId, 'pause');
  const got = new Map((await manager.list()).map((s) => [s.instanceId, s.powerState]));
  assert.deepEqual(
    got,
    new Map([
      [a.instanceId, 'running'],
      [b.instanceId, 'paused'],
    ]),
  );
});
