// A move's two claims (scheduler/move-claims.ts) on the real SQLite store: the
// destination's claim is held beside the instance's own, usage counts both, and
// promote() ends the move with exactly one claim — the instance's, on the
// destination — in one step that is safe to repeat; a release of the move's
// claim ends it on the source instead.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { moveClaimId } from '../../../conductor/scheduler/move-claims.ts';
import { StoreClaimer } from '../../../conductor/scheduler/store-claimer.ts';
import {
  CLAIM_PREFIX,
  type ClaimRecord,
  USAGE_PREFIX,
  type UsageRecord,
} from '../../../conductor/scheduler/usage-records.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { host, NOW, putHosts, request, testHostSource } from './fixtures.ts';

const admin = { isAdmin: true };

async function state(store: SqliteStore) {
  const usage = Object.fromEntries(
    (await store.list<UsageRecord>(USAGE_PREFIX, { limit: 100 })).entries.map((e) => [
      decodeURIComponent(e.key.slice(USAGE_PREFIX.length)),
      `${e.value.usage.vcpus}/${e.value.usage.ramMiB}/${e.value.usage.diskGiB}#${e.value.instanceCount}`,
    ]),
  );
  const claims = (await store.list<ClaimRecord>(CLAIM_PREFIX, { limit: 100 })).entries
    .map((e) => `${e.value.instanceId}@${e.value.hostId}:${e.value.flavor.vcpus}`)
    .sort();
  return { usage, claims };
}

describe('move claims', () => {
  const stores: SqliteStore[] = [];
  const claimers: StoreClaimer[] = [];
  after(async () => {
    for (const c of claimers) c.close();
    for (const s of stores) await s.close();
  });
  async function setup() {
    const store = new SqliteStore({ path: ':memory:' });
    stores.push(store);
    await putHosts(store, [host('a'), host('b')]);
    const c = new StoreClaimer(store, { hosts: testHostSource, clock: () => NOW });
    claimers.push(c);
    await c.place(request({ vcpus: 1 }, { instanceId: 'vm', forceHost: 'a' }), admin);
    const mv = moveClaimId('m1');
    await c.place(request({ vcpus: 2 }, { instanceId: mv, excludeHosts: ['a'] }), admin);
    return { store, c, mv };
  }

  it('holds both while moving; promote leaves only the instance on the destination, twice over', async () => {
    const { store, c, mv } = await setup();
    assert.deepEqual(await state(store), {
      usage: { a: '1/512/1#1', b: '2/512/1#1' },
      claims: ['migration:m1@b:2', 'vm@a:1'],
    });
    assert.equal(await c.promote(mv, 'vm'), true);
    const done = { usage: { a: '0/0/0#0', b: '2/512/1#1' }, claims: ['vm@b:2'] };
    assert.deepEqual(await state(store), done);
    // A repeat after a crash changes nothing.
    assert.equal(await c.promote(mv, 'vm'), false);
    assert.deepEqual(await state(store), done);
    // The index follows: a's room is back.
    const snap = (await c.snapshots()).find((h) => h.hostId === 'a');
    assert.equal(snap?.usage.vcpus, 0);
  });

  it('releasing the move claim leaves the instance on the source', async () => {
    const { store, c, mv } = await setup();
    assert.equal(await c.release(mv), true);
    assert.deepEqual(await state(store), { usage: { a: '1/512/1#1', b: '0/0/0#0' }, claims: ['vm@a:1'] });
  });
});
