// Conformance: capacity accounting (thick: every volume and snapshot counts in full),
// refusal beyond it, and no over-allocation under concurrent creates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { id, observable, rejectsWith, type SubjectFactory, unit, useSubject } from './suite-helpers.ts';

export function capacityTests(factory: SubjectFactory): void {
  test('capacity counts every volume in full and gives it back on delete', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const c0 = await s.driver.capacity();
    assert.ok(c0.totalBytes > 0 && c0.freeBytes > 0 && c0.freeBytes <= c0.totalBytes - c0.allocatedBytes);
    const a = id();
    const b = id();
    await s.driver.create({ volumeId: a, sizeBytes: 2 * u, source: { kind: 'empty' } });
    await s.driver.create({ volumeId: b, sizeBytes: 3 * u, source: { kind: 'volume', volumeId: a } });
    const c1 = await s.driver.capacity();
    assert.equal(c1.totalBytes, c0.totalBytes);
    assert.equal(c1.allocatedBytes, c0.allocatedBytes + 5 * u);
    assert.equal(c1.freeBytes, c0.freeBytes - 5 * u);
    await s.driver.delete(a);
    await s.driver.delete(b);
    const c2 = await s.driver.capacity();
    assert.equal(c2.allocatedBytes, c0.allocatedBytes);
    assert.equal(c2.freeBytes, c0.freeBytes);
  });

  test('beyond the free space, create and extend are RESOURCE_EXHAUSTED and change nothing', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const { freeBytes } = await s.driver.capacity();
    const tooBig = Math.floor(freeBytes / u) * u + u;
    const before = await observable(s.driver);
    const err = await rejectsWith(
      s.driver.create({ volumeId: id(), sizeBytes: tooBig, source: { kind: 'empty' } }),
      'RESOURCE_EXHAUSTED',
      'INSUFFICIENT_CAPACITY',
    );
    assert.equal(err.details.requestedBytes, String(tooBig));
    assert.deepEqual(await observable(s.driver), before);
    const v = id();
    await s.driver.create({ volumeId: v, sizeBytes: u, source: { kind: 'empty' } });
    const mid = await observable(s.driver);
    await rejectsWith(s.driver.extend(v, tooBig + u), 'RESOURCE_EXHAUSTED', 'INSUFFICIENT_CAPACITY');
    assert.deepEqual(await observable(s.driver), mid);
  });

  test('concurrent creates never allocate more than the free space', async (t) => {
    const s = await useSubject(t, factory);
    const u = unit(s.driver);
    const { freeBytes } = await s.driver.capacity();
    // Each create takes a bit more than a third: at most two fit, whatever the interleaving.
    const size = Math.ceil(freeBytes / 3 / u) * u + u;
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => s.driver.create({ volumeId: id(), sizeBytes: size, source: { kind: 'empty' } })),
    );
    const made = results.filter((r) => r.status === 'fulfilled').length;
    assert.equal(made, Math.floor(freeBytes / size), 'exactly as many as fit');
    for (const r of results) {
      if (r.status === 'rejected') assert.equal((r.reason as { reason?: string }).reason, 'INSUFFICIENT_CAPACITY');
    }
    const cap = await s.driver.capacity();
    assert.ok(cap.allocatedBytes <= cap.totalBytes);
    assert.equal((await s.driver.list()).volumes.length, made);
  });
}
