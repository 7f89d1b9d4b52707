// Volume and snapshot operations end to end through the op drivers, on a real
// (in-memory) store and host registry with a FAKE agent directory: each
// operation's statuses and what it asks of the storage host; a host that gives
// no answer holds the operation (and it completes once the host answers, or
// fails after the timeout naming the host); a conductor restarted in the middle
// of a create finishes it; capacity is claimed at the call and given back by a
// delete.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { usageKey } from '../../../conductor/volumes/keys.ts';
import type { StorageUsage, VolumeRecord } from '../../../conductor/volumes/model.ts';
import { alice, bob, type Fixture, fixture, GiB, IMAGE, until } from './fixture.ts';

const empty = { kind: 'empty' as const };
const base = { description: '', backend: '' };

async function usage(f: Fixture, host: string): Promise<StorageUsage> {
  return (await f.store.get<StorageUsage>(usageKey(host))).value;
}

/** Deletes a snapshot, then a volume, each until its record is gone. */
async function deleteBoth(f: Fixture, snapshotId: string, volumeId: string): Promise<void> {
  await f.bs.snapshots.delete(alice, snapshotId, 'r');
  await until(
    'snapshot gone',
    () => f.bs.volumes.snapshots.entry(snapshotId),
    (e) => e === undefined,
  );
  await f.bs.volumes.delete(alice, volumeId, 'r');
  await until(
    'volume gone',
    () => f.bs.volumes.volumes.entry(volumeId),
    (e) => e === undefined,
  );
}

async function settledVolume(f: Fixture, id: string, timeoutMs = 5000): Promise<VolumeRecord> {
  return (
    await until(
      `volume ${id} settles`,
      () => f.bs.volumes.get(alice, id),
      (v) => v.volume.op === undefined,
      timeoutMs,
    )
  ).volume;
}

describe('volume operations', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
    await f.storageHost('st-1', 10);
  });
  afterEach(() => f.close());

  it('creates an empty volume: creating → available, its size claimed on the host at the call', async () => {
    const v = await f.bs.volumes.create(alice, { ...base, name: 'data', sizeGib: 2, source: empty }, 'req-1');
    assert.equal(v.status, 'creating');
    assert.equal(v.host, 'st-1');
    assert.equal((await usage(f, 'st-1')).allocatedBytes, 2 * GiB, 'claimed before the host made it');
    const done = await settledVolume(f, v.id);
    assert.equal(done.status, 'available');
    assert.deepEqual(f.agents.calls, [`st-1 create ${v.id}`]);
    assert.equal(f.agents.host('st-1').volumes.get(v.id)?.sizeBytes, 2 * GiB);
  });

  it('copies an image: downloading with the progress the host reports, then available', async () => {
    let release!: () => void;
    f.agents.hold = new Promise((r) => {
      release = r;
    });
    f.agents.progress = 42;
    const v = await f.bs.volumes.create(
      alice,
      { ...base, name: 'os', sizeGib: 3, source: { kind: 'image', ref: 'img' } },
      'r',
    );
    assert.equal(v.status, 'downloading');
    assert.equal(v.imageId, IMAGE.id);
    await until(
      'progress',
      () => f.bs.volumes.get(alice, v.id),
      (x) => x.volume.progressPercent === 42,
    );
    release();
    const done = await settledVolume(f, v.id);
    assert.equal(done.status, 'available');
    assert.equal(done.progressPercent, 100);
  });

  it('refuses a volume smaller than the image, and one beyond every host, changing nothing', async () => {
    const rev = (await f.store.status()).revision;
    await assert.rejects(
      f.bs.volumes.create(alice, { ...base, name: 'os', sizeGib: 1, source: { kind: 'image', ref: 'img' } }, 'r'),
      { code: 'INVALID_ARGUMENT', reason: 'SIZE_BELOW_SOURCE' },
    );
    await assert.rejects(f.bs.volumes.create(alice, { ...base, name: 'big', sizeGib: 11, source: empty }, 'r'), (e) => {
      assert.ok(e instanceof StratoError);
      assert.equal(e.reason, 'INSUFFICIENT_CAPACITY');
      assert.equal(e.details.largest_free_gib, '10');
      return true;
    });
    assert.equal((await f.store.status()).revision, rev);
  });

  it('a host that gives no answer holds the create; it completes once the host answers', async () => {
    f.agents.silent.add('st-1');
    const v = await f.bs.volumes.create(alice, { ...base, name: 'late', sizeGib: 1, source: empty }, 'r');
    await until(
      'asked twice',
      async () => f.agents.calls.length,
      (n) => n >= 2,
    );
    assert.equal((await f.bs.volumes.get(alice, v.id)).volume.status, 'creating');
    f.agents.silent.delete('st-1');
    f.bs.hostRegistered('st-1');
    assert.equal((await settledVolume(f, v.id)).status, 'available');
  });

  it('an answer that the create failed puts the volume in error with the fault; its claim stays until delete', async () => {
    f.agents.failNext.set('create', new StratoError('RESOURCE_EXHAUSTED', 'INSUFFICIENT_CAPACITY', 'disk full'));
    const v = await f.bs.volumes.create(alice, { ...base, name: 'bad', sizeGib: 1, source: empty }, 'r');
    const done = await settledVolume(f, v.id);
    assert.equal(done.status, 'error');
    assert.equal(done.fault?.reason, 'INSUFFICIENT_CAPACITY');
    assert.equal((await usage(f, 'st-1')).allocatedBytes, GiB);
    await f.bs.volumes.delete(alice, v.id, 'r2');
    await until(
      'gone',
      () => f.bs.volumes.volumes.entry(v.id),
      (e) => e === undefined,
    );
    assert.deepEqual(await usage(f, 'st-1'), { allocatedBytes: 0, volumeCount: 0, snapshotCount: 0 });
  });

  it('a conductor restarted in the middle of a create finishes it (the host is asked again)', async () => {
    let release!: () => void;
    f.agents.hold = new Promise((r) => {
      release = r;
    });
    const v = await f.bs.volumes.create(alice, { ...base, name: 'mid', sizeGib: 1, source: empty }, 'r');
    await until(
      'create asked',
      async () => f.agents.calls.length,
      (n) => n === 1,
    );
    const stopping = f.restart();
    release();
    await stopping;
    assert.equal((await settledVolume(f, v.id)).status, 'available');
    // The first call's answer came after the stop, so the new driver asked again (creates are idempotent).
    assert.equal(f.agents.calls.filter((c) => c === `st-1 create ${v.id}`).length, 2);
  });

  it('extends (claiming the extra size at once), refuses a shrink, and extending to the same size is a no-op', async () => {
    const v = await f.bs.volumes.create(alice, { ...base, name: 'grow', sizeGib: 2, source: empty }, 'r');
    await settledVolume(f, v.id);
    await assert.rejects(f.bs.volumes.extend(alice, v.id, 1, 'r'), {
      code: 'INVALID_ARGUMENT',
      reason: 'VOLUME_SHRINK_REFUSED',
    });
    const ext = await f.bs.volumes.extend(alice, 'grow', 5, 'r');
    assert.equal(ext.volume.status, 'extending');
    assert.equal((await usage(f, 'st-1')).allocatedBytes, 5 * GiB);
    const done = await settledVolume(f, v.id);
    assert.deepEqual([done.status, done.sizeGib], ['available', 5]);
    assert.equal(f.agents.host('st-1').volumes.get(v.id)?.sizeBytes, 5 * GiB);
    const calls = f.agents.calls.length;
    assert.equal((await f.bs.volumes.extend(alice, v.id, 5, 'r')).volume.status, 'available');
    assert.equal(f.agents.calls.length, calls);
    await assert.rejects(f.bs.volumes.extend(alice, v.id, 11, 'r'), { reason: 'INSUFFICIENT_CAPACITY' });
  });

  it('a refused extend returns the volume to its old size and gives the extra claim back', async () => {
    const v = await f.bs.volumes.create(alice, { ...base, name: 'grow', sizeGib: 2, source: empty }, 'r');
    await settledVolume(f, v.id);
    f.agents.failNext.set('extend', new StratoError('RESOURCE_EXHAUSTED', 'INSUFFICIENT_CAPACITY', 'vg full'));
    await f.bs.volumes.extend(alice, v.id, 4, 'r');
    const done = await settledVolume(f, v.id);
    assert.deepEqual([done.status, done.sizeGib, done.fault?.reason], ['available', 2, 'INSUFFICIENT_CAPACITY']);
    assert.equal((await usage(f, 'st-1')).allocatedBytes, 2 * GiB);
  });

  it('another project does not see the volume: NOT_FOUND', async () => {
    const v = await f.bs.volumes.create(alice, { ...base, name: 'mine', sizeGib: 1, source: empty }, 'r');
    for (const ref of [v.id, 'mine']) {
      await assert.rejects(f.bs.volumes.get(bob, ref), { code: 'NOT_FOUND', reason: 'VOLUME_NOT_FOUND' });
      await assert.rejects(f.bs.volumes.delete(bob, ref, 'r'), { code: 'NOT_FOUND' });
    }
  });

  it('snapshots: on the volume host, claimed there; the volume cannot go while it has one; a copy from it lands there too', async () => {
    await f.storageHost('st-2', 100);
    const v = await f.bs.volumes.create(alice, { ...base, name: 'src', sizeGib: 2, source: empty, backend: '' }, 'r');
    const vol = await settledVolume(f, v.id);
    const s = await f.bs.snapshots.create(alice, { name: 'snap', description: '', volume: 'src', force: false }, 'r');
    assert.equal(s.host, vol.host);
    await until(
      'snapshot available',
      () => f.bs.snapshots.get(alice, s.id),
      (x) => x.status === 'available',
    );
    await assert.rejects(f.bs.volumes.delete(alice, v.id, 'r'), (e) => {
      assert.ok(e instanceof StratoError);
      assert.deepEqual([e.reason, e.details.snapshot_ids], ['VOLUME_HAS_SNAPSHOTS', s.id]);
      return true;
    });
    const copy = await f.bs.volumes.create(
      alice,
      { ...base, name: 'copy', sizeGib: 0, source: { kind: 'snapshot', ref: 'snap' } },
      'r',
    );
    assert.deepEqual([copy.host, copy.sizeGib, copy.snapshotId], [vol.host, 2, s.id]);
    await settledVolume(f, copy.id);
    await deleteBoth(f, s.id, v.id);
    assert.equal((await usage(f, vol.host)).allocatedBytes, 2 * GiB, 'only the copy is left');
  });
});

describe('copies hold their source', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
    await f.storageHost('st-1', 10);
  });
  afterEach(() => f.close());

  it('a volume being copied cannot be deleted, nor a snapshot a volume is made from; both free once done', async () => {
    const src = await f.bs.volumes.create(alice, { ...base, name: 'src', sizeGib: 1, source: empty }, 'r');
    await settledVolume(f, src.id);
    const snap = await f.bs.snapshots.create(alice, { name: 's', description: '', volume: src.id, force: false }, 'r');
    await until(
      'snapshot',
      () => f.bs.snapshots.get(alice, snap.id),
      (x) => x.status === 'available',
    );
    let release!: () => void;
    f.agents.hold = new Promise((r) => {
      release = r;
    });
    const copy = await f.bs.volumes.create(
      alice,
      { ...base, name: 'c1', sizeGib: 0, source: { kind: 'volume', ref: 'src' } },
      'r',
    );
    const fromSnap = await f.bs.volumes.create(
      alice,
      { ...base, name: 'c2', sizeGib: 2, source: { kind: 'snapshot', ref: 's' } },
      'r',
    );
    assert.deepEqual([copy.host, copy.sizeGib, copy.sourceVolumeId], ['st-1', 1, src.id]);
    await assert.rejects(f.bs.volumes.delete(alice, src.id, 'r'), (e) => {
      assert.ok(e instanceof StratoError);
      assert.equal(e.reason, 'INVALID_STATE');
      assert.match(e.message, /being copied/);
      return true;
    });
    await f.bs.snapshots.delete(alice, snap.id, 'r').then(
      () => assert.fail('deleted while a volume is made from it'),
      (e: StratoError) => assert.deepEqual([e.reason, e.details.volume_id], ['SNAPSHOT_IN_USE', fromSnap.id]),
    );
    await assert.rejects(
      f.bs.volumes.create(alice, { ...base, name: 'c3', sizeGib: 0, source: { kind: 'snapshot', ref: 'nope' } }, 'r'),
      {
        reason: 'SNAPSHOT_NOT_FOUND',
      },
    );
    release();
    await settledVolume(f, copy.id);
    await settledVolume(f, fromSnap.id);
    await deleteBoth(f, snap.id, src.id);
  });

  it('concurrent copies of one snapshot all hold it, and all let go', async () => {
    const src = await f.bs.volumes.create(alice, { ...base, name: 'src', sizeGib: 1, source: empty }, 'r');
    await settledVolume(f, src.id);
    const snap = await f.bs.snapshots.create(alice, { name: 's', description: '', volume: src.id, force: false }, 'r');
    await until(
      'snapshot',
      () => f.bs.snapshots.get(alice, snap.id),
      (x) => x.status === 'available',
    );
    const copies = await Promise.all(
      ['a', 'b', 'c'].map((n) =>
        f.bs.volumes.create(alice, { ...base, name: n, sizeGib: 0, source: { kind: 'snapshot', ref: snap.id } }, n),
      ),
    );
    for (const c of copies) await settledVolume(f, c.id);
    assert.deepEqual((await f.bs.snapshots.get(alice, snap.id)).volumesInProgress, []);
  });

  it('refuses a copy where the host cannot copy volumes (SNAPSHOTS_UNSUPPORTED), changing nothing', async () => {
    await f.storageHost('lvm-1', 10, {
      backend: 'lvm',
      snapshotsSupported: false,
      snapshotsUnsupportedReason: 'no device-mapper',
    });
    const v = await f.bs.volumes.create(
      alice,
      { ...base, name: 'thick', sizeGib: 1, source: empty, backend: 'lvm' },
      'r',
    );
    await settledVolume(f, v.id);
    const rev = (await f.store.status()).revision;
    await assert.rejects(
      f.bs.volumes.create(alice, { ...base, name: 'c', sizeGib: 0, source: { kind: 'volume', ref: v.id } }, 'r'),
      (e) => {
        assert.ok(e instanceof StratoError);
        assert.equal(e.reason, 'SNAPSHOTS_UNSUPPORTED');
        assert.match(e.message, /no device-mapper/);
        return true;
      },
    );
    await assert.rejects(
      f.bs.snapshots.create(alice, { name: 's', description: '', volume: v.id, force: false }, 'r'),
      {
        reason: 'SNAPSHOTS_UNSUPPORTED',
      },
    );
    assert.equal((await f.store.status()).revision, rev);
  });
});

describe('volume operations with a host that stays silent', () => {
  it('fail after the timeout with a fault naming the host', async () => {
    const f = await fixture({ timeoutMs: 400 });
    try {
      await f.storageHost('st-1', 10);
      f.agents.silent.add('st-1');
      const v = await f.bs.volumes.create(alice, { ...base, name: 'never', sizeGib: 1, source: empty }, 'r');
      const done = (
        await until(
          'error',
          () => f.bs.volumes.get(alice, v.id),
          (x) => x.volume.status === 'error',
          5000,
        )
      ).volume;
      assert.equal(done.fault?.reason, 'HOST_UNREACHABLE');
      assert.match(done.fault?.message ?? '', /host st-1 did not answer/);
      assert.equal(done.op, undefined);
    } finally {
      await f.close();
    }
  });
});
