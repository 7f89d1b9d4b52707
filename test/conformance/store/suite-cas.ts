// Conformance: compare-and-swap, concurrent losers and multi-key transactions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import type { Store } from '../../../conductor/store/store.ts';
import { rejectsWith, revisionOf, type StoreFactory, useStore } from './suite-helpers.ts';

/** Read-modify-write through CAS, retrying on ABORTED like conductor code will. */
async function increment(store: Store, key: string): Promise<number> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const cur = await store.get<{ n: number }>(key);
    await new Promise((r) => setImmediate(r)); // let other writers interleave
    try {
      await store.update(key, { n: cur.value.n + 1 }, { expectedModRevision: cur.modRevision });
      return attempt;
    } catch (err) {
      if (!isStratoError(err, 'ABORTED')) throw err;
    }
  }
  throw new Error('increment never won');
}

export function casTests(factory: StoreFactory): void {
  test('update and delete with the current modRevision succeed; with a stale one fail with ABORTED', async (t) => {
    const { store } = await useStore(t, factory);
    const a = await store.create('/cas/a', 1);
    const b = await store.update('/cas/a', 2, { expectedModRevision: a.modRevision });
    const err = await rejectsWith(
      store.update('/cas/a', 3, { expectedModRevision: a.modRevision }),
      'ABORTED',
      'REVISION_MISMATCH',
    );
    assert.deepEqual(err.details, { key: '/cas/a', expected: String(a.modRevision), actual: String(b.modRevision) });
    await rejectsWith(store.delete('/cas/a', { expectedModRevision: a.modRevision }), 'ABORTED', 'REVISION_MISMATCH');
    assert.deepEqual(await store.get('/cas/a'), b);
    const del = await store.delete('/cas/a', { expectedModRevision: b.modRevision });
    assert.deepEqual(del.prev, b);
    await rejectsWith(store.update('/cas/a', 1, { expectedModRevision: -1 }), 'INVALID_ARGUMENT', 'REVISION_INVALID');
  });

  test('20 concurrent CAS-retry increments end at exactly 20', async (t) => {
    const { store } = await useStore(t, factory);
    await store.create('/cas/counter', { n: 0 });
    const attempts = await Promise.all(Array.from({ length: 20 }, () => increment(store, '/cas/counter')));
    const final = await store.get<{ n: number }>('/cas/counter');
    assert.equal(final.value.n, 20);
    assert.equal(final.version, 21);
    assert.ok(attempts.reduce((a, b) => a + b, 0) > 0, 'the increments never raced; the test proves nothing');
  });

  test('concurrent CAS on the same revision: exactly one winner, the others ABORTED', async (t) => {
    const { store } = await useStore(t, factory);
    const a = await store.create('/cas/race', 'start');
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.update('/cas/race', `writer-${i}`, { expectedModRevision: a.modRevision }),
      ),
    );
    const winners = settled.filter((s) => s.status === 'fulfilled');
    const losers = settled.filter((s) => s.status === 'rejected');
    assert.equal(winners.length, 1);
    for (const l of losers) assert.ok(isStratoError(l.reason, 'ABORTED') && l.reason.reason === 'REVISION_MISMATCH');
    const got = await store.get('/cas/race');
    assert.equal(got.value, (winners[0] as PromiseFulfilledResult<{ value: unknown }>).value.value);
    assert.equal(got.version, 2);
  });

  test('concurrent creates of one key: exactly one succeeds', async (t) => {
    const { store } = await useStore(t, factory);
    const settled = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.create('/cas/once', i)));
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1);
    for (const s of settled) if (s.status === 'rejected') assert.ok(isStratoError(s.reason, 'ALREADY_EXISTS'));
  });

  test('a transaction applies all ops at one new revision when every compare holds', async (t) => {
    const { store } = await useStore(t, factory);
    const a = await store.create('/txn/a', 1);
    await store.create('/txn/gone', 1);
    const r0 = await revisionOf(store);
    const res = await store.txn(
      [
        { kind: 'modRevision', key: '/txn/a', modRevision: a.modRevision },
        { kind: 'absent', key: '/txn/new' },
        { kind: 'exists', key: '/txn/gone' },
      ],
      [
        { kind: 'put', key: '/txn/a', value: 2 },
        { kind: 'create', key: '/txn/new', value: 'n' },
        { kind: 'delete', key: '/txn/gone' },
        { kind: 'put', key: '/txn/upsert', value: 'u' },
      ],
    );
    assert.ok(res.succeeded);
    assert.equal(res.revision, r0 + 1);
    assert.equal(await revisionOf(store), r0 + 1);
    assert.deepEqual(
      res.results.map((r) => (r.kind === 'delete' ? [r.kind, r.deleted] : [r.kind, r.entry.modRevision])),
      [
        ['put', r0 + 1],
        ['create', r0 + 1],
        ['delete', true],
        ['put', r0 + 1],
      ],
    );
    assert.deepEqual(await store.get('/txn/a'), {
      key: '/txn/a',
      value: 2,
      createRevision: a.createRevision,
      modRevision: r0 + 1,
      version: 2,
    });
    assert.equal((await store.get('/txn/new')).value, 'n');
    assert.equal((await store.get('/txn/upsert')).version, 1);
    await rejectsWith(store.get('/txn/gone'), 'NOT_FOUND', 'KEY_NOT_FOUND');
  });

  test('a failed compare applies nothing and names the compare', async (t) => {
    const { store } = await useStore(t, factory);
    const a = await store.create('/txn/a', 1);
    await store.update('/txn/a', 2);
    const r0 = await revisionOf(store);
    const ops = [
      { kind: 'put' as const, key: '/txn/b', value: 1 },
      { kind: 'delete' as const, key: '/txn/a' },
    ];
    const stale = await store.txn(
      [
        { kind: 'exists', key: '/txn/a' },
        { kind: 'modRevision', key: '/txn/a', modRevision: a.modRevision },
      ],
      ops,
    );
    assert.deepEqual(stale, {
      succeeded: false,
      revision: r0,
      failed: { source: 'compare', index: 1, key: '/txn/a', actual: { exists: true, modRevision: r0 } },
    });
    const missing = await store.txn([{ kind: 'exists', key: '/txn/nope' }], ops);
    assert.deepEqual(!missing.succeeded && missing.failed, {
      source: 'compare',
      index: 0,
      key: '/txn/nope',
      actual: { exists: false, modRevision: 0 },
    });
    const present = await store.txn([{ kind: 'absent', key: '/txn/a' }], ops);
    assert.equal(!present.succeeded && present.failed.index, 0);
    const createExisting = await store.txn(
      [],
      [
        { kind: 'put', key: '/txn/c', value: 1 },
        { kind: 'create', key: '/txn/a', value: 0 },
      ],
    );
    assert.deepEqual(!createExisting.succeeded && createExisting.failed, {
      source: 'op',
      index: 1,
      key: '/txn/a',
      actual: { exists: true, modRevision: r0 },
    });
    assert.equal(await revisionOf(store), r0);
    await rejectsWith(store.get('/txn/b'), 'NOT_FOUND', 'KEY_NOT_FOUND');
    await rejectsWith(store.get('/txn/c'), 'NOT_FOUND', 'KEY_NOT_FOUND');
    assert.equal((await store.get('/txn/a')).value, 2);
  });

  test('a transaction that changes nothing keeps the revision', async (t) => {
    const { store } = await useStore(t, factory);
    await store.create('/txn/a', 1);
    const r0 = await revisionOf(store);
    const res = await store.txn([{ kind: 'exists', key: '/txn/a' }], [{ kind: 'delete', key: '/txn/absent' }]);
    assert.deepEqual(res, {
      succeeded: true,
      revision: r0,
      results: [{ kind: 'delete', key: '/txn/absent', deleted: false }],
    });
    assert.deepEqual(await store.txn([], []), { succeeded: true, revision: r0, results: [] });
    assert.equal(await revisionOf(store), r0);
  });

  test('malformed transactions are INVALID_ARGUMENT and apply nothing', async (t) => {
    const { store } = await useStore(t, factory);
    const r0 = await revisionOf(store);
    const put = (key: string, value: unknown = 1) => ({ kind: 'put' as const, key, value });
    await rejectsWith(store.txn([], [put('/t/a'), { kind: 'delete', key: '/t/a' }]), 'INVALID_ARGUMENT', 'TXN_INVALID');
    await rejectsWith(
      store.txn(
        [],
        Array.from({ length: 129 }, (_, i) => put(`/t/${i}`)),
      ),
      'INVALID_ARGUMENT',
      'TXN_INVALID',
    );
    await rejectsWith(store.txn([], [put('/t/ok'), put('bad')]), 'INVALID_ARGUMENT', 'KEY_INVALID');
    await rejectsWith(store.txn([{ kind: 'exists', key: 'bad' }], [put('/t/ok')]), 'INVALID_ARGUMENT', 'KEY_INVALID');
    await rejectsWith(
      store.txn([], [put('/t/ok'), { kind: 'put', key: '/t/v', value: undefined }]),
      'INVALID_ARGUMENT',
      'VALUE_INVALID',
    );
    await rejectsWith(store.txn([], [{ kind: 'rename', key: '/t/a' } as never]), 'INVALID_ARGUMENT', 'TXN_INVALID');
    await rejectsWith(store.txn([{ kind: 'bigger', key: '/t/a' } as never], []), 'INVALID_ARGUMENT', 'TXN_INVALID');
    const creates = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ kind: 'create' as const, key: `/t/c/${i}`, value: 1 }));
    const absent = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'absent' as const, key: `/t/x/${i}` }));
    await rejectsWith(store.txn(absent(100), creates(29)), 'INVALID_ARGUMENT', 'TXN_INVALID'); // 129 compares
    assert.ok((await store.txn(absent(100), creates(28))).succeeded);
    const puts = Array.from({ length: 128 }, (_, i) => put(`/t/max/${i}`));
    assert.ok((await store.txn([], puts)).succeeded);
    assert.equal(await revisionOf(store), r0 + 2);
    await rejectsWith(store.get('/t/ok'), 'NOT_FOUND', 'KEY_NOT_FOUND');
  });

  test('concurrent CAS transfers between keys preserve the total', async (t) => {
    const { store } = await useStore(t, factory);
    await store.create('/bank/a', 100);
    await store.create('/bank/b', 100);
    const transfer = async (from: string, to: string) => {
      for (;;) {
        const [f, g] = [await store.get<number>(from), await store.get<number>(to)];
        const res = await store.txn(
          [
            { kind: 'modRevision', key: from, modRevision: f.modRevision },
            { kind: 'modRevision', key: to, modRevision: g.modRevision },
          ],
          [
            { kind: 'put', key: from, value: f.value - 1 },
            { kind: 'put', key: to, value: g.value + 1 },
          ],
        );
        if (res.succeeded) return;
      }
    };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 4 === 0 ? transfer('/bank/b', '/bank/a') : transfer('/bank/a', '/bank/b'),
      ),
    );
    const [a, b] = [(await store.get<number>('/bank/a')).value, (await store.get<number>('/bank/b')).value];
    assert.equal(a + b, 200);
    assert.equal(a, 100 - 15 + 5);
  });
}
