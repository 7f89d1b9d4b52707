// List pagination helper (conductor/store/paging.ts) over an in-memory store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { listPage, resolvePageSize } from '../../../conductor/store/paging.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';

describe('paging', () => {
  let store: SqliteStore;
  before(async () => {
    store = new SqliteStore({ path: ':memory:' });
    for (let i = 0; i < 25; i++) await store.create(`/things/${String(i).padStart(2, '0')}`, { n: i });
  });
  after(() => store?.close());

  it('defaults, caps and refuses page sizes', () => {
    assert.equal(resolvePageSize(0), 100);
    assert.equal(resolvePageSize(undefined), 100);
    assert.equal(resolvePageSize(7), 7);
    assert.equal(resolvePageSize(5000), 1000);
    assert.throws(
      () => resolvePageSize(-1),
      (e: unknown) => e instanceof StratoError && e.code === 'INVALID_ARGUMENT',
    );
  });

  it('fills pages with the entries a filter keeps, resuming exactly after the last one looked at', async () => {
    const odd = (e: { value: { n: number } }) => (e.value.n % 2 === 1 ? e.value.n : undefined);
    const seen: number[] = [];
    let token = '';
    let pages = 0;
    do {
      const page = await listPage(store, '/things/', { pageSize: 4, pageToken: token }, odd);
      assert.ok(page.items.length <= 4);
      seen.push(...page.items);
      token = page.nextPageToken;
      pages++;
    } while (token !== '');
    assert.deepEqual(
      seen,
      Array.from({ length: 12 }, (_, i) => 2 * i + 1),
    );
    // A full page may be followed by an empty last one when only filtered-out entries remain.
    assert.ok(pages === 3 || pages === 4, `${pages} pages`);
  });

  it('refuses a token from another prefix', async () => {
    const first = await listPage(store, '/things/', { pageSize: 2 }, (e) => e.key);
    await assert.rejects(
      listPage(store, '/other/', { pageSize: 2, pageToken: first.nextPageToken }, (e) => e.key),
      (e: unknown) => e instanceof StratoError && e.reason === 'PAGE_TOKEN_INVALID',
    );
  });
});
