// StoreClaimer, the conductor's placement path, against the real SQLite store (in
// memory): its index follows the store's watch, its claims are compare-and-swap
// transactions. Several claimers on one store stand in for several conductors.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { HostRegistry } from '../../../conductor/hosts/host-registry.ts';
import type { Caller } from '../../../conductor/scheduler/host-index.ts';
import { RESOURCE_KEYS, usable } from '../../../conductor/scheduler/resources.ts';
import { MAX_FEED_LAG, StoreClaimer, type StoreClaimerOptions } from '../../../conductor/scheduler/store-claimer.ts';
import type { HostSnapshot, SelectionResult } from '../../../conductor/scheduler/types.ts';
import {
  CLAIM_PREFIX,
  type ClaimRecord,
  hostIdOfUsageKey,
  USAGE_PREFIX,
  type UsageRecord,
  ZERO_USAGE,
} from '../../../conductor/scheduler/usage-records.ts';
import type { Store } from '../../../conductor/store/store.ts';
import { waitFor } from '../../harness/wait.ts';
import { host, NOW, putHosts, request, TEST_HOSTS, testHostSource } from './fixtures.ts';
import { WrappedStore } from './wrapped-store.ts';

const opened: Array<{ close(): unknown }> = [];
after(async () => {
  // Claimers first: a feed ends with its store, but should not have to.
  for (const x of opened.reverse()) await x.close();
});

function openStore(): WrappedStore {
  const store = new WrappedStore();
  opened.push(store);
  return store;
}

function claimer(store: Store, o: Partial<StoreClaimerOptions> = {}): StoreClaimer {
  const c = new StoreClaimer(store, { hosts: testHostSource, clock: () => NOW, ...o });
  opened.push(c);
  return c;
}

async function usageOf(store: Store): Promise<Map<string, UsageRecord>> {
  const page = await store.list<UsageRecord>(USAGE_PREFIX, { limit: 1000 });
  return new Map(page.entries.map((e) => [hostIdOfUsageKey(e.key), e.value]));
}

/** Claims must add up to each host's usage record and stay within capacity × ratio. */
async function overCommits(store: Store, hosts: HostSnapshot[]): Promise<string[]> {
  const claims = (await store.list<ClaimRecord>(CLAIM_PREFIX, { limit: 1000 })).entries.map((e) => e.value);
  const usage = await usageOf(store);
  const problems: string[] = [];
  for (const h of hosts) {
    const mine = claims.filter((c) => c.hostId === h.hostId);
    const u = usage.get(h.hostId) ?? ZERO_USAGE;
    if (u.instanceCount !== mine.length)
      problems.push(`${h.hostId}: ${u.instanceCount} counted, ${mine.length} claims`);
    for (const k of RESOURCE_KEYS) {
      const sum = mine.reduce((n, c) => n + c.flavor[k], 0);
      if (u.usage[k] !== sum) problems.push(`${h.hostId}.${k}: usage ${u.usage[k]} != claims ${sum}`);
      if (sum > usable(h, k)) problems.push(`${h.hostId}.${k}: claims ${sum} > usable ${usable(h, k)}`);
    }
  }
  return problems;
}

const user: Caller = { isAdmin: false };
const placedOn = (r: SelectionResult) => (r.ok ? r.placement.hostId : `refused: ${JSON.stringify(r.noValidHost)}`);

describe('StoreClaimer', () => {
  it('claims, is idempotent per instance, reschedules and releases', async () => {
    const store = openStore();
    await putHosts(store, [host('a'), host('b')]);
    const c = claimer(store);
    const first = await c.place(request({ vcpus: 2 }), user);
    assert.deepEqual(first, { ok: true, placement: { hostId: 'a', alternates: ['b'] } });
    assert.deepEqual(await c.place(request({ vcpus: 2 }), user), {
      ok: true,
      placement: { hostId: 'a', alternates: [] },
    });
    let usage = await usageOf(store);
    assert.deepEqual(usage.get('a'), { usage: { vcpus: 2, ramMiB: 512, diskGiB: 1 }, instanceCount: 1 });
    assert.equal(usage.get('b'), undefined, 'asking again claimed nothing elsewhere');
    // Spawn failed on a: reschedule elsewhere; a gets its capacity back.
    const again = await c.place(request({ vcpus: 2 }, { excludeHosts: ['a'] }), user);
    assert.equal(placedOn(again), 'b');
    usage = await usageOf(store);
    assert.equal(usage.get('a')?.instanceCount, 0);
    assert.equal(usage.get('b')?.usage.vcpus, 2);
    assert.equal((await c.claimOf('inst-1'))?.hostId, 'b');
    assert.equal(await c.release('inst-1'), true);
    assert.equal(await c.release('inst-1'), false);
    usage = await usageOf(store);
    assert.deepEqual(usage.get('b'), { usage: { vcpus: 0, ramMiB: 0, diskGiB: 0 }, instanceCount: 0 });
    assert.equal((await store.list(CLAIM_PREFIX)).entries.length, 0);
    // What the Hosts API shows: this conductor's own claims and releases at once.
    const snaps = new Map((await c.snapshots()).map((s) => [s.hostId, s]));
    assert.equal(snaps.get('b')?.instanceCount, 0);
  });

  it('a retried placement gets its claim back even when the cluster has filled up since', async () => {
    const store = openStore();
    await putHosts(store, [host('a', { capacity: { vcpus: 2 } })]);
    const c = claimer(store);
    assert.equal(placedOn(await c.place(request({ vcpus: 2 }), user)), 'a');
    assert.deepEqual(await c.place(request({ vcpus: 2 }), user), {
      ok: true,
      placement: { hostId: 'a', alternates: [] },
    });
    assert.equal((await usageOf(store)).get('a')?.instanceCount, 1);
  });

  it('reports NoValidHost with per-filter counts and claims nothing', async () => {
    const store = openStore();
    await putHosts(store, [host('a', { enabled: false }), host('b', { capacity: { vcpus: 1 } })]);
    const r = await claimer(store).place(request({ vcpus: 2 }), user);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.noValidHost.reasons.map((x) => [x.filter, x.rejected]),
      [
        ['enabled', 1],
        ['cpu', 1],
      ],
    );
    assert.equal(r.noValidHost.hostCount, 2);
    assert.equal((await store.list(CLAIM_PREFIX)).entries.length, 0);
  });

  it('refuses a bad flavor and a non-admin --host before touching the store', async () => {
    const store = openStore();
    await putHosts(store, [host('a')]);
    const c = claimer(store);
    await assert.rejects(c.place(request({ vcpus: -1 }), user), { code: 'INVALID_ARGUMENT', reason: 'BAD_FLAVOR' });
    await assert.rejects(c.place(request({}, { forceHost: 'a' }), user), { reason: 'FORCE_HOST_NOT_ALLOWED' });
    assert.equal((await store.list(CLAIM_PREFIX)).entries.length, 0);
    assert.equal((await store.list(USAGE_PREFIX)).entries.length, 0);
  });

  it('two conductors racing to place the same instance claim it once', async () => {
    const store = openStore();
    await putHosts(store, [host('a'), host('b')]);
    store.delay = () => 1;
    const [x, y] = [claimer(store), claimer(store)];
    const rs = await Promise.all([x.place(request(), user), y.place(request(), user)]);
    assert.ok(rs.every((r) => r.ok));
    assert.equal(new Set(rs.map(placedOn)).size, 1, 'both callers see the same claim');
    const total = [...(await usageOf(store)).values()].reduce((n, u) => n + u.instanceCount, 0);
    assert.equal(total, 1);
  });

  it("follows the hosts registry's records through the watch: new, disabled and silent hosts", async () => {
    const store = openStore();
    let now = NOW;
    const timing = { heartbeatIntervalMs: 10_000, downTimeMs: 60_000 };
    const reg = new HostRegistry({ store, timing, allocationRatio: { cpu: 1, ram: 1, disk: 1 }, clock: () => now });
    const capacity = { vcpus: 4, ramMiB: 8192, diskGiB: 100 };
    const agent = { address: '10.0.0.1:8776', capacity, virtType: 'qemu', agentVersion: '1' };
    const c = claimer(store, { hosts: reg.hostSource(), clock: () => now, ...timing });
    await c.start();
    const first = await c.place(request(), user);
    assert.ok(!first.ok && first.noValidHost.hostCount === 0, 'no hosts yet');
    /** The watch delivers asynchronously: wait until the index shows the change. */
    const indexed = (what: string, ok: (h: HostSnapshot) => boolean) =>
      waitFor(
        async () => (await c.snapshots()).some(ok),
        (done) => done,
        { what, timeoutMs: 5_000, intervalMs: 10 },
      );
    await reg.register({ id: 'hv-1', ...agent });
    await indexed('hv-1 registered', (h) => h.hostId === 'hv-1');
    assert.equal(placedOn(await c.place(request({}, { instanceId: 'i1' }), user)), 'hv-1');
    await reg.setEnabled('hv-1', false);
    await indexed('hv-1 disabled', (h) => !h.enabled);
    const disabled = await c.place(request({}, { instanceId: 'i2' }), user);
    assert.ok(!disabled.ok && disabled.noValidHost.reasons[0]?.filter === 'enabled', JSON.stringify(disabled));
    await reg.setEnabled('hv-1', true);
    await indexed('hv-1 enabled', (h) => h.enabled);
    now += 61_000;
    const silent = await c.place(request({}, { instanceId: 'i2' }), user);
    assert.ok(!silent.ok && silent.noValidHost.reasons[0]?.filter === 'up', JSON.stringify(silent));
    await reg.heartbeat('hv-1');
    await indexed('the heartbeat', (h) => h.lastHeartbeatMs === now);
    assert.equal(placedOn(await c.place(request({}, { instanceId: 'i2' }), user)), 'hv-1');
  });

  it("another conductor's claims reach the index through the watch, so it spreads without losing a race", async () => {
    const store = openStore();
    await putHosts(store, [host('a'), host('b')]);
    const [x, y] = [claimer(store), claimer(store)];
    await y.start();
    assert.equal(placedOn(await x.place(request({}, { instanceId: 'i1' }), user)), 'a');
    await waitFor(
      async () => (await y.snapshots()).find((s) => s.hostId === 'a')?.instanceCount,
      (count) => count === 1,
      { what: 'y to see the claim on a', timeoutMs: 5_000, intervalMs: 10 },
    );
    assert.equal(placedOn(await y.place(request({}, { instanceId: 'i2' }), user)), 'b');
    assert.equal(store.failedTxns, 0);
  });

  it('a stale index costs a lost compare-and-swap, never an over-commit', async () => {
    const store = openStore();
    const hosts = [host('a', { capacity: { vcpus: 4 } }), host('b', { capacity: { vcpus: 2 } })];
    await putHosts(store, hosts);
    store.frozen.add(USAGE_PREFIX); // y never hears of x's claims
    const [x, y] = [claimer(store), claimer(store)];
    await y.start();
    assert.equal(placedOn(await x.place(request({ vcpus: 3 }, { instanceId: 'i1' }), user)), 'a');
    // y still believes a is empty and the best host; the store says 1 vCPU is left there.
    assert.equal(placedOn(await y.place(request({ vcpus: 2 }, { instanceId: 'i2' }), user)), 'b');
    assert.equal(store.failedTxns, 1, 'one lost compare, then a re-read of that one record');
    assert.deepEqual(await overCommits(store, hosts), []);
  });

  it('the same stale race over-commits when claims skip the compare (negative control)', async () => {
    const store = openStore();
    const hosts = [host('a', { capacity: { vcpus: 4 } }), host('b', { capacity: { vcpus: 2 } })];
    await putHosts(store, hosts);
    store.frozen.add(USAGE_PREFIX);
    store.blindClaims = true;
    const [x, y] = [claimer(store), claimer(store)];
    await y.start();
    await x.place(request({ vcpus: 3 }, { instanceId: 'i1' }), user);
    await y.place(request({ vcpus: 2 }, { instanceId: 'i2' }), user);
    const problems = await overCommits(store, hosts);
    assert.ok(
      problems.some((p) => p.includes('a.vcpus: claims 5 > usable 4')),
      problems.join('; '),
    );
  });

  it('in-flight claims steer concurrent requests in one conductor to different hosts', async () => {
    const store = openStore();
    await putHosts(
      store,
      Array.from({ length: 8 }, (_, i) => host(`h${i}`)),
    );
    store.delay = () => 3; // a store round trip: every request selects before any claim commits
    const c = claimer(store);
    await c.start();
    const rs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => c.place(request({}, { instanceId: `i${i}` }), user)),
    );
    assert.deepEqual(new Set(rs.map(placedOn)).size, 8, rs.map(placedOn).join(' '));
    assert.equal(store.failedTxns, 0, 'no request raced another of the same conductor');
  });

  it('keeps its usage watch within MAX_FEED_LAG revisions of its own commits through a burst', async () => {
    const store = openStore();
    const roomy = { capacity: { vcpus: 1000, ramMiB: 1 << 24, diskGiB: 1e5 } };
    await putHosts(
      store,
      Array.from({ length: 50 }, (_, i) => host(`h${i}`, roomy)),
    );
    const c = claimer(store);
    await c.start();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 3000) assert.ok((await c.place(request({}, { instanceId: `i${next++}` }), user)).ok);
      }),
    );
    // Unchecked, the watch starves behind the requests (thousands of revisions) until
    // the store compacts the history it still has to read.
    assert.ok(store.maxUsageLag <= MAX_FEED_LAG + 16, `lag ${store.maxUsageLag}`);
    assert.equal(store.watches.get(USAGE_PREFIX), 1);
  });

  it('a broken watch is followed by a fresh listing: hosts added and removed meanwhile are seen', async () => {
    const store = openStore();
    await putHosts(store, [host('a'), host('b')]);
    store.breakNext.add(TEST_HOSTS);
    const c = claimer(store);
    await c.start();
    await putHosts(store, [host('big', { capacity: { vcpus: 64, ramMiB: 1 << 20 } })]);
    await store.delete(`${TEST_HOSTS}a`);
    await waitFor(
      () => store.watches.get(TEST_HOSTS) ?? 0,
      (watches) => watches >= 2,
      { what: 'the feed to list again', timeoutMs: 5_000, intervalMs: 10 },
    );
    const ids = await waitFor(
      async () => (await c.snapshots()).map((s: HostSnapshot) => s.hostId).sort(),
      (ids) => ids.join() === 'b,big',
      { what: 'big to appear and a to go', timeoutMs: 5_000, intervalMs: 10 },
    );
    assert.deepEqual(ids, ['b', 'big']);
    assert.equal(placedOn(await c.place(request(), user)), 'big');
  });

  it('after close, requests fail as UNAVAILABLE instead of waiting, loaded or not', async () => {
    const store = openStore();
    await putHosts(store, [host('a')]);
    const [c, d] = [claimer(store), claimer(store)];
    await d.start();
    for (const x of [c, d]) {
      x.close();
      await assert.rejects(x.place(request(), user), { code: 'UNAVAILABLE', reason: 'SCHEDULER_CLOSED' });
      await assert.rejects(x.snapshots(), { code: 'UNAVAILABLE', reason: 'SCHEDULER_CLOSED' });
    }
    assert.equal((await store.list(CLAIM_PREFIX)).entries.length, 0);
  });
});
