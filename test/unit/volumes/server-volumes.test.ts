// Attach, detach and boot from volume through the compute workflows, on a real
// (in-memory) store with the real block storage and FAKE agents: what each side
// is asked (export to the server's host with a fresh CHAP secret, then the disk;
// the disk out, then the export), the statuses on the way, undo on failure, a
// host that gives no answer and a conductor restarted in the middle, and the
// refusals that change nothing.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { attachmentKey } from '../../../conductor/volumes/keys.ts';
import type { VolumeRecord } from '../../../conductor/volumes/model.ts';
import { alice, bob, IMAGE, until } from './fixture.ts';
import { COMPUTE, COMPUTE_IP, type ServerFixture, serverFixture } from './server-fixture.ts';

const empty = { kind: 'empty' as const };

async function volume(f: ServerFixture, name: string, sizeGib = 1): Promise<VolumeRecord> {
  const v = await f.bs.volumes.create(alice, { name, description: '', sizeGib, source: empty, backend: '' }, 'r');
  return (
    await until(
      'available',
      () => f.bs.volumes.get(alice, v.id),
      (x) => x.volume.status === 'available',
    )
  ).volume;
}

const statusOf = async (f: ServerFixture, id: string) => (await f.bs.volumes.get(alice, id)).volume.status;

describe('attach and detach', () => {
  let f: ServerFixture;
  beforeEach(async () => {
    f = await serverFixture();
  });
  afterEach(() => f.close());

  it('attaches: exported to the server host with a fresh CHAP secret, then plugged in as vdc; in-use', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    const r = await f.compute.addVolume('vm', 'data', '', alice, 'req-a');
    assert.equal(r.taskState, 'attaching-volume');
    assert.equal(await statusOf(f, v.id), 'attaching');
    const done = await f.settledServer(s.id);
    assert.deepEqual(done.volumes, [{ volumeId: v.id, device: 'vdc', boot: false, deleteOnTermination: false }]);
    const view = await f.bs.volumes.get(alice, v.id);
    assert.equal(view.volume.status, 'in-use');
    assert.equal(view.attachment?.serverId, s.id);
    assert.ok(view.attachment?.attachedAt);
    assert.equal('chapSecret' in (view.attachment ?? {}), false, 'the secret never leaves the store');
    const exp = f.agents.host('st-1').exports.get(v.id);
    assert.deepEqual(
      [exp?.initiatorName, exp?.initiatorAddress],
      [`iqn.2026-01.io.strato:host:${COMPUTE}`, COMPUTE_IP],
    );
    const disk = f.agents.attached.get(s.id)?.get(v.id);
    assert.equal(disk?.chapSecret, exp?.chapSecret);
    assert.match(disk?.chapSecret ?? '', /^[A-Za-z0-9_-]{32}$/);
    assert.equal(disk?.device, 'vdc');
    const order = f.agents.calls.filter((c) => c.includes(v.id)).map((c) => c.split(' ')[1]);
    assert.deepEqual(order.slice(-2), ['export', 'attach']);
  });

  it('a repeated attach returns the server as it is; the volume cannot go to a second server', async () => {
    const s = await f.activeServer('vm');
    const other = await f.activeServer('vm2');
    const v = await volume(f, 'data');
    await f.compute.addVolume(s.id, v.id, 'vdd', alice, 'r1');
    await f.settledServer(s.id);
    const again = await f.compute.addVolume(s.id, v.id, '', alice, 'r2');
    assert.equal(again.taskState, '');
    const rev = (await f.store.status()).revision;
    await assert.rejects(f.compute.addVolume(other.id, v.id, '', alice, 'r3'), (e) => {
      assert.ok(e instanceof StratoError);
      assert.deepEqual([e.reason, e.details.server_id], ['VOLUME_IN_USE', s.id]);
      return true;
    });
    assert.equal((await f.store.status()).revision, rev, 'a refused attach changes nothing');
  });

  it('refuses what the API must refuse, changing nothing', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    const theirs = await f.bs.volumes.create(
      bob,
      { name: 'theirs', description: '', sizeGib: 1, source: empty, backend: '' },
      'r',
    );
    await f.compute.addVolume(s.id, v.id, 'vdc', alice, 'r');
    await f.settledServer(s.id);
    const w = await volume(f, 'more');
    const rev = (await f.store.status()).revision;
    const cases: [Promise<unknown>, string][] = [
      [f.compute.addVolume(s.id, theirs.id, '', alice, 'r'), 'VOLUME_NOT_FOUND'],
      [f.compute.addVolume(s.id, w.id, 'vdc', alice, 'r'), 'DEVICE_IN_USE'],
      [f.compute.addVolume(s.id, w.id, 'sda', alice, 'r'), 'DEVICE_INVALID'],
      [f.compute.removeVolume(s.id, w.id, alice, 'r'), 'VOLUME_NOT_ATTACHED'],
      [f.compute.addVolume(s.id, w.id, '', bob, 'r'), 'SERVER_NOT_FOUND'],
    ];
    for (const [call, reason] of cases) await assert.rejects(call, { reason });
    assert.equal((await f.store.status()).revision, rev);
  });

  it('a failed plug-in undoes the export; the volume is available with the fault, the server event says why', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    f.agents.failNext.set('attach', new StratoError('UNAVAILABLE', 'ISCSI_LOGIN_FAILED', 'target refused the login'));
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    const done = await f.settledServer(s.id);
    assert.equal(done.volumes, undefined);
    const after = (await f.bs.volumes.get(alice, v.id)).volume;
    assert.deepEqual([after.status, after.fault?.reason], ['available', 'ISCSI_LOGIN_FAILED']);
    assert.equal(f.agents.host('st-1').exports.has(v.id), false);
    assert.equal(await f.store.get(attachmentKey(v.id)).catch(() => undefined), undefined);
    const events = await f.compute.events(s.id, alice);
    assert.match(events.at(-1)?.error ?? '', /ISCSI_LOGIN_FAILED/);
  });

  it('detaches: disk out, then the export; available again', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    await f.settledServer(s.id);
    const r = await f.compute.removeVolume(s.id, 'data', alice, 'r2');
    assert.equal(r.taskState, 'detaching-volume');
    const done = await f.settledServer(s.id);
    assert.equal(done.volumes, undefined);
    assert.equal(await statusOf(f, v.id), 'available');
    assert.equal(f.agents.host('st-1').exports.has(v.id), false);
    assert.equal(f.agents.attached.get(s.id)?.has(v.id), false);
    const order = f.agents.calls.filter((c) => c.includes(v.id)).map((c) => c.split(' ')[1]);
    assert.deepEqual(order.slice(-2), ['detach', 'unexport']);
  });

  it('a guest that does not release the disk fails the detach: still in-use, DETACH_TIMEOUT in the fault', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    await f.settledServer(s.id);
    f.agents.failNext.set('detach', new StratoError('DEADLINE_EXCEEDED', 'DETACH_TIMEOUT', 'the guest kept the disk'));
    await f.compute.removeVolume(s.id, v.id, alice, 'r2');
    const done = await f.settledServer(s.id);
    assert.equal(done.volumes?.length, 1);
    const after = (await f.bs.volumes.get(alice, v.id)).volume;
    assert.deepEqual([after.status, after.fault?.reason], ['in-use', 'DETACH_TIMEOUT']);
    assert.ok(f.agents.host('st-1').exports.has(v.id), 'still exported');
    // Once the guest lets go, a detach works and the old failure is history.
    await f.compute.removeVolume(s.id, v.id, alice, 'r3');
    await f.settledServer(s.id);
    const later = (await f.bs.volumes.get(alice, v.id)).volume;
    assert.deepEqual([later.status, later.fault], ['available', undefined]);
  });

  it('a compute host that gives no answer holds the attach, across a conductor restart, until it answers', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    f.agents.silent.add(COMPUTE);
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    await until(
      'asked',
      async () => f.agents.calls.filter((c) => c.startsWith(`${COMPUTE} attach`)).length,
      (n) => n >= 1,
    );
    await f.restartCompute();
    assert.equal((await f.compute.get(s.id, alice)).taskState, 'attaching-volume');
    assert.equal(await statusOf(f, v.id), 'attaching');
    f.agents.silent.delete(COMPUTE);
    f.driver.kick(s.id);
    await f.settledServer(s.id);
    assert.equal(await statusOf(f, v.id), 'in-use');
  });

  it('a compute host silent past the volume timeout fails the attach, undone', async () => {
    await f.close();
    f = await serverFixture({ volumeTimeoutMs: 300 });
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    f.agents.silent.add(COMPUTE);
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    await f.settledServer(s.id, 5000);
    const after = (await f.bs.volumes.get(alice, v.id)).volume;
    assert.deepEqual(
      [after.status, after.fault?.code, after.fault?.reason],
      ['available', 'UNAVAILABLE', 'HOST_UNREACHABLE'],
    );
    assert.equal(f.agents.host('st-1').exports.has(v.id), false, 'unexported');
  });

  it('a start the host refuses for a lost volume secret attaches the volumes again, then starts', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data');
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    await f.settledServer(s.id);
    await f.compute.action(s.id, 'stop', true, alice, 'r');
    assert.equal((await f.settledServer(s.id)).vmState, 'SHUTOFF');
    const attaches = () => f.agents.calls.filter((c) => c === `${COMPUTE} attach ${s.id} ${v.id}`).length;
    const before = attaches();
    f.failActions.push(new StratoError('FAILED_PRECONDITION', 'VOLUME_SECRET_MISSING', 'the host lost the secret'));
    await f.compute.action(s.id, 'start', false, alice, 'r');
    const done = await f.settledServer(s.id);
    assert.equal(done.vmState, 'ACTIVE');
    assert.equal(attaches(), before + 1, 'attached again');
    assert.deepEqual(f.actions.slice(-2), ['start', 'start']);
  });

  it('extends an attached volume: the storage host grows it, then the server host resizes the disk', async () => {
    const s = await f.activeServer('vm');
    const v = await volume(f, 'data', 1);
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    await f.settledServer(s.id);
    await f.bs.volumes.extend(alice, v.id, 3, 'r');
    const done = await until(
      'in-use again',
      () => f.bs.volumes.get(alice, v.id),
      (x) => x.volume.op === undefined,
    );
    assert.deepEqual([done.volume.status, done.volume.sizeGib], ['in-use', 3]);
    const order = f.agents.calls.filter((c) => c.includes(v.id)).map((c) => c.split(' ')[1]);
    assert.deepEqual(order.slice(-2), ['extend', 'refresh']);
  });
});

describe('boot from volume', () => {
  let f: ServerFixture;
  beforeEach(async () => {
    f = await serverFixture();
  });
  afterEach(() => f.close());

  it('boots from an existing volume: exported before the spawn, vda, no disk claimed; delete keeps it', async () => {
    f.flavorDiskGib = 1; // the image would not fit: it does not apply
    const v = await volume(f, 'root', 5);
    const s = await f.compute.create({ name: 'vm', image: '', bootVolume: 'root', flavor: 'tiny' }, alice, 'r');
    assert.equal(await statusOf(f, v.id), 'attaching', 'claimed for the server at the call');
    assert.equal(s.image.id, '');
    const done = await f.settledServer(s.id);
    assert.equal(done.vmState, 'ACTIVE');
    assert.equal(f.placements.at(-1)?.flavor.diskGiB, 0);
    const spawn = f.spawns.at(-1);
    assert.equal(spawn?.bootVolume?.volumeId, v.id);
    assert.equal(spawn?.bootVolume?.device, 'vda');
    assert.equal(spawn?.image, undefined);
    assert.equal(spawn?.bootVolume?.chapSecret, f.agents.host('st-1').exports.get(v.id)?.chapSecret);
    assert.equal(await statusOf(f, v.id), 'in-use');
    await assert.rejects(f.compute.removeVolume(s.id, v.id, alice, 'r'), { reason: 'BOOT_VOLUME' });
    await f.compute.delete(s.id, alice, 'r');
    await until(
      'server gone',
      () => f.compute.get(s.id, alice).catch(() => undefined),
      (x) => x === undefined,
    );
    assert.equal(await statusOf(f, v.id), 'available');
    assert.equal(f.agents.host('st-1').exports.has(v.id), false);
  });

  it('boots from a new volume made from the image, then delete_volume_on_termination deletes it', async () => {
    let release!: () => void;
    f.agents.hold = new Promise((r) => {
      release = r;
    });
    const s = await f.compute.create(
      { name: 'vm', image: 'img', bootFromImageVolumeGib: 4, deleteVolumeOnTermination: true, flavor: 'tiny' },
      alice,
      'r',
    );
    assert.equal(s.taskState, 'block-device-mapping');
    const volumeId = s.volumes?.[0]?.volumeId ?? '';
    const v = (await f.bs.volumes.get(alice, volumeId)).volume;
    assert.deepEqual([v.name, v.status, v.sizeGib, v.imageId], ['vm-boot', 'downloading', 4, IMAGE.id]);
    release();
    const done = await f.settledServer(s.id);
    assert.equal(done.vmState, 'ACTIVE');
    assert.equal(await statusOf(f, volumeId), 'in-use');
    await f.compute.delete(s.id, alice, 'r');
    await until(
      'volume gone',
      () => f.bs.volumes.volumes.entry(volumeId),
      (e) => e === undefined,
    );
  });

  it('a failed boot releases the volume: available again, the server in ERROR without it', async () => {
    const v = await volume(f, 'root', 5);
    f.failSpawn = new StratoError('INVALID_ARGUMENT', 'SPEC_INVALID', 'the host refuses this spec');
    const s = await f.compute.create({ name: 'vm', image: '', bootVolume: v.id, flavor: 'tiny' }, alice, 'r');
    const done = await f.settledServer(s.id);
    assert.equal(done.vmState, 'ERROR');
    assert.equal(done.volumes, undefined);
    assert.equal(await statusOf(f, v.id), 'available');
    assert.equal(f.agents.host('st-1').exports.has(v.id), false);
  });

  it('refuses bad boot sources naming the field, and an attached volume, changing nothing', async () => {
    const v = await volume(f, 'root', 5);
    const s = await f.activeServer('other');
    await f.compute.addVolume(s.id, v.id, '', alice, 'r');
    await f.settledServer(s.id);
    const rev = (await f.store.status()).revision;
    const create = (o: Record<string, unknown>) =>
      f.compute.create({ name: 'vm', flavor: 'tiny', image: '', ...o }, alice, 'r');
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, 'BOOT_SOURCE_INVALID', 'image'],
      [{ image: 'img', bootVolume: 'root' }, 'BOOT_SOURCE_INVALID', 'boot_volume'],
      [{ bootFromImageVolumeGib: 3 }, 'BOOT_SOURCE_INVALID', 'boot_from_image_volume_gib'],
      [{ image: 'img', deleteVolumeOnTermination: true }, 'BOOT_SOURCE_INVALID', 'delete_volume_on_termination'],
      [{ image: 'img', bootFromImageVolumeGib: 1 }, 'SIZE_BELOW_SOURCE', 'boot_from_image_volume_gib'],
      [{ image: 'img', bootFromImageVolumeGib: 70000 }, 'SIZE_INVALID', 'boot_from_image_volume_gib'],
      [{ bootVolume: 'root' }, 'VOLUME_IN_USE', ''],
    ];
    for (const [o, reason, field] of cases) {
      await assert.rejects(create(o), (e) => {
        assert.ok(e instanceof StratoError, String(e));
        assert.deepEqual([e.reason, e.details.field ?? ''], [reason, field], JSON.stringify(o));
        return true;
      });
    }
    assert.equal((await f.store.status()).revision, rev);
  });
});
