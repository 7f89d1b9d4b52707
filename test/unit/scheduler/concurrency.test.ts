// 200 placement requests spread over three conductors (StoreClaimers sharing one
// real SQLite store), as concurrent async tasks whose store calls wait a random few
// event-loop turns, so selections go stale under each other and under the watch.
// The store's compare-and-swap must keep every host within capacity × ratio, and
// usage must equal exactly the flavors claimed.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { applyClaim } from '../../../conductor/scheduler/claims.ts';
import { RESOURCE_KEYS, usable } from '../../../conductor/scheduler/resources.ts';
import { seededRandom } from '../../../conductor/scheduler/seeded-random.ts';
import { StoreClaimer } from '../../../conductor/scheduler/store-claimer.ts';
import type { HostSnapshot, Resources } from '../../../conductor/scheduler/types.ts';
import {
  CLAIM_PREFIX,
  type ClaimRecord,
  hostIdOfUsageKey,
  USAGE_PREFIX,
  type UsageRecord,
  ZERO_USAGE,
} from '../../../conductor/scheduler/usage-records.ts';
import { host, NOW, putHosts, request, testHostSource } from './fixtures.ts';
import { WrappedStore } from './wrapped-store.ts';

const FLAVORS: Resources[] = [
  { vcpus: 1, ramMiB: 1024, diskGiB: 10 },
  { vcpus: 2, ramMiB: 2048, diskGiB: 20 },
  { vcpus: 4, ramMiB: 4096, diskGiB: 40 },
];
const HOSTS = Array.from({ length: 6 }, (_, i) =>
  host(`h${i}`, {
    capacity: { vcpus: 4 + i, ramMiB: 8192, diskGiB: 200 },
    allocationRatio: { cpu: 2, ram: 1.5, disk: 1 },
    reserved: { ramMiB: 512 },
  }),
);

const opened: Array<{ close(): unknown }> = [];
after(async () => {
  for (const x of opened.reverse()) await x.close();
});

async function cluster(o: { blind?: boolean } = {}) {
  const rnd = seededRandom(5);
  const store = new WrappedStore();
  opened.push(store);
  await putHosts(store, HOSTS);
  store.delay = () => Math.floor(rnd() * 4);
  store.blindClaims = o.blind === true;
  const conductors = [0, 1, 2].map(() => new StoreClaimer(store, { hosts: testHostSource, clock: () => NOW }));
  opened.push(...conductors);
  // The third conductor never hears of the others' claims: only the compare can save it.
  store.frozen.add(USAGE_PREFIX);
  await conductors[2]?.start();
  store.frozen.delete(USAGE_PREFIX);
  return { store, conductors, rnd };
}

async function run(o: { blind?: boolean } = {}) {
  const { store, conductors, rnd } = await cluster(o);
  const placed = new Set<number>();
  await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      for (let d = Math.floor(rnd() * 3); d > 0; d--) await tick();
      const req = request(FLAVORS[i % FLAVORS.length] as Resources, { instanceId: `i${i}`, requestId: `r${i}` });
      const r = await (conductors[i % 3] as StoreClaimer).place(req, { isAdmin: false });
      if (r.ok) placed.add(i);
    }),
  );
  return { store, conductors, placed };
}

/** The store's own account, host by host: usage record vs the claims on that host. */
async function accounts(store: WrappedStore) {
  const claims = (await store.list<ClaimRecord>(CLAIM_PREFIX, { limit: 1000 })).entries.map((e) => e.value);
  const usage = (await store.list<UsageRecord>(USAGE_PREFIX, { limit: 1000 })).entries;
  const byHost = new Map(usage.map((e) => [hostIdOfUsageKey(e.key), e.value]));
  return HOSTS.map((h) => ({
    h,
    usage: byHost.get(h.hostId) ?? ZERO_USAGE,
    claims: claims.filter((c) => c.hostId === h.hostId),
  }));
}

async function overCommitted(store: WrappedStore): Promise<string[]> {
  const problems: string[] = [];
  for (const { h, usage, claims } of await accounts(store)) {
    for (const k of RESOURCE_KEYS) {
      const sum = claims.reduce((n, c) => n + c.flavor[k], 0);
      if (usage.usage[k] !== sum) problems.push(`${h.hostId}.${k}: usage ${usage.usage[k]} != claimed ${sum}`);
      if (sum > usable(h, k)) problems.push(`${h.hostId}.${k}: claimed ${sum} > usable ${usable(h, k)}`);
    }
    if (usage.instanceCount !== claims.length) problems.push(`${h.hostId}: ${usage.instanceCount} != ${claims.length}`);
  }
  return problems;
}

describe('concurrent placements across conductors', () => {
  it('200 interleaved requests on 6 hosts never over-commit, and a refusal means full', async () => {
    const r = await run();
    assert.deepEqual(await overCommitted(r.store), []);
    assert.ok(r.store.failedTxns > 0, 'the test should have produced compare-and-swap conflicts');
    assert.ok(r.placed.size > 20, `placed only ${r.placed.size}`);
    assert.ok(r.placed.size < 200, 'demand exceeds capacity, so some requests must be refused');
    // A refusal must mean "full for that flavor", not "lost too many races": at the end
    // (nothing was released) no host may still fit a flavor that some request was refused.
    const refusedFlavors = new Set(
      Array.from({ length: 200 }, (_, i) => i)
        .filter((i) => !r.placed.has(i))
        .map((i) => i % FLAVORS.length),
    );
    const now: HostSnapshot[] = (await accounts(r.store)).map(({ h, usage }) => ({ ...h, ...usage }));
    for (const f of refusedFlavors) {
      const fits = now.filter((h) => typeof applyClaim(h, FLAVORS[f] as Resources) !== 'string');
      assert.deepEqual(
        fits.map((h) => h.hostId),
        [],
        `flavor ${f} was refused but still fits`,
      );
    }
  });

  it('releases from every conductor give back exactly what was claimed', async () => {
    const r = await run();
    await Promise.all(
      [...r.placed].map(async (i) => {
        if (i % 2) await tick();
        assert.equal(await (r.conductors[(i + 1) % 3] as StoreClaimer).release(`i${i}`), true);
      }),
    );
    for (const { usage, claims } of await accounts(r.store)) {
      assert.deepEqual(usage, ZERO_USAGE);
      assert.equal(claims.length, 0);
    }
  });

  it('the same run over-commits when claims skip the usage compare (negative control)', async () => {
    const r = await run({ blind: true });
    assert.ok(
      (await overCommitted(r.store)).length > 0,
      'stale selections without the compare should have over-committed',
    );
  });
});
