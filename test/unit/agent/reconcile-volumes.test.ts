// The reconciler's volume secrets over the fake hypervisor: leftovers go (only
// strato's), secrets libvirtd forgot come back from the agent's memory, and after an
// agent restart (no passwords held) a missing secret is reported, not invented.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { Reconciler } from '../../../agent/reconcile/reconciler.ts';
import { quiet, req, servedVolume, setup } from './compute-fixture.ts';

async function world() {
  const s = await setup();
  const reconciler = new Reconciler({
    hv: s.hv,
    manager: s.manager,
    stateDir: s.stateDir,
    log: quiet,
    orphanRemoval: 'on',
    orphanGraceMs: 0,
  });
  const r = req();
  await s.manager.spawn(r);
  reconciler.setExpected([r.instanceId]);
  const v = servedVolume(s.hv);
  await s.manager.attachVolume(r.instanceId, v);
  return { ...s, reconciler, id: r.instanceId, v };
}

test('a leftover secret goes; the attached volume keeps its own', async () => {
  const { hv, reconciler, v } = await world();
  const leftover = randomUUID();
  await hv.setVolumeSecret(leftover, 'left-by-a-spawn-cut-short');
  const plan = await reconciler.pass();
  assert.deepEqual(plan.orphanSecrets, [leftover]);
  assert.deepEqual(plan.removed, [{ kind: 'libvirtSecrets', name: leftover }]);
  assert.deepEqual(await hv.volumeSecrets(), [v.volumeId]);
});

test('secrets a restarted libvirtd forgot are put back from memory, and the guest starts again', async () => {
  const { hv, manager, reconciler, id, v } = await world();
  await manager.action(id, 'stop', { hard: true });
  hv.iscsi.secrets.clear();
  const plan = await reconciler.pass();
  assert.deepEqual(plan.restoreSecrets, [v.volumeId]);
  assert.equal(hv.iscsi.secrets.get(v.volumeId), v.chapSecret);
  assert.equal((await manager.action(id, 'start')).powerState, 'running');
});

test('after an agent restart a forgotten secret is reported; the re-sent attach restores it', async () => {
  const { hv, stateDir, id, v } = await world();
  hv.iscsi.secrets.clear();
  // A new agent process over the same host: it holds no password.
  const fresh = await setup({ hv, stateDir });
  const reconciler = new Reconciler({ hv, manager: fresh.manager, stateDir, log: quiet });
  const plan = await reconciler.pass();
  assert.deepEqual(plan.missingSecrets, [{ volumeId: v.volumeId, instanceIds: [id] }]);
  assert.deepEqual(await hv.volumeSecrets(), []);
  await fresh.manager.attachVolume(id, v);
  assert.deepEqual((await reconciler.pass()).missingSecrets, []);
  assert.equal(hv.iscsi.secrets.get(v.volumeId), v.chapSecret);
});
