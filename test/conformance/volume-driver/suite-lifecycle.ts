// Conformance: create, get, list, extend, delete; their idempotency and their errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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

export function lifecycleTests(factory: SubjectFactory): void {
  test('create makes an empty volume of the size asked, rounded up to the allocation unit', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const v = id();
    const created = await s.driver.create({ volumeId: v, sizeBytes: u + MiB, source: { kind: 'empty' } });
    assert.deepEqual(created, { volumeId: v, sizeBytes: 2 * u });
    assert.deepEqual(await s.driver.get(v), created);
    assert.deepEqual((await s.driver.list()).volumes, [created]);
    assert.ok(isZero(await s.read(v, 0, 2 * u)), 'a new volume reads as zeros');
    assert.ok((await s.driver.localPath(v)).length > 0);
  });

  test('repeating a create returns the volume unchanged; another size is ALREADY_EXISTS', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const v = id();
    const first = await s.driver.create({ volumeId: v, sizeBytes: u, source: { kind: 'empty' } });
    const data = pattern(4096);
    await s.write(v, 0, data);
    assert.deepEqual(await s.driver.create({ volumeId: v, sizeBytes: u, source: { kind: 'empty' } }), first);
    assert.deepEqual(await s.read(v, 0, 4096), data, 'a repeated create leaves the data alone');
    const before = await observable(s.driver);
    const err = await rejectsWith(
      s.driver.create({ volumeId: v, sizeBytes: 2 * u, source: { kind: 'empty' } }),
      'ALREADY_EXISTS',
      'VOLUME_EXISTS',
    );
    assert.equal(err.details.volumeId, v);
    assert.deepEqual(await observable(s.driver), before);
  });

  test('bad ids and sizes are INVALID_ARGUMENT naming the field, and change nothing', async (t) => {
    const s = await useSubject(t, factory);
    const before = await observable(s.driver);
    const cases: [Promise<unknown>, string][] = [
      [s.driver.create({ volumeId: '../etc', sizeBytes: MiB, source: { kind: 'empty' } }), 'volume_id'],
      [s.driver.create({ volumeId: id().toUpperCase(), sizeBytes: MiB, source: { kind: 'empty' } }), 'volume_id'],
      [s.driver.create({ volumeId: id(), sizeBytes: 0, source: { kind: 'empty' } }), 'size_bytes'],
      [s.driver.create({ volumeId: id(), sizeBytes: -MiB, source: { kind: 'empty' } }), 'size_bytes'],
      [s.driver.create({ volumeId: id(), sizeBytes: MiB + 512, source: { kind: 'empty' } }), 'size_bytes'],
      [s.driver.create({ volumeId: id(), sizeBytes: 1.5, source: { kind: 'empty' } }), 'size_bytes'],
      [
        s.driver.create({ volumeId: id(), sizeBytes: MiB, source: { kind: 'snapshot', snapshotId: 'x' } }),
        'snapshot_id',
      ],
      [
        s.driver.create({ volumeId: id(), sizeBytes: MiB, source: { kind: 'volume', volumeId: 'x;y' } }),
        'source_volume_id',
      ],
      [s.driver.extend('nope', MiB), 'volume_id'],
      [s.driver.delete(''), 'volume_id'],
      [s.driver.createSnapshot('x', id()), 'snapshot_id'],
      [s.driver.deleteSnapshot('/'), 'snapshot_id'],
      [s.driver.localPath('a/b'), 'volume_id'],
    ];
    for (const [call, field] of cases) {
      const err = await rejectsWith(call, 'INVALID_ARGUMENT', 'INVALID_VOLUME_REQUEST');
      assert.equal(err.details.field, field, err.message);
      assert.ok(err.message.length < 200, 'the error does not echo unbounded input');
    }
    assert.deepEqual(await observable(s.driver), before);
  });

  test('extend grows the volume, keeps its data and zeroes the new tail; repeating it is a no-op', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const v = id();
    await s.driver.create({ volumeId: v, sizeBytes: u, source: { kind: 'empty' } });
    const head = pattern(8192);
    await s.write(v, 0, head);
    const cap0 = await s.driver.capacity();
    assert.deepEqual(await s.driver.extend(v, 3 * u), { volumeId: v, sizeBytes: 3 * u });
    assert.deepEqual(await s.driver.get(v), { volumeId: v, sizeBytes: 3 * u });
    assert.deepEqual(await s.read(v, 0, 8192), head);
    assert.ok(isZero(await s.read(v, u, 2 * u)), 'the grown tail reads as zeros');
    assert.equal((await s.driver.capacity()).allocatedBytes, cap0.allocatedBytes + 2 * u);
    assert.deepEqual(await s.driver.extend(v, 3 * u), { volumeId: v, sizeBytes: 3 * u });
    assert.equal((await s.driver.capacity()).allocatedBytes, cap0.allocatedBytes + 2 * u);
  });

  test('shrinking is refused (INVALID_ARGUMENT on size_bytes) and extending a missing volume is NOT_FOUND', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const v = id();
    await s.driver.create({ volumeId: v, sizeBytes: 2 * u, source: { kind: 'empty' } });
    const before = await observable(s.driver);
    const err = await rejectsWith(s.driver.extend(v, u), 'INVALID_ARGUMENT', 'VOLUME_SHRINK_REFUSED');
    assert.equal(err.details.field, 'size_bytes');
    await rejectsWith(s.driver.extend(id(), u), 'NOT_FOUND', 'VOLUME_NOT_FOUND');
    await rejectsWith(s.driver.localPath(id()), 'NOT_FOUND', 'VOLUME_NOT_FOUND');
    assert.deepEqual(await observable(s.driver), before);
  });

  test('delete removes the volume and frees its space; deleting it again, or a volume never made, succeeds', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const cap0 = await s.driver.capacity();
    const v = id();
    await s.driver.create({ volumeId: v, sizeBytes: 2 * u, source: { kind: 'empty' } });
    await s.driver.delete(v);
    assert.equal(await s.driver.get(v), undefined);
    assert.deepEqual((await s.driver.list()).volumes, []);
    assert.equal((await s.driver.capacity()).allocatedBytes, cap0.allocatedBytes);
    await s.driver.delete(v);
    await s.driver.delete(id());
    await s.driver.deleteSnapshot(id());
  });
}
