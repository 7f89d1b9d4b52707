// Conformance: list by prefix, key order, pagination and page tokens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store } from '../../../conductor/store/store.ts';
import { rejectsWith, revisionOf, type StoreFactory, useStore } from './suite-helpers.ts';

async function listAll(store: Store, prefix: string, limit?: number): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const page = await store.list(prefix, { limit, pageToken });
    pages++;
    keys.push(...page.entries.map((e) => e.key));
    pageToken = page.nextPageToken;
  } while (pageToken !== undefined && pages < 10_000);
  return { keys, pages };
}

/** Code point order, which is UTF-8 byte order (plain JS `<` compares UTF-16 units). */
const byCodePoint = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

export function listTests(factory: StoreFactory): void {
  test('pages of every size cover all keys once, in key order', async (t) => {
    const { store } = await useStore(t, factory);
    const keys = Array.from({ length: 250 }, (_, i) => `/list/item-${String((i * 7919) % 1000).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await store.txn(
        [],
        keys.slice(i, i + 50).map((key) => ({ kind: 'create' as const, key, value: { key } })),
      );
    }
    const sorted = [...keys].sort(byCodePoint);
    for (const limit of [1, 7, 100, 250, 1000, undefined]) {
      const { keys: got, pages } = await listAll(store, '/list/', limit);
      assert.deepEqual(got, sorted, `limit ${limit}`);
      assert.equal(pages, Math.max(1, Math.ceil(250 / (limit ?? 100))), `page count for limit ${limit}`);
    }
    const first = await store.list('/list/', { limit: 3 });
    assert.deepEqual(
      first.entries.map((e) => e.value),
      sorted.slice(0, 3).map((key) => ({ key })),
    );
    assert.equal(first.revision, await revisionOf(store));
  });

  test('the last page carries no token; an empty prefix range is one empty page', async (t) => {
    const { store } = await useStore(t, factory);
    for (const k of ['/p/1', '/p/2', '/p/3', '/p/4']) await store.create(k, 1);
    const a = await store.list('/p/', { limit: 2 });
    assert.equal(a.entries.length, 2);
    assert.ok(a.nextPageToken);
    const b = await store.list('/p/', { limit: 2, pageToken: a.nextPageToken });
    assert.deepEqual(
      b.entries.map((e) => e.key),
      ['/p/3', '/p/4'],
    );
    assert.equal(b.nextPageToken, undefined);
    const none = await store.list('/nothing/');
    assert.deepEqual(none.entries, []);
    assert.equal(none.nextPageToken, undefined);
  });

  test('prefixes match characters: /a/ versus /a versus /ab', async (t) => {
    const { store } = await useStore(t, factory);
    const keys = ['/a', '/a/1', '/a/2', '/a/2/x', '/a0', '/ab', '/ab/1', '/a.', '/b', '/`'];
    for (const k of keys) await store.create(k, k);
    const list = async (p: string) => (await store.list(p, { limit: 1000 })).entries.map((e) => e.key);
    assert.deepEqual(await list('/a/'), ['/a/1', '/a/2', '/a/2/x']);
    assert.deepEqual(await list('/a'), ['/a', '/a.', '/a/1', '/a/2', '/a/2/x', '/a0', '/ab', '/ab/1']);
    assert.deepEqual(await list('/ab'), ['/ab', '/ab/1']);
    assert.deepEqual(await list('/a/2'), ['/a/2', '/a/2/x']);
    assert.deepEqual(await list(''), [...keys].sort(byCodePoint));
    assert.deepEqual(await list('/'), [...keys].sort(byCodePoint));
  });

  test('keys sort by code point (UTF-8 bytes), also across pages', async (t) => {
    const { store } = await useStore(t, factory);
    const keys = ['/u/\uffff', '/u/😀', '/u/é', '/u/z', '/u/\u{10ffff}', '/u/\ue000', '/u/\ud7ff'];
    for (const k of keys) await store.create(k, 1);
    const want = [...keys].sort(byCodePoint);
    assert.deepEqual(
      (await store.list('/u/')).entries.map((e) => e.key),
      want,
    );
    assert.deepEqual((await listAll(store, '/u/', 2)).keys, want);
    // A prefix ending in the highest code point still has a correct upper bound.
    assert.deepEqual(
      (await store.list('/u/\u{10ffff}')).entries.map((e) => e.key),
      ['/u/\u{10ffff}'],
    );
    assert.deepEqual(
      (await store.list('/u/\ud7ff')).entries.map((e) => e.key),
      ['/u/\ud7ff'],
    );
  });

  test('paging is stable under concurrent writes: no key twice, later keys still found', async (t) => {
    const { store } = await useStore(t, factory);
    for (const k of ['/s/b', '/s/d', '/s/f', '/s/h']) await store.create(k, 1);
    const first = await store.list('/s/', { limit: 2 });
    assert.deepEqual(
      first.entries.map((e) => e.key),
      ['/s/b', '/s/d'],
    );
    await store.delete('/s/d'); // the cursor's own key disappears
    await store.create('/s/a', 1); // before the cursor: not returned again
    await store.create('/s/e', 1); // after the cursor: returned
    await store.delete('/s/h'); // removed before it was reached: not returned
    const rest: string[] = [];
    let token = first.nextPageToken;
    while (token !== undefined) {
      const page = await store.list('/s/', { limit: 2, pageToken: token });
      rest.push(...page.entries.map((e) => e.key));
      token = page.nextPageToken;
    }
    assert.deepEqual(rest, ['/s/e', '/s/f']);
  });

  test('bad prefixes, limits and page tokens are INVALID_ARGUMENT', async (t) => {
    const { store } = await useStore(t, factory);
    for (const k of ['/x/1', '/x/2', '/y/1']) await store.create(k, 1);
    for (const prefix of ['x', 'x/', '/a\u0001', 7]) {
      await rejectsWith(store.list(prefix as string), 'INVALID_ARGUMENT', 'PREFIX_INVALID');
    }
    for (const limit of [0, -1, 1.5, 1001, Number.NaN, '10']) {
      await rejectsWith(store.list('/x/', { limit: limit as number }), 'INVALID_ARGUMENT', 'LIMIT_INVALID');
    }
    const xToken = (await store.list('/x/', { limit: 1 })).nextPageToken;
    assert.ok(xToken);
    await rejectsWith(store.list('/y/', { pageToken: xToken }), 'INVALID_ARGUMENT', 'PAGE_TOKEN_INVALID');
    for (const token of ['', 'not a token', 'eyJ2Ijo5fQ', '!!!', 'AAAA']) {
      await rejectsWith(store.list('/x/', { pageToken: token }), 'INVALID_ARGUMENT', 'PAGE_TOKEN_INVALID');
    }
  });
}
