// Conformance: volumes made from images, from other volumes and from snapshots (or
// the backend's refusal of snapshots, with its reason).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ImageFixture, makeImages } from './fixtures.ts';
import {
  id,
  isZero,
  MiB,
  observable,
  pattern,
  rejectsWith,
  type SubjectFactory,
  unit,
  useSubject,
} from './suite-helpers.ts';

export function sourceTests(factory: SubjectFactory): void {
  let img: ImageFixture;
  before(async () => {
    img = await makeImages();
  });
  after(() => img?.close());

  for (const format of ['raw', 'qcow2'] as const) {
    test(`create from a ${format} image copies its content; the rest of the volume reads as zeros`, async (t) => {
      const s = await useSubject(t, factory);
      const size = Math.ceil((img.virtualSize + MiB) / unit(s.driver)) * unit(s.driver);
      const v = id();
      const progress: number[] = [];
      const created = await s.driver.create({
        volumeId: v,
        sizeBytes: size,
        source: { kind: 'image', path: format === 'raw' ? img.raw : img.qcow2, format },
        onProgress: (p) => progress.push(p),
      });
      assert.deepEqual(created, { volumeId: v, sizeBytes: size });
      assert.deepEqual(await s.read(v, 0, img.head.length), img.head);
      assert.deepEqual(await s.read(v, img.tailAt, img.tail.length), img.tail);
      assert.ok(isZero(await s.read(v, img.head.length, img.tailAt - img.head.length)));
      assert.ok(isZero(await s.read(v, img.virtualSize, size - img.virtualSize)), 'beyond the image: zeros');
      assert.equal(progress.at(-1), 100, 'progress ends at 100');
      assert.ok(
        progress.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= progress[i - 1]!)),
        String(progress),
      );
    });
  }

  test('a volume smaller than its image is INVALID_ARGUMENT on size_bytes; a failed copy leaves nothing', async (t) => {
    const s = await useSubject(t, factory);
    const before = await observable(s.driver);
    const small = await rejectsWith(
      s.driver.create({
        volumeId: id(),
        sizeBytes: 4 * MiB,
        source: { kind: 'image', path: img.qcow2, format: 'qcow2' },
      }),
      'INVALID_ARGUMENT',
      'SIZE_BELOW_SOURCE',
    );
    assert.equal(small.details.field, 'size_bytes');
    // Named as qcow2 but raw: the copy fails (the format is never guessed) and nothing stays behind.
    const v = id();
    await assert.rejects(
      s.driver.create({ volumeId: v, sizeBytes: 12 * MiB, source: { kind: 'image', path: img.raw, format: 'qcow2' } }),
    );
    assert.equal(await s.driver.get(v), undefined);
    assert.deepEqual(await observable(s.driver), before);
  });

  test('clone from a volume copies its bytes at that moment; the two are independent', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const a = id();
    const b = id();
    await s.driver.create({ volumeId: a, sizeBytes: u, source: { kind: 'empty' } });
    const data = pattern(MiB);
    await s.write(a, 0, data);
    const clone = await s.driver.create({ volumeId: b, sizeBytes: 2 * u, source: { kind: 'volume', volumeId: a } });
    assert.deepEqual(clone, { volumeId: b, sizeBytes: 2 * u });
    assert.deepEqual(await s.read(b, 0, MiB), data);
    assert.ok(isZero(await s.read(b, u, u)), 'the larger clone has a zero tail');
    await s.write(a, 0, pattern(4096));
    assert.deepEqual(await s.read(b, 0, MiB), data, 'writes to the source do not reach the clone');
    await rejectsWith(
      s.driver.create({ volumeId: id(), sizeBytes: 2 * u, source: { kind: 'volume', volumeId: id() } }),
      'NOT_FOUND',
      'VOLUME_NOT_FOUND',
    );
    await rejectsWith(
      s.driver.create({ volumeId: id(), sizeBytes: u, source: { kind: 'volume', volumeId: b } }),
      'INVALID_ARGUMENT',
      'SIZE_BELOW_SOURCE',
    );
  });

  test('snapshots: point-in-time copies that hold their volume, or a FAILED_PRECONDITION with the reason', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const v = id();
    const snap = id();
    await s.driver.create({ volumeId: v, sizeBytes: u, source: { kind: 'empty' } });
    const before = pattern(MiB);
    await s.write(v, 0, before);
    const support = s.driver.capabilities().snapshots;
    if (!support.supported) {
      assert.ok(support.reason.length > 10, 'the refusal says why');
      const state = await observable(s.driver);
      const err = await rejectsWith(s.driver.createSnapshot(snap, v), 'FAILED_PRECONDITION', 'SNAPSHOTS_UNSUPPORTED');
      assert.ok(err.message.includes(support.reason));
      await rejectsWith(
        s.driver.create({ volumeId: id(), sizeBytes: u, source: { kind: 'snapshot', snapshotId: snap } }),
        'NOT_FOUND',
        'SNAPSHOT_NOT_FOUND',
      );
      assert.deepEqual(await observable(s.driver), state);
      return;
    }
    const taken = await s.driver.createSnapshot(snap, v);
    assert.deepEqual(taken, { snapshotId: snap, volumeId: v, sizeBytes: u });
    assert.deepEqual(await s.driver.createSnapshot(snap, v), taken, 'repeating it returns the same snapshot');
    assert.deepEqual((await s.driver.list()).snapshots, [taken]);
    await s.write(v, 0, pattern(MiB));
    const restored = id();
    await s.driver.create({ volumeId: restored, sizeBytes: u, source: { kind: 'snapshot', snapshotId: snap } });
    assert.deepEqual(await s.read(restored, 0, MiB), before, 'the snapshot kept the bytes of its moment');

    const other = id();
    await s.driver.create({ volumeId: other, sizeBytes: u, source: { kind: 'empty' } });
    await rejectsWith(s.driver.createSnapshot(snap, other), 'ALREADY_EXISTS', 'SNAPSHOT_EXISTS');
    await rejectsWith(s.driver.createSnapshot(id(), id()), 'NOT_FOUND', 'VOLUME_NOT_FOUND');
    const held = await rejectsWith(s.driver.delete(v), 'FAILED_PRECONDITION', 'VOLUME_HAS_SNAPSHOTS');
    assert.ok(held.message.includes(snap), 'the error names what holds the volume');
    assert.ok((await s.driver.get(v)) !== undefined);

    await s.driver.deleteSnapshot(snap);
    await s.driver.deleteSnapshot(snap);
    assert.deepEqual((await s.driver.list()).snapshots, []);
    await s.driver.delete(v);
  });
}
