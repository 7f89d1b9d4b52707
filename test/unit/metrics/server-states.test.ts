// Servers per vm_state follow the store (a listing, then its watch), so a scrape
// reads a map rather than every instance record.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ServerStates } from '../../../conductor/metrics/server-states.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { waitFor } from '../../harness/wait.ts';

describe('ServerStates', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const states = new ServerStates(store, quiet);
  after(async () => {
    states.close();
    await store.close();
  });
  const put = (id: string, vmState: string) =>
    store.txn([], [{ kind: 'put', key: `/instances/${id}`, value: { id, vmState } }]);
  const counts = () => Object.fromEntries(states.counts());

  it('counts what is listed at start, then follows puts and deletes', async () => {
    await put('a', 'ACTIVE');
    await put('b', 'BUILD');
    await store.txn([], [{ kind: 'put', key: '/instances-other/c', value: { vmState: 'ACTIVE' } }]);
    await states.start();
    assert.deepEqual(counts(), { ACTIVE: 1, BUILD: 1 });
    await put('b', 'ACTIVE');
    await put('c', 'ERROR');
    await store.delete('/instances/a');
    await waitFor(counts, (c) => c.ACTIVE === 1 && c.ERROR === 1 && c.BUILD === undefined, {
      what: 'the watch to bring the changes',
    });
  });
});
