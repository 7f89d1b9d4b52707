// StoreClaimer against the real SQLite store (in memory): several claimers stand in
// for several conductors sharing one store, racing with stale views.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { usable } from '../../../conductor/scheduler/resources.ts';
import {
  CLAIM_PREFIX,
  type ClaimRecord,
  StoreClaimer,
  USAGE_PREFIX,
  type UsageRecord,
} from '../../../conductor/scheduler/store-claimer.ts';
import type { HostSnapshot } from '../../../conductor/scheduler/types.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../conductor/store/store.ts';
import { NOW, host, request } from './fixtures.ts';

const stores: Store[] = [];
after(async () => {
  for (const s of stores) await s.close();
});

/** Delegates to the real store, counting transactions whose compare failed (lost CAS races). */
class CountingStore implements Store {
  failedTxns = 0;
  readonly inner: Store;
  constructor(inner: Store) {
    this.inner = inner;
  }
  get: Store['get'] = (key) => this.inner.get(key);
  list: Store['list'] = (prefix, options) => this.inner.list(prefix, options);
  create: Store['create'] = (key, value) => this.inner.create(key, value);
  update: Store['update'] = (key, value, options) => this.inner.update(key, value, options);
  delete: Store['delete'] = (key, options) => this.inner.delete(key, options);
  watch: Store['watch'] = (prefix, options) => this.inner.watch(prefix, options);
  status: Store['status'] = () => this.inner.status();
  compact: Store['compact'] = (revision) => this.inner.compact(revision);
  close: Store['close'] = () => this.inner.close();
  txn: Store['txn'] = async (compares, ops) => {
    const r = await this.inner.txn(compares, ops);
    if (!r.succeeded) this.failedTxns++;
    return r;
  };
}

function openStore(): CountingStore {
  const store = new CountingStore(new SqliteStore({ path: ':memory:', checkpointIntervalMs: 0 }));
  stores.push(store);
  return store;
}

function claimer(store: Store, hosts: HostSnapshot[]) {
  return new StoreClaimer(store, { listHosts: async () => hosts, clock: () => NOW });
}

async function all<T>(store: Store, prefix: string): Promise<Map<string, T>> {
  const page = await store.list<T>(prefix, { limit: 1000 });
  return new Map(page.entries.map((e) => [decodeURIComponent(e.key.slice(prefix.length)), e.value]));
}

describe('StoreClaimer', () => {
  it('claims, is idempotent per instance, reschedules and releases', async () => {
    const store = openStore();
    const c = claimer(store, [host('a'), host('b')]);
    const user = { isAdmin: false };
    const first = await c.place(request({ vcpus: 2 }), user);
    assert.deepEqual(first, { ok: true, placement: { hostId: 'a', alternates: ['b'] } });
    assert.deepEqual(await c.place(request({ vcpus: 2 }), user), {
      ok: true,
      placement: { hostId: 'a', alternates: [] },
    });
    let usage = await all<UsageRecord>(store, USAGE_PREFIX);
    assert.deepEqual(usage.get('a'), { usage: { vcpus: 2, ramMiB: 512, diskGiB: 1 }, instanceCount: 1 });
    // Spawn failed on a: reschedule elsewhere; a gets its capacity back.
    const again = await c.place(request({ vcpus: 2 }, { excludeHosts: ['a'] }), user);
    assert.ok(again.ok && again.placement.hostId === 'b');
    usage = await all<UsageRecord>(store, USAGE_PREFIX);
    assert.equal(usage.get('a')?.instanceCount, 0);
    assert.equal(usage.get('b')?.usage.vcpus, 2);
    assert.equal((await c.claimOf('inst-1'))?.hostId, 'b');
    assert.equal(await c.release('inst-1'), true);
    assert.equal(await c.release('inst-1'), false);
    usage = await all<UsageRecord>(store, USAGE_PREFIX);
    assert.deepEqual(usage.get('b'), { usage: { vcpus: 0, ramMiB: 0, diskGiB: 0 }, instanceCount: 0 });
    assert.equal((await all(store, CLAIM_PREFIX)).size, 0);
  });

  it('reports NoValidHost with per-filter counts', async () => {
    const c = claimer(openStore(), [host('a', { enabled: false }), host('b', { capacity: { vcpus: 1 } })]);
    const r = await c.place(request({ vcpus: 2 }), { isAdmin: false });
    assert.ok(!r.ok);
    assert.deepEqual(
      r.noValidHost.reasons.map((x) => [x.filter, x.rejected]),
      [
        ['enabled', 1],
        ['cpu', 1],
      ],
    );
  });

  it('three conductors placing 150 instances concurrently never over-commit', async () => {
    const store = openStore();
    const hosts = Array.from({ length: 5 }, (_, i) =>
      host(`h${i}`, { capacity: { vcpus: 4, ramMiB: 8192, diskGiB: 100 }, allocationRatio: { cpu: 2 } }),
    );
    const conductors = [0, 1, 2].map(() => claimer(store, hosts));
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        (conductors[i % 3] as StoreClaimer).place(
          request({ vcpus: 1 + (i % 2), ramMiB: 1024, diskGiB: 5 }, { instanceId: `i${i}`, requestId: `r${i}` }),
          { isAdmin: false },
        ),
      ),
    );
    const claims = await all<ClaimRecord>(store, CLAIM_PREFIX);
    const usage = await all<UsageRecord>(store, USAGE_PREFIX);
    assert.equal(claims.size, results.filter((r) => r.ok).length, 'one claim record per successful placement');
    assert.ok(claims.size > 0 && claims.size < 150, `placed ${claims.size} of 150 (capacity is smaller)`);
    for (const h of hosts) {
      const mine = [...claims.values()].filter((c) => c.hostId === h.hostId);
      const u = usage.get(h.hostId) ?? { usage: { vcpus: 0, ramMiB: 0, diskGiB: 0 }, instanceCount: 0 };
      assert.equal(u.instanceCount, mine.length, h.hostId);
      for (const k of ['vcpus', 'ramMiB', 'diskGiB'] as const) {
        assert.equal(
          u.usage[k],
          mine.reduce((n, c) => n + c.flavor[k], 0),
          `${h.hostId}.${k} usage != claims`,
        );
        assert.ok(u.usage[k] <= usable(h, k), `${h.hostId}.${k} over-committed: ${u.usage[k]}`);
      }
    }
    assert.ok(store.failedTxns > 0, 'the test should have produced compare-and-swap conflicts');
  });

  it('two conductors racing to place the same instance claim it once', async () => {
    const store = openStore();
    const hosts = [host('a'), host('b')];
    const [x, y] = [claimer(store, hosts), claimer(store, hosts)];
    const rs = await Promise.all([x.place(request(), { isAdmin: false }), y.place(request(), { isAdmin: false })]);
    assert.ok(rs.every((r) => r.ok));
    const hostsChosen = new Set(rs.map((r) => (r.ok ? r.placement.hostId : '')));
    assert.equal(hostsChosen.size, 1, 'both callers see the same claim');
    const usage = await all<UsageRecord>(store, USAGE_PREFIX);
    const total = [...usage.values()].reduce((n, u) => n + u.instanceCount, 0);
    assert.equal(total, 1);
  });
});
