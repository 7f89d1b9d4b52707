// Volumes through the instance manager over the fake hypervisor (whose pretend iSCSI
// targets check CHAP like tgt does): attach and detach with their secrets, rollback of
// a failed attach, refused input changing nothing, size refreshes, spawns with a boot
// volume or data volumes, and delete taking the secrets along.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { type VolumeAttachment, volumeSpecOf } from '../../../agent/compute/volume-request.ts';
import { isStratoError, type StratoError } from '../../../common/errors.ts';
import { INITIATOR, MiB, req, servedVolume, setup } from './compute-fixture.ts';

const rejectsWith = (p: Promise<unknown>, code: string, reason?: string) =>
  assert.rejects(p, (e) => isStratoError(e) && e.code === code && (reason === undefined || e.reason === reason));

/** The field an INVALID_ARGUMENT names. */
async function badField(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    assert.ok(isStratoError(err, 'INVALID_ARGUMENT'), String(err));
    return err.details['field'] ?? '';
  }
  assert.fail('expected INVALID_ARGUMENT');
}

async function running() {
  const s = await setup();
  const r = req();
  await s.manager.spawn(r);
  return { ...s, id: r.instanceId };
}

test('attach: the secret, then the disk, recorded; again is a no-op; detach takes both; again succeeds', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv);
  await manager.attachVolume(id, v);
  assert.equal(hv.iscsi.secrets.get(v.volumeId), v.chapSecret);
  assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.volumeId, target: 'vdc' }]);
  const disk = hv.domains.get(id)!.spec.volumes[0]!;
  assert.deepEqual(disk.iscsi, {
    host: '192.0.2.10',
    port: 3260,
    iqn: v.targetIqn,
    lun: 1,
    auth: { username: v.chapUser, secretUsage: `strato-volume-${v.volumeId}` },
    initiator: v.initiatorName,
  });
  assert.equal(disk.id, v.volumeId, 'the serial is the volume id');

  await manager.attachVolume(id, v);
  assert.equal(hv.domains.get(id)!.spec.volumes.length, 1);

  await manager.detachVolume(id, v.volumeId);
  assert.deepEqual(hv.domains.get(id)!.spec.volumes, []);
  assert.equal(hv.iscsi.secrets.has(v.volumeId), false, 'the secret went with the disk');
  await manager.detachVolume(id, v.volumeId);
  await manager.detachVolume(randomUUID(), v.volumeId);
});

test('detaching from an instance that is gone still removes a leftover secret', async () => {
  const { hv, manager } = await setup();
  const volumeId = randomUUID();
  await hv.setVolumeSecret(volumeId, 'leftover-password');
  await manager.detachVolume(randomUUID(), volumeId);
  assert.equal(hv.iscsi.secrets.has(volumeId), false);
});

test('a refused login (wrong CHAP) is UNAVAILABLE and leaves no secret and no disk', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv, { password: 'the-target-wants-this' });
  await rejectsWith(manager.attachVolume(id, v), 'UNAVAILABLE', 'VOLUME_UNREACHABLE');
  assert.equal(hv.iscsi.secrets.has(v.volumeId), false);
  assert.deepEqual(hv.domains.get(id)!.spec.volumes, []);
  assert.deepEqual((await hv.metadata(id))?.volumes, []);
});

test('a hypervisor refusing the attach rolls the secret back; a repeated attach that fails keeps it', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv);
  hv.failNext('attachVolume');
  await rejectsWith(manager.attachVolume(id, v), 'INTERNAL');
  assert.equal(hv.iscsi.secrets.has(v.volumeId), false);

  await manager.attachVolume(id, v);
  hv.failNext('attachVolume');
  await rejectsWith(manager.attachVolume(id, v), 'INTERNAL');
  assert.equal(hv.iscsi.secrets.get(v.volumeId), v.chapSecret, 'the attached volume keeps its secret');
});

test('the device and the volume are guarded; an absent instance is NOT_FOUND; nothing is left', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv);
  const w = servedVolume(hv);
  await manager.attachVolume(id, v);
  await rejectsWith(manager.attachVolume(id, w), 'FAILED_PRECONDITION', 'DEVICE_IN_USE');
  assert.equal(hv.iscsi.secrets.has(w.volumeId), false, 'the refused volume left no secret');
  await rejectsWith(manager.attachVolume(randomUUID(), w), 'NOT_FOUND', 'INSTANCE_NOT_FOUND');
  assert.equal(hv.iscsi.secrets.has(w.volumeId), false);

  // One attachment per volume: another instance on this host may not take it.
  const other = req();
  await manager.spawn(other);
  await rejectsWith(
    manager.attachVolume(other.instanceId, { ...v, device: 'vdd' }),
    'FAILED_PRECONDITION',
    'VOLUME_IN_USE',
  );
  assert.equal(hv.iscsi.secrets.get(v.volumeId), v.chapSecret, 'the first attachment keeps its password');
});

test('bad input is INVALID_ARGUMENT naming the request field, never quoting the secret, and changes nothing', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv);
  const calls = hv.calls.length;
  const cases: [Partial<VolumeAttachment>, string][] = [
    [{ volumeId: v.volumeId.toUpperCase() }, 'volume.volume_id'],
    [{ device: 'vda' }, 'volume.device'],
    [{ device: 'vdb' }, 'volume.device'],
    [{ device: 'sdc' }, 'volume.device'],
    [{ portal: '192.0.2.10:99999' }, 'volume.portal'],
    [{ portal: "h'/><x:3260" }, 'volume.portal'],
    [{ portal: '[fd00::1' }, 'volume.portal'],
    [{ targetIqn: 'iqn.2026-01.io.strato:a/b' }, 'volume.target_iqn'],
    [{ lun: 70000 }, 'volume.lun'],
    [{ chapUser: '<x>' }, 'volume.chap_user'],
    [{ chapSecret: 'short' }, 'volume.chap_secret'],
    [{ chapSecret: 'has,a-comma-and-more' }, 'volume.chap_secret'],
    [{ initiatorName: 'iqn.2026-01.io.strato:host a' }, 'volume.initiator_name'],
  ];
  for (const [change, field] of cases) {
    const p = manager.attachVolume(id, { ...v, ...change });
    assert.equal(await badField(p), field, JSON.stringify(change));
  }
  await manager.attachVolume(id, { ...v, chapSecret: 'has,a-comma-and-more' }).catch((err: StratoError) => {
    assert.doesNotMatch(err.message, /has,a-comma/);
  });
  assert.equal(hv.calls.length, calls, 'no hypervisor call');
  assert.equal(hv.iscsi.secrets.size, 0);
  assert.equal(await badField(manager.detachVolume(id, 'not-a-uuid')), 'volume_id');
  assert.equal(await badField(manager.refreshVolumeSize(id, v.volumeId, 0)), 'size_bytes');
});

test('an IPv6 portal in brackets reaches the disk as a bare address and its port', async () => {
  const { hv, manager, id } = await running();
  const v = { ...servedVolume(hv), portal: '[fd00:10::2]:3261' };
  hv.iscsi.serve(volumeSpecOf(v), {
    chapUser: v.chapUser,
    password: v.chapSecret,
    initiator: INITIATOR,
    sizeBytes: MiB,
  });
  await manager.attachVolume(id, v);
  const { iscsi } = hv.domains.get(id)!.spec.volumes[0]!;
  assert.deepEqual([iscsi.host, iscsi.port], ['fd00:10::2', 3261]);
});

test('detach of a guest that does not let go: DEADLINE_EXCEEDED, secret kept; a repeat once it runs succeeds', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv);
  await manager.attachVolume(id, v);
  await manager.action(id, 'pause');
  await rejectsWith(manager.detachVolume(id, v.volumeId, 1), 'DEADLINE_EXCEEDED', 'DETACH_TIMEOUT');
  assert.equal(hv.iscsi.secrets.get(v.volumeId), v.chapSecret, 'still attached: the secret stays');
  await manager.action(id, 'unpause');
  await manager.detachVolume(id, v.volumeId);
  assert.equal(hv.iscsi.secrets.has(v.volumeId), false);
});

test('refresh: a running guest sees the grown size; shrink, unattached and absent are refused', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv);
  await manager.attachVolume(id, v);
  hv.iscsi.grow(hv.domains.get(id)!.spec.volumes[0]!, 32 * MiB);
  await manager.refreshVolumeSize(id, v.volumeId, 32 * MiB);
  assert.equal(hv.domains.get(id)!.volumeSizes.get(v.volumeId), 32 * MiB);
  await rejectsWith(manager.refreshVolumeSize(id, v.volumeId, 16 * MiB), 'INVALID_ARGUMENT', 'VOLUME_SHRINK_REFUSED');
  await rejectsWith(manager.refreshVolumeSize(id, randomUUID(), 16 * MiB), 'NOT_FOUND', 'VOLUME_NOT_ATTACHED');
  await rejectsWith(manager.refreshVolumeSize(randomUUID(), v.volumeId, 16 * MiB), 'NOT_FOUND', 'INSTANCE_NOT_FOUND');
  await manager.action(id, 'stop', { hard: true });
  await manager.refreshVolumeSize(id, v.volumeId, 64 * MiB);
});

test('boot from volume: no image fetched, no overlay; the root disk is the volume; delete takes its secret', async () => {
  const { stateDir, hv, images, manager } = await setup();
  const boot = servedVolume(hv, { device: 'vda' });
  const data = servedVolume(hv, { device: 'vdc' });
  const r = { ...req(), bootVolume: boot, volumes: [data] };
  delete r.image;
  assert.equal((await manager.spawn(r)).powerState, 'running');
  assert.equal(images.ensured, 0);
  const dir = join(stateDir, 'instances', r.instanceId);
  assert.deepEqual((await readdir(dir)).sort(), ['disk.config'], 'a config drive, no overlay');
  const d = hv.domains.get(r.instanceId)!;
  assert.ok(d.spec.rootDisk.kind === 'volume' && d.spec.rootDisk.volume.id === boot.volumeId);
  assert.equal(d.spec.rootDisk.volume.target, 'vda');
  assert.deepEqual((await hv.metadata(r.instanceId))?.volumes, [
    { id: boot.volumeId, target: 'vda' },
    { id: data.volumeId, target: 'vdc' },
  ]);
  assert.deepEqual(await hv.volumeSecrets(), [boot.volumeId, data.volumeId].sort());
  await rejectsWith(manager.detachVolume(r.instanceId, boot.volumeId), 'FAILED_PRECONDITION', 'ROOT_VOLUME');

  // A re-sent spawn adopts it (same boot volume) and puts the passwords back.
  hv.iscsi.secrets.clear();
  assert.equal((await manager.spawn(r)).powerState, 'running');
  assert.deepEqual(await hv.volumeSecrets(), [boot.volumeId, data.volumeId].sort());

  await manager.delete(r.instanceId);
  assert.deepEqual(await hv.volumeSecrets(), []);
  assert.equal(existsSync(dir), false);
});

test('a boot from volume whose login fails leaves nothing: no domain, no secret, no directory', async () => {
  const { stateDir, hv, manager } = await setup();
  const boot = servedVolume(hv, { device: 'vda', password: 'not-what-we-send' });
  const r = { ...req(), bootVolume: boot };
  await rejectsWith(manager.spawn(r), 'UNAVAILABLE', 'VOLUME_UNREACHABLE');
  assert.equal(hv.domains.size, 0);
  assert.deepEqual(await hv.volumeSecrets(), []);
  assert.equal(existsSync(join(stateDir, 'instances', r.instanceId)), false);
});

test('a spawn naming a bad volume changes nothing; one without image or boot volume is refused', async () => {
  const { hv, images, manager } = await setup();
  const boot = servedVolume(hv, { device: 'vda' });
  const bad = { ...req(), bootVolume: { ...boot, device: 'vdc' } };
  assert.equal(await badField(manager.spawn(bad)), 'boot_volume.device');
  const noImage = req();
  delete noImage.image;
  assert.equal(await badField(manager.spawn(noImage)), 'image');
  const twice = { ...req(), volumes: [servedVolume(hv), servedVolume(hv)] };
  twice.volumes[1] = { ...twice.volumes[1]!, device: 'vdc' };
  assert.equal(await badField(manager.spawn(twice)), 'volumes[].device');
  assert.equal(images.ensured, 0);
  assert.equal(hv.calls.length, 0);
});

test('delete of an instance with a hot-plugged volume removes its secret, not another instance’s', async () => {
  const { hv, manager, id } = await running();
  const v = servedVolume(hv);
  const w = servedVolume(hv);
  await manager.attachVolume(id, v);
  const other = req();
  await manager.spawn(other);
  await manager.attachVolume(other.instanceId, w);
  await manager.delete(id);
  assert.deepEqual(await hv.volumeSecrets(), [w.volumeId]);
});
