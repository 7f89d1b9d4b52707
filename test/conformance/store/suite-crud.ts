// Conformance: get / create / update / delete, their errors, values and revisions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rejectsWith, revisionOf, type StoreFactory, useStore } from './suite-helpers.ts';

export function crudTests(factory: StoreFactory): void {
  test('create then get returns the value with revisions and version 1', async (t) => {
    const { store } = await useStore(t, factory);
    const r0 = await revisionOf(store);
    const created = await store.create('/crud/a', { name: 'a', n: 1 });
    assert.deepEqual(created, {
      key: '/crud/a',
      value: { name: 'a', n: 1 },
      createRevision: r0 + 1,
      modRevision: r0 + 1,
      version: 1,
    });
    assert.deepEqual(await store.get('/crud/a'), created);
    assert.equal(await revisionOf(store), r0 + 1);
  });

  test('create of an existing key fails with ALREADY_EXISTS and changes nothing', async (t) => {
    const { store } = await useStore(t, factory);
    const first = await store.create('/crud/a', 1);
    const err = await rejectsWith(store.create('/crud/a', 2), 'ALREADY_EXISTS', 'KEY_EXISTS');
    assert.equal(err.details.key, '/crud/a');
    assert.deepEqual(await store.get('/crud/a'), first);
    assert.equal(await revisionOf(store), first.modRevision);
  });

  test('get, update and delete of a missing key fail with NOT_FOUND', async (t) => {
    const { store } = await useStore(t, factory);
    const r0 = await revisionOf(store);
    const err = await rejectsWith(store.get('/crud/missing'), 'NOT_FOUND', 'KEY_NOT_FOUND');
    assert.equal(err.details.key, '/crud/missing');
    await rejectsWith(store.update('/crud/missing', 1), 'NOT_FOUND', 'KEY_NOT_FOUND');
    await rejectsWith(store.update('/crud/missing', 1, { expectedModRevision: 5 }), 'NOT_FOUND', 'KEY_NOT_FOUND');
    await rejectsWith(store.delete('/crud/missing'), 'NOT_FOUND', 'KEY_NOT_FOUND');
    await rejectsWith(store.delete('/crud/missing', { expectedModRevision: 5 }), 'NOT_FOUND', 'KEY_NOT_FOUND');
    assert.equal(await revisionOf(store), r0);
  });

  test('update keeps createRevision, moves modRevision and bumps version', async (t) => {
    const { store } = await useStore(t, factory);
    const a = await store.create('/crud/a', { v: 1 });
    const b = await store.update('/crud/a', { v: 2 });
    assert.deepEqual(b, {
      key: '/crud/a',
      value: { v: 2 },
      createRevision: a.createRevision,
      modRevision: a.modRevision + 1,
      version: 2,
    });
    const c = await store.update('/crud/a', { v: 3 });
    assert.equal(c.version, 3);
    assert.deepEqual(await store.get('/crud/a'), c);
  });

  test('delete returns the previous entry; a re-created key starts over', async (t) => {
    const { store } = await useStore(t, factory);
    const a = await store.create('/crud/a', 'one');
    await store.update('/crud/a', 'two');
    const del = await store.delete('/crud/a');
    assert.equal(del.revision, a.modRevision + 2);
    assert.deepEqual(del.prev, {
      key: '/crud/a',
      value: 'two',
      createRevision: a.createRevision,
      modRevision: a.modRevision + 1,
      version: 2,
    });
    await rejectsWith(store.get('/crud/a'), 'NOT_FOUND', 'KEY_NOT_FOUND');
    const again = await store.create('/crud/a', 'three');
    assert.equal(again.version, 1);
    assert.equal(again.createRevision, del.revision + 1);
  });

  test('invalid keys are refused with INVALID_ARGUMENT before anything changes', async (t) => {
    const { store } = await useStore(t, factory);
    const r0 = await revisionOf(store);
    const bad: unknown[] = [
      '',
      'relative',
      '/',
      '/a\u0000b',
      '/tab\there',
      '/del\u007f',
      `/${'x'.repeat(1024)}`,
      '/lone\ud800',
      42,
      undefined,
    ];
    for (const key of bad) {
      const k = key as string;
      await rejectsWith(store.get(k), 'INVALID_ARGUMENT', 'KEY_INVALID');
      await rejectsWith(store.create(k, 1), 'INVALID_ARGUMENT', 'KEY_INVALID');
      await rejectsWith(store.update(k, 1), 'INVALID_ARGUMENT', 'KEY_INVALID');
      await rejectsWith(store.delete(k), 'INVALID_ARGUMENT', 'KEY_INVALID');
    }
    assert.equal(await revisionOf(store), r0);
    // The longest valid key (1024 UTF-8 bytes) and non-ASCII keys are fine.
    await store.create(`/${'x'.repeat(1023)}`, 1);
    await store.create('/crud/ünïcødé/😀', 1);
    assert.equal((await store.get('/crud/ünïcødé/😀')).value, 1);
  });

  test('values must be JSON-serialisable and at most 1 MiB', async (t) => {
    const { store } = await useStore(t, factory);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [undefined, () => 1, 10n, cyclic, Symbol('s')]) {
      await rejectsWith(store.create('/crud/v', value), 'INVALID_ARGUMENT', 'VALUE_INVALID');
    }
    await rejectsWith(store.create('/crud/v', 'x'.repeat(1024 * 1024)), 'INVALID_ARGUMENT', 'VALUE_TOO_LARGE');
    await rejectsWith(store.get('/crud/v'), 'NOT_FOUND', 'KEY_NOT_FOUND');
    await store.create('/crud/v', 'x'.repeat(1024 * 1024 - 2)); // exactly the limit once quoted
    await rejectsWith(store.update('/crud/v', { big: 'x'.repeat(1024 * 1024) }), 'INVALID_ARGUMENT', 'VALUE_TOO_LARGE');
  });

  test('values round-trip as JSON and reads return fresh copies', async (t) => {
    const { store } = await useStore(t, factory);
    const values = [{ a: [1, 2, { b: null }], s: 'ünï 😀', t: true }, [1, 'two'], 'text', 0, -1.5, null, false];
    for (const [i, v] of values.entries()) {
      await store.create(`/crud/v${i}`, v);
      assert.deepEqual((await store.get(`/crud/v${i}`)).value, v);
    }
    const got = await store.get<{ a: unknown[] }>('/crud/v0');
    got.value.a.push('mutated');
    assert.deepEqual((await store.get('/crud/v0')).value, values[0]);
    // Like JSON: a Date becomes its ISO string.
    const when = new Date('2026-01-02T03:04:05.000Z');
    assert.deepEqual((await store.create('/crud/date', { when })).value, { when: when.toISOString() });
  });

  test('every successful write advances the revision by exactly one; failed writes do not', async (t) => {
    const { store } = await useStore(t, factory);
    let rev = await revisionOf(store);
    const writes = [
      () => store.create('/crud/r1', 1),
      () => store.create('/crud/r2', 2),
      () => store.update('/crud/r1', 3),
      () => store.delete('/crud/r2'),
      () =>
        store.txn(
          [],
          [
            { kind: 'put', key: '/crud/r3', value: 1 },
            { kind: 'put', key: '/crud/r4', value: 1 },
          ],
        ),
    ];
    for (const w of writes) {
      await w();
      assert.equal(await revisionOf(store), ++rev);
    }
    await store.create('/crud/r1', 0).catch(() => {});
    await store.update('/crud/r1', 0, { expectedModRevision: 1 }).catch(() => {});
    await store.delete('/crud/r2').catch(() => {});
    assert.equal(await revisionOf(store), rev);
    assert.equal((await store.get('/crud/r4')).modRevision, rev);
  });

  test('closed stores refuse calls with UNAVAILABLE/STORE_CLOSED', async (t) => {
    const { store } = await useStore(t, factory);
    await store.create('/crud/a', 1);
    await store.close();
    await store.close(); // idempotent
    await rejectsWith(store.get('/crud/a'), 'UNAVAILABLE', 'STORE_CLOSED');
    await rejectsWith(store.create('/crud/b', 1), 'UNAVAILABLE', 'STORE_CLOSED');
    await rejectsWith(store.list('/'), 'UNAVAILABLE', 'STORE_CLOSED');
  });
}
