// Quotas on the real SQLite store: the arithmetic (pure), limits as an admin
// sets them, and — through the real services that create and delete what
// counts — 10 concurrent creates against a limit of 3 for instances, cores,
// volumes and ports (never more than 3 made, the others refused with
// RESOURCE_EXHAUSTED/QUOTA_EXCEEDED naming the resource), and usage that always
// equals what the records hold after random interleavings of creates and
// deletes of every kind, counted again from the records.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isStratoError, StratoError } from '../../../common/errors.ts';
import { instanceUsage } from '../../../conductor/compute/usage.ts';
import { createNetworking, type Networking } from '../../../conductor/network/networking.ts';
import {
  floatingIpUsage,
  networkUsage,
  portUsage,
  routerUsage,
  securityGroupUsage,
} from '../../../conductor/network/usage.ts';
import { firstExcess } from '../../../conductor/quotas/check.ts';
import { USAGE, USAGE_COUNTED, usageKey } from '../../../conductor/quotas/keys.ts';
import { DEFAULT_LIMITS, NO_LIMITS, type QuotaCounts, ZERO_USAGE } from '../../../conductor/quotas/model.ts';
import { Quotas } from '../../../conductor/quotas/quotas.ts';
import { backfillUsage } from '../../../conductor/quotas/usage-backfill.ts';
import { countUsage } from '../../../conductor/quotas/usage-source.ts';
import { seededRandom } from '../../../conductor/scheduler/seeded-random.ts';
import { listAll } from '../../../conductor/store/list-all.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { snapshotUsage, volumeUsage } from '../../../conductor/volumes/usage.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { type Fixture, fixture as storageFixture, until } from '../volumes/fixture.ts';
import { computeFixture, principal } from './compute-fixture.ts';

const SOURCES = [
  instanceUsage,
  volumeUsage,
  snapshotUsage,
  networkUsage,
  portUsage,
  securityGroupUsage,
  routerUsage,
  floatingIpUsage,
];

/** Every project's usage record, as stored. */
async function storedUsage(store: SqliteStore): Promise<Map<string, QuotaCounts>> {
  const all = await listAll<QuotaCounts>(store, USAGE);
  return new Map(all.entries.map((e) => [e.key.slice(USAGE.length), e.value]));
}

/** The usage records equal the sums over the records, for every project that holds anything. */
async function assertNoDrift(store: SqliteStore): Promise<void> {
  const counted = await countUsage(store, SOURCES);
  const stored = await storedUsage(store);
  for (const [projectId, usage] of counted) assert.deepEqual(stored.get(projectId), usage, `usage of ${projectId}`);
  for (const [projectId, usage] of stored) {
    if (!counted.has(projectId)) assert.deepEqual(usage, ZERO_USAGE, `${projectId} holds nothing`);
  }
}

/** Runs `n` creates at once; returns how many succeeded and the errors of the rest. */
async function race(n: number, create: (i: number) => Promise<unknown>) {
  const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => create(i)));
  const errors = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
  return { made: n - errors.length, errors };
}

function assertQuotaErrors(errors: unknown[], resource: string, limit: number): void {
  for (const e of errors) {
    assert.ok(isStratoError(e, 'RESOURCE_EXHAUSTED'), `RESOURCE_EXHAUSTED, got ${e}`);
    assert.equal(e.reason, 'QUOTA_EXCEEDED');
    assert.equal(e.details.resource, resource);
    assert.equal(e.details.limit, String(limit));
    assert.match(e.message, new RegExp(`quota exceeded for ${resource}: limit ${limit}, in use \\d+, requested \\d+`));
  }
}

/** A port on `network` with nothing else asked for. */
const portInput = (name: string, network: string) => ({
  name,
  network,
  fixedIps: [],
  securityGroups: [],
  noSecurityGroups: true,
  macAddress: '',
  deviceId: '',
  deviceOwner: '',
  bindingHost: '',
});

describe('quotas: arithmetic', () => {
  const limits = { ...DEFAULT_LIMITS, instances: 3, cores: -1 };
  const usage = { ...ZERO_USAGE, instances: 2, cores: 100 };

  it('refuses growth past a limit, naming limit, in use and requested', () => {
    assert.deepEqual(firstExcess(limits, usage, { instances: 2 }), {
      resource: 'instances',
      limit: 3,
      inUse: 2,
      requested: 2,
    });
    assert.equal(firstExcess(limits, usage, { instances: 1 }), undefined, 'an exact fit is fine');
    assert.equal(firstExcess(limits, usage, { cores: 1_000_000 }), undefined, '-1 is unlimited');
  });

  it('never refuses giving back, also over a lowered limit', () => {
    const over = { ...usage, instances: 5 };
    assert.equal(firstExcess(limits, over, { instances: -1 }), undefined);
    assert.equal(firstExcess(limits, over, { instances: 1 })?.resource, 'instances');
  });
});

describe('quotas: limits', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const quotas = new Quotas({ store, log: quiet });
  after(() => store.close());

  it('shows the defaults with zero usage for a project nobody set anything for', async () => {
    const v = await quotas.show('p-new');
    assert.deepEqual(
      v.lines.map((l) => [l.name, l.limit, l.inUse, l.isDefault]),
      [
        ['instances', 10, 0, true],
        ['cores', 20, 0, true],
        ['ram', 51200, 0, true],
        ['volumes', 10, 0, true],
        ['gigabytes', 1000, 0, true],
        ['snapshots', 10, 0, true],
        ['networks', 100, 0, true],
        ['ports', 500, 0, true],
        ['security_groups', 10, 0, true],
        ['floating_ips', 50, 0, true],
        ['routers', 10, 0, true],
      ],
    );
  });

  it('sets some limits, keeps the others, and allows a limit below usage (creates then fail)', async () => {
    const w = await quotas.claim('p1', { instances: 2 });
    await store.txn(w.compares, w.ops);
    const v = await quotas.set('p1', { instances: 1, floatingIps: -1 });
    const line = (n: string) => v.lines.find((l) => l.name === n);
    assert.deepEqual(line('instances'), {
      resource: 'instances',
      name: 'instances',
      limit: 1,
      inUse: 2,
      isDefault: false,
    });
    assert.equal(line('floating_ips')?.limit, -1);
    assert.equal(line('cores')?.isDefault, true);
    await assert.rejects(quotas.claim('p1', { instances: 1 }), {
      code: 'RESOURCE_EXHAUSTED',
      reason: 'QUOTA_EXCEEDED',
    });
    const back = await quotas.release('p1', { instances: 1 });
    await store.txn(back.compares, back.ops);
    assert.equal((await quotas.show('p1')).lines[0]?.inUse, 1);
  });

  it('refuses a bad limit naming the field, changing nothing', async () => {
    const before = (await store.status()).revision;
    for (const bad of [-2, 1.5, 2 ** 41, 'ten']) {
      await assert.rejects(quotas.set('p1', { cores: bad as number }), (e: unknown) => {
        assert.ok(isStratoError(e, 'INVALID_ARGUMENT'));
        assert.equal(e.reason, 'QUOTA_LIMIT_INVALID');
        assert.equal(e.details.field, 'cores');
        return true;
      });
    }
    assert.equal((await store.status()).revision, before);
  });

  it('a claim commits only while the limits are as it read them (a limit lowered meanwhile holds)', async () => {
    const w = await quotas.claim('p2', { volumes: 1 });
    await quotas.set('p2', { volumes: 0 });
    assert.equal((await store.txn(w.compares, w.ops)).succeeded, false);
    await assert.rejects(quotas.claim('p2', { volumes: 1 }), { reason: 'QUOTA_EXCEEDED' });
  });
});

describe('quotas: 10 concurrent creates against a limit of 3', () => {
  let store: SqliteStore;
  let quotas: Quotas;
  let vols: Fixture;
  let net: Networking;

  before(async () => {
    vols = await storageFixture();
    await vols.storageHost('st-1', 100);
    store = vols.store;
    // Limits live in the store: every service's Quotas (its own defaults) honours them.
    quotas = new Quotas({ store, defaults: NO_LIMITS, log: quiet });
    net = createNetworking({ store, log: quiet, quotas });
  });
  after(async () => {
    await vols?.close();
  });

  it('instances', async () => {
    await quotas.set('p-inst', { instances: 3 });
    const { compute, driver } = computeFixture(store, quotas);
    try {
      const p = principal('p-inst');
      const { made, errors } = await race(10, (i) =>
        compute.create({ name: `vm${i}`, image: 'img', flavor: 'small' }, p, `r${i}`),
      );
      assert.equal(made, 3);
      assertQuotaErrors(errors, 'instances', 3);
      assert.equal((await compute.list({}, p)).items.length, 3, 'three servers exist, no more');
      assert.deepEqual(
        (await quotas.show('p-inst')).lines.slice(0, 3).map((l) => l.inUse),
        [3, 3, 768],
      );
    } finally {
      await driver.close();
    }
    await assertNoDrift(store);
  });

  it('cores', async () => {
    await quotas.set('p-cores', { cores: 3 });
    const { compute, driver } = computeFixture(store, quotas);
    try {
      const p = principal('p-cores');
      const { made, errors } = await race(10, (i) =>
        compute.create({ name: `vm${i}`, image: 'img', flavor: 'small' }, p, `r${i}`),
      );
      assert.equal(made, 3);
      assertQuotaErrors(errors, 'cores', 3);
      const big = await compute
        .create({ name: 'big', image: 'img', flavor: 'big' }, principal('p-cores'), 'r')
        .catch((e: unknown) => e);
      assert.ok(isStratoError(big, 'RESOURCE_EXHAUSTED') && big.details.requested === '2');
    } finally {
      await driver.close();
    }
    await assertNoDrift(store);
  });

  it('volumes', async () => {
    await quotas.set('p-vol', { volumes: 3 });
    const p = principal('p-vol');
    const { made, errors } = await race(10, (i) =>
      vols.bs.volumes.create(
        p,
        { name: `v${i}`, description: '', sizeGib: 1, source: { kind: 'empty' }, backend: '' },
        'r',
      ),
    );
    assert.equal(made, 3);
    assertQuotaErrors(errors, 'volumes', 3);
    assert.equal((await vols.bs.volumes.list(p, {})).items.length, 3);
    await assertNoDrift(store);
  });

  it('ports', async () => {
    const p = principal('p-port');
    await quotas.set('p-port', { ports: 3 });
    const n = await net.networks.create(p, { name: 'n', providerType: '', physicalBridge: '', mtu: 0 });
    await net.subnets.create(p, {
      network: n.id,
      name: 's',
      cidr: '10.9.0.0/24',
      gatewayIp: '',
      allocationPools: [],
      dnsServers: [],
      enableDhcp: false,
    });
    const { made, errors } = await race(10, (i) => net.ports.create(p, portInput(`port${i}`, n.id)));
    assert.equal(made, 3);
    assertQuotaErrors(errors, 'ports', 3);
    assert.equal((await net.ports.list(p, {})).items.length, 3);
    await assertNoDrift(store);
  });
});

/** One random run on a fresh store: batches of concurrent operations, usage compared after each; returns the quotas that refused. */
async function randomRun(seed: number): Promise<Set<string>> {
  const vols = await storageFixture();
  const { store } = vols;
  await vols.storageHost('st-1', 1000);
  const quotas = new Quotas({ store, defaults: NO_LIMITS, log: quiet });
  const net = createNetworking({ store, log: quiet, quotas });
  const { compute, driver } = computeFixture(store, quotas);
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const projects = ['pa', 'pb'].map((id) => principal(id));
  // Tight limits so that some creates are refused along the way.
  for (const p of projects) {
    await quotas.set(p.projectId, {
      instances: 4,
      cores: 5,
      volumes: 4,
      gigabytes: 12,
      snapshots: 3,
      ports: 4,
      securityGroups: 4,
    });
  }
  const nets = new Map<string, string>();
  for (const p of projects) {
    const n = await net.networks.create(p, { name: 'n', providerType: '', physicalBridge: '', mtu: 0 });
    nets.set(p.projectId, n.id);
  }
  let seq = 0;
  const refused = new Set<string>();
  const ops: Record<string, (p: ReturnType<typeof principal>) => Promise<unknown>> = {
    server: (p) => compute.create({ name: `s${seq++}`, image: 'img', flavor: pick(['small', 'big']) }, p, 'r'),
    serverDelete: async (p) => {
      const s = (await compute.list({}, p)).items.find((x) => x.taskState !== 'deleting');
      if (s) await compute.delete(s.id, p, 'r');
    },
    volume: (p) =>
      vols.bs.volumes.create(
        p,
        {
          name: `v${seq++}`,
          description: '',
          sizeGib: 1 + Math.floor(rnd() * 3),
          source: { kind: 'empty' },
          backend: '',
        },
        'r',
      ),
    volumeExtend: async (p) => {
      const v = (await vols.bs.volumes.list(p, {})).items.find((x) => x.volume.status === 'available');
      if (v) await vols.bs.volumes.extend(p, v.volume.id, v.volume.sizeGib + 1, 'r');
    },
    volumeDelete: async (p) => {
      const v = (await vols.bs.volumes.list(p, {})).items.find(
        (x) => x.volume.status === 'available' && !x.volume.snapshotCount,
      );
      if (v) await vols.bs.volumes.delete(p, v.volume.id, 'r');
    },
    snapshot: async (p) => {
      const v = (await vols.bs.volumes.list(p, {})).items.find((x) => x.volume.status === 'available');
      if (v)
        await vols.bs.snapshots.create(
          p,
          { name: `sn${seq++}`, description: '', volume: v.volume.id, force: false },
          'r',
        );
    },
    snapshotDelete: async (p) => {
      const s = (await vols.bs.snapshots.list(p, {})).items.find((x) => x.status === 'available');
      if (s) await vols.bs.snapshots.delete(p, s.id, 'r');
    },
    port: (p) => net.ports.create(p, portInput(`port${seq++}`, nets.get(p.projectId)!)),
    portDelete: async (p) => {
      const x = (await net.ports.list(p, {})).items[0];
      if (x) await net.ports.delete(p, x.id);
    },
    group: (p) => net.securityGroups.create(p, { name: `g${seq++}`, description: '' }),
    groupDelete: async (p) => {
      const g = (await net.securityGroups.list(p, {})).items.find((x) => x.name !== 'default');
      if (g) await net.securityGroups.delete(p, g.id);
    },
    network: (p) => net.networks.create(p, { name: `n${seq++}`, providerType: '', physicalBridge: '', mtu: 0 }),
  };
  const names = Object.keys(ops);
  const settled = () =>
    until(
      'servers, volumes and snapshots settle',
      async () => {
        const all = await Promise.all(
          projects.flatMap((p) => [
            compute.list({}, p).then((r) => r.items.map((x) => x.workflow)),
            vols.bs.volumes.list(p, {}).then((r) => r.items.map((x) => x.volume.op)),
            vols.bs.snapshots.list(p, {}).then((r) => r.items.map((x) => x.op)),
          ]),
        );
        return all.flat().every((op) => op === undefined);
      },
      (done) => done,
      10_000,
    );
  try {
    for (let round = 0; round < 12; round++) {
      // A batch of operations at once, on both projects: they race for the same usage records.
      const batch = Array.from({ length: 8 }, () => [pick(names), pick(projects)] as const);
      const results = await Promise.allSettled(batch.map(([op, p]) => ops[op]!(p)));
      for (const [i, r] of results.entries()) {
        if (r.status === 'fulfilled') continue;
        const e = r.reason;
        // Refusals are part of the game (a quota, a state that does not allow it, two deletes
        // of one thing in a batch); nothing else is.
        assert.ok(
          isStratoError(e) && ['RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'NOT_FOUND'].includes(e.code),
          `${batch[i]![0]}: ${e instanceof StratoError ? `${e.code} ${e.reason} ${e.message}` : e}`,
        );
        if (isStratoError(e, 'RESOURCE_EXHAUSTED')) refused.add(e.details.resource ?? '');
      }
      // What the batch started (server boots and purges, volume and snapshot ops) runs on:
      // let it settle, so that the count reads one state, then compare.
      await settled();
      await assertNoDrift(store);
    }
    return refused;
  } finally {
    await driver.close();
    await vols.close();
  }
}

describe('quotas: usage is always what the records hold', () => {
  it('after random interleavings of creates and deletes of every kind', async () => {
    const seeds = process.env.QUOTA_SEED ? [Number(process.env.QUOTA_SEED)] : [11, 3, 7, 42];
    const refused = new Set<string>();
    for (const seed of seeds) for (const r of await randomRun(seed)) refused.add(r);
    assert.ok(refused.size >= 3, `quotas refused creates along the way (${[...refused].join(', ')})`);
  });
});

describe('quotas: records from before quotas', () => {
  it('are counted once at start-up, then kept by the creates and deletes', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    try {
      const quotas = new Quotas({ store, defaults: NO_LIMITS, log: quiet });
      const net = createNetworking({ store, log: quiet, quotas });
      const p = principal('p-old');
      await net.networks.create(p, { name: 'a', providerType: '', physicalBridge: '', mtu: 0 });
      await net.securityGroups.create(p, { name: 'g', description: '' });
      // As a store written by a conductor without quotas: records, no usage.
      await store.delete(usageKey('p-old'));
      assert.equal(await backfillUsage(store, SOURCES, ['p-old', 'p-empty'], quiet), 2);
      assert.deepEqual((await storedUsage(store)).get('p-old'), { ...ZERO_USAGE, networks: 1, securityGroups: 1 });
      assert.deepEqual((await storedUsage(store)).get('p-empty'), ZERO_USAGE);
      assert.ok(await store.get(USAGE_COUNTED));
      // Once only: a later start leaves usage to the services.
      await net.networks.create(p, { name: 'b', providerType: '', physicalBridge: '', mtu: 0 });
      assert.equal(await backfillUsage(store, SOURCES, ['p-old'], quiet), 0);
      assert.equal((await storedUsage(store)).get('p-old')?.networks, 2);
      await assertNoDrift(store);
    } finally {
      await store.close();
    }
  });
});
