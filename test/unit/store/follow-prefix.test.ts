// followPrefix, the one list-then-watch loop the scheduler's index, the server
// state counts and the certificate view follow the store with: a listing, then
// changes; after a broken watch a fresh listing (so nothing missed meanwhile is
// lost); resolved when its signal aborts, rejected once the store is closed.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { followPrefix, storeClosed } from '../../../conductor/store/follow-prefix.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../conductor/store/store.ts';
import { quiet } from '../../harness/quiet-log.ts';

/** Polls `ok` for up to 5 s (a hang is a failure, not a stuck test). */
async function until(ok: () => boolean): Promise<void> {
  for (const end = Date.now() + 5000; !ok(); await sleep(5)) assert.ok(Date.now() < end, 'timed out');
}

const options = (signal: AbortSignal) => ({
  signal,
  log: quiet,
  brokeMessage: 'test follower broke',
  firstRetryMs: 10,
  maxRetryMs: 50,
});

it('lists, follows changes, lists again after a broken watch, ends on abort and on a closed store', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  await store.create('/t/a', 1);
  let breakNext = true;
  // The store's own watch, but the first one breaks at once (as compaction under it would).
  const flaky = new Proxy(store, {
    get(target, key) {
      if (key === 'watch' && breakNext) {
        breakNext = false;
        return () =>
          (async function* () {
            yield* [];
            throw new Error('watch broken');
          })();
      }
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as Store;
  const listings: string[][] = [];
  const changes: string[] = [];
  const abort = new AbortController();
  const done = followPrefix<number>(
    flaky,
    '/t/',
    {
      listed: (entries) => listings.push(entries.map((e) => `${e.key}=${e.value}`)),
      changed: (ev) => changes.push(`${ev.type} ${ev.key}`),
    },
    options(abort.signal),
  );
  await until(() => listings.length >= 2);
  assert.deepEqual(listings, [['/t/a=1'], ['/t/a=1']], 'listed again after the break');
  await store.create('/t/b', 2);
  await store.delete('/t/a');
  await until(() => changes.length >= 2);
  assert.deepEqual(changes, ['put /t/b', 'delete /t/a']);
  abort.abort();
  await done; // resolves

  const closing = followPrefix<number>(
    store,
    '/t/',
    { listed() {}, changed() {} },
    options(new AbortController().signal),
  );
  await sleep(20);
  await store.close();
  await assert.rejects(closing, (err: unknown) => storeClosed(err));
});
