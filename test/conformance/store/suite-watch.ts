// Conformance: watch - live order, replay, resumption, prefixes, compaction, ending.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { brief, rejectsWith, revisionOf, type StoreFactory, useStore, WatchReader } from './suite-helpers.ts';

export function watchTests(factory: StoreFactory): void {
  test('live events arrive in order with values, revisions and previous values', async (t) => {
    const { store } = await useStore(t, factory);
    const w = new WatchReader(store, '/w/');
    t.after(() => w.close());
    const a = await store.create('/w/a', { v: 1 });
    const b = await store.update('/w/a', { v: 2 });
    const d = await store.delete('/w/a');
    const [e1, e2, e3] = await w.take(3);
    assert.deepEqual(e1, {
      type: 'put',
      key: '/w/a',
      modRevision: a.modRevision,
      createRevision: a.modRevision,
      version: 1,
      value: { v: 1 },
    });
    assert.deepEqual(e2, {
      type: 'put',
      key: '/w/a',
      modRevision: b.modRevision,
      createRevision: a.modRevision,
      version: 2,
      value: { v: 2 },
      prevValue: { v: 1 },
      prevModRevision: a.modRevision,
    });
    assert.deepEqual(e3, {
      type: 'delete',
      key: '/w/a',
      modRevision: d.revision,
      createRevision: a.modRevision,
      version: 0,
      prevValue: { v: 2 },
      prevModRevision: b.modRevision,
    });
    await w.none();
  });

  test('a watch sees changes made between watch() and its first next()', async (t) => {
    const { store } = await useStore(t, factory);
    const w = new WatchReader(store, '/w/');
    t.after(() => w.close());
    const a = await store.create('/w/early', 1);
    assert.deepEqual(brief(await w.next()), ['put', '/w/early', a.modRevision, 1]);
  });

  test('replay from a revision, then live changes, without gap or duplicate', async (t) => {
    const { store } = await useStore(t, factory);
    const revs: number[] = [];
    for (let i = 0; i < 5; i++) revs.push((await store.create(`/w/k${i}`, i)).modRevision);
    const w = new WatchReader(store, '/w/', { fromRevision: revs[1] });
    t.after(() => w.close());
    const replay = await w.take(4);
    assert.deepEqual(
      replay.map((e) => e.modRevision),
      revs.slice(1),
    );
    const live = await store.update('/w/k0', 'live');
    assert.deepEqual(brief(await w.next()), ['put', '/w/k0', live.modRevision, 'live']);
    await w.none();
  });

  test('replays long histories completely and in order', async (t) => {
    const { store } = await useStore(t, factory);
    const r0 = await revisionOf(store);
    for (let i = 0; i < 600; i++) await store.txn([], [{ kind: 'put', key: `/long/${i % 7}`, value: i }]);
    const w = new WatchReader(store, '/long/', { fromRevision: r0 + 1 });
    t.after(() => w.close());
    const events = await w.take(600, 5000);
    assert.deepEqual(
      events.map((e) => e.value),
      Array.from({ length: 600 }, (_, i) => i),
    );
    assert.deepEqual(
      events.map((e) => e.modRevision),
      Array.from({ length: 600 }, (_, i) => r0 + 1 + i),
    );
    await w.none();
  });

  test('resuming from the last seen revision + 1 yields exactly the missed changes', async (t) => {
    const { store } = await useStore(t, factory);
    const first = new WatchReader(store, '/w/');
    for (let i = 0; i < 3; i++) await store.create(`/w/${i}`, i);
    const seen = await first.take(3);
    first.close();
    assert.equal(await first.end(), 'done');
    const last = seen.at(-1)!.modRevision;
    const missed = [
      await store.update('/w/0', 'x'),
      await store.create('/w/3', 3),
      await store.update('/w/3', 'y'),
    ].map((e) => e.modRevision);
    missed.push((await store.delete('/w/1')).revision);
    const tx = await store.txn(
      [],
      [
        { kind: 'put', key: '/w/4', value: 4 },
        { kind: 'delete', key: '/w/2' },
      ],
    );
    const resumed = new WatchReader(store, '/w/', { fromRevision: last + 1 });
    t.after(() => resumed.close());
    const got = await resumed.take(6);
    assert.deepEqual(
      got.map((e) => e.modRevision),
      [...missed, tx.revision, tx.revision],
    );
    assert.deepEqual(
      got.map((e) => [e.type, e.key]),
      [
        ['put', '/w/0'],
        ['put', '/w/3'],
        ['put', '/w/3'],
        ['delete', '/w/1'],
        ['put', '/w/4'],
        ['delete', '/w/2'],
      ],
    );
    await resumed.none();
    const next = await store.create('/w/5', 5);
    assert.deepEqual(brief(await resumed.next()), ['put', '/w/5', next.modRevision, 5]);
  });

  test('a prefix watch ignores other keys; an empty prefix sees everything', async (t) => {
    const { store } = await useStore(t, factory);
    const w = new WatchReader(store, '/w/a/');
    const all = new WatchReader(store, '');
    t.after(() => {
      w.close();
      all.close();
    });
    await store.create('/w/ab', 1);
    await store.create('/w/a', 1);
    await store.create('/w/b/x', 1);
    const mine = await store.create('/w/a/x', 1);
    await store.create('/w/a0', 1);
    assert.deepEqual(brief(await w.next()), ['put', '/w/a/x', mine.modRevision, 1]);
    await w.none();
    assert.deepEqual(
      (await all.take(5)).map((e) => e.key),
      ['/w/ab', '/w/a', '/w/b/x', '/w/a/x', '/w/a0'],
    );
  });

  test('several watchers each receive every event', async (t) => {
    const { store } = await useStore(t, factory);
    const readers = Array.from({ length: 3 }, () => new WatchReader(store, '/w/'));
    t.after(() => {
      for (const r of readers) r.close();
    });
    for (let i = 0; i < 5; i++) await store.create(`/w/${i}`, i);
    for (const r of readers)
      assert.deepEqual(
        (await r.take(5)).map((e) => e.value),
        [0, 1, 2, 3, 4],
      );
  });

  test('a compacted revision fails with OUT_OF_RANGE/REVISION_COMPACTED; the compaction point still works', async (t) => {
    const { store } = await useStore(t, factory);
    const revs: number[] = [];
    for (let i = 0; i < 5; i++) revs.push((await store.create(`/w/c${i}`, i)).modRevision);
    const point = revs[3]!;
    await store.compact(point);
    assert.equal((await store.status()).compactRevision, point);
    const old = new WatchReader(store, '/w/', { fromRevision: point - 1 });
    const err = await old.end();
    assert.ok(isStratoError(err, 'OUT_OF_RANGE') && err.reason === 'REVISION_COMPACTED', String(err));
    assert.equal(err.details.compactRevision, String(point));
    const ok = new WatchReader(store, '/w/', { fromRevision: point });
    t.after(() => ok.close());
    assert.deepEqual(
      (await ok.take(2)).map((e) => e.modRevision),
      revs.slice(3),
    );
    // Values are untouched by compaction; compacting backwards is a no-op.
    assert.equal((await store.get('/w/c0')).value, 0);
    await store.compact(revs[1]!);
    assert.equal((await store.status()).compactRevision, point);
    const now = await revisionOf(store);
    await rejectsWith(store.compact(now + 1), 'OUT_OF_RANGE', 'REVISION_IN_FUTURE');
    await rejectsWith(store.compact(-1), 'INVALID_ARGUMENT', 'REVISION_INVALID');
  });

  test('invalid watch arguments fail the iteration with INVALID_ARGUMENT', async (t) => {
    const { store } = await useStore(t, factory);
    const badPrefix = await new WatchReader(store, 'no-slash').end();
    assert.ok(isStratoError(badPrefix, 'INVALID_ARGUMENT') && badPrefix.reason === 'PREFIX_INVALID');
    const badRev = await new WatchReader(store, '/w/', { fromRevision: -3 }).end();
    assert.ok(isStratoError(badRev, 'INVALID_ARGUMENT') && badRev.reason === 'REVISION_INVALID');
  });

  test('a watch from a future revision waits for it', async (t) => {
    const { store } = await useStore(t, factory);
    const r0 = await revisionOf(store);
    const w = new WatchReader(store, '/w/', { fromRevision: r0 + 3 });
    t.after(() => w.close());
    await store.create('/w/1', 1);
    await store.create('/w/2', 2);
    await w.none();
    const third = await store.create('/w/3', 3);
    assert.deepEqual(brief(await w.next()), ['put', '/w/3', third.modRevision, 3]);
  });

  test('aborting ends a waiting watch without error; closing the store ends it with STORE_CLOSED', async (t) => {
    const { store } = await useStore(t, factory);
    const aborted = new WatchReader(store, '/w/');
    await aborted.none(50); // now waiting for a change
    aborted.close();
    assert.equal(await aborted.end(), 'done');
    const w = new WatchReader(store, '/w/');
    await w.none(50);
    await store.close();
    const err = await w.end();
    assert.ok(isStratoError(err, 'UNAVAILABLE') && err.reason === 'STORE_CLOSED', String(err));
  });

  test('breaking out of for-await ends the watch', async (t) => {
    const { store } = await useStore(t, factory);
    const r0 = await revisionOf(store);
    for (let i = 0; i < 3; i++) await store.create(`/w/${i}`, i);
    const seen: number[] = [];
    for await (const ev of store.watch<number>('/w/', { fromRevision: r0 + 1 })) {
      seen.push(ev.value!);
      if (seen.length === 2) break;
    }
    assert.deepEqual(seen, [0, 1]);
  });
}
