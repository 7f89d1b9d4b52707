import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iterateAll, listAll } from '../../../conductor/store/list-all.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';

test('listAll and iterateAll walk every page in key order', async (t) => {
  const store = new SqliteStore({ path: ':memory:' });
  t.after(() => store.close());
  const keys = Array.from({ length: 25 }, (_, i) => `/all/${String(i).padStart(2, '0')}`);
  for (const k of keys) await store.create(k, k);
  await store.create('/other', 1);
  const all = await listAll<string>(store, '/all/', 4);
  assert.deepEqual(
    all.entries.map((e) => e.value),
    keys,
  );
  assert.equal(all.revision, (await store.status()).revision);
  const seen: string[] = [];
  for await (const e of iterateAll(store, '/all/', 7)) seen.push(e.key);
  assert.deepEqual(seen, keys);
});
