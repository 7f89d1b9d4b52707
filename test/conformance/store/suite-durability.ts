// Conformance: what was committed survives closing and reopening the store.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store, StoreStatus } from '../../../conductor/store/store.ts';
import { type StoreFactory, useStore, WatchReader } from './suite-helpers.ts';

export function durabilityTests(factory: StoreFactory): void {
  test('data, revisions and watch history survive close and reopen', async (t) => {
    const handle = await useStore(t, factory);
    if (handle.reopen === undefined) return t.skip('the factory cannot reopen this backend');
    const { store } = handle;
    const a = await store.create('/d/a', { v: 1 });
    const b = await store.create('/d/b', 2);
    await store.update('/d/a', { v: 3 });
    await store.delete('/d/b');
    const before = await store.status();
    await store.close();
    const again = await handle.reopen();
    try {
      await checkReopened(again, a.modRevision, b.modRevision, before);
    } finally {
      await again.close(); // before the factory's cleanup removes the data
    }
  });
}

async function checkReopened(again: Store, aRev: number, bRev: number, before: StoreStatus): Promise<void> {
  assert.deepEqual(await again.status(), before);
  assert.deepEqual(await again.get('/d/a'), {
    key: '/d/a',
    value: { v: 3 },
    createRevision: aRev,
    modRevision: aRev + 2,
    version: 2,
  });
  assert.deepEqual(
    (await again.list('/d/')).entries.map((e) => e.key),
    ['/d/a'],
  );
  const w = new WatchReader(again, '/d/', { fromRevision: aRev });
  assert.deepEqual(
    (await w.take(4)).map((e) => [e.type, e.key, e.modRevision]),
    [
      ['put', '/d/a', aRev],
      ['put', '/d/b', bRev],
      ['put', '/d/a', aRev + 2],
      ['delete', '/d/b', aRev + 3],
    ],
  );
  // Revisions never repeat across a restart.
  const c = await again.create('/d/c', 1);
  assert.equal(c.modRevision, before.revision + 1);
  assert.equal((await w.next()).modRevision, c.modRevision);
  w.close();
}
