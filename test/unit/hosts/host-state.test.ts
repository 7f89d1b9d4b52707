// Up/down from the heartbeat age, with an injected clock, and the registry's
// bookkeeping (register keeps the operator's enabled flag; heartbeats of an
// unknown host are refused; a storage host's roles and report are kept, a
// heartbeat's report replaces the last one) on an in-memory store.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { rolesOf, type StorageFacts } from '../../../conductor/hosts/host-record.ts';
import { HostRegistry } from '../../../conductor/hosts/host-registry.ts';
import { DEFAULT_HOST_TIMING, hostState } from '../../../conductor/hosts/host-state.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';

describe('hostState', () => {
  const table: Array<[number, number, number, 'up' | 'down']> = [
    [0, 1000, 60_000, 'down'],
    [1000, 1000, 60_000, 'up'],
    [1000, 61_000, 60_000, 'up'],
    [1000, 61_001, 60_000, 'down'],
    [5000, 4000, 60_000, 'up'],
  ];
  for (const [last, now, down, want] of table) {
    it(`last ${last}, now ${now}, down after ${down} → ${want}`, () => {
      assert.equal(hostState(last, now, down), want);
    });
  }
  it('defaults to 10 s heartbeats and 60 s down-time', () => {
    assert.deepEqual(DEFAULT_HOST_TIMING, { heartbeatIntervalMs: 10_000, downTimeMs: 60_000 });
  });
});

const GiB = 1024 ** 3;

const facts = (freeGiB: number): StorageFacts => ({
  backend: 'file',
  totalBytes: 100 * GiB,
  allocatedBytes: (100 - freeGiB) * GiB,
  freeBytes: freeGiB * GiB,
  granularityBytes: 1024 ** 2,
  snapshotsSupported: true,
  snapshotsUnsupportedReason: '',
  wipePolicy: 'zero',
  iscsiPortal: '192.0.2.9:3260',
});

describe('HostRegistry', () => {
  const store = new SqliteStore({ path: ':memory:' });
  after(() => store.close());
  let now = 1_000_000;
  const reg = new HostRegistry({
    store,
    timing: { heartbeatIntervalMs: 10_000, downTimeMs: 60_000 },
    allocationRatio: { cpu: 4, ram: 1, disk: 1 },
    clock: () => now,
  });
  const input = {
    id: 'hv-1',
    address: '10.0.0.1:8776',
    capacity: { vcpus: 8, ramMiB: 16384, diskGiB: 200 },
    virtType: 'qemu',
    agentVersion: '1',
  };

  it('registers, goes down without heartbeats and up again with one', async () => {
    const h = await reg.register(input);
    assert.equal(h.enabled, true);
    assert.equal(reg.state(h), 'up');
    now += 60_001;
    assert.equal(reg.state((await reg.get('hv-1'))!), 'down');
    await reg.heartbeat('hv-1');
    assert.equal(reg.state((await reg.get('hv-1'))!), 'up');
  });

  it('keeps the enabled flag across a re-registration and feeds the scheduler', async () => {
    await reg.setEnabled('hv-1', false);
    const again = await reg.register({ ...input, address: '10.0.0.2:8776' });
    assert.equal(again.enabled, false);
    assert.equal(again.address, '10.0.0.2:8776');
    const source = reg.hostSource();
    const snap = source.snapshot((await store.get(`${source.prefix}hv-1`)).value);
    assert.equal(snap?.enabled, false);
    assert.equal(snap?.lastHeartbeatMs, now);
    assert.deepEqual(snap?.capacity, { vcpus: 8, ramMiB: 16384, diskGiB: 200 });
    assert.deepEqual(snap?.allocationRatio, { cpu: 4, ram: 1, disk: 1 });
    assert.notEqual(snap?.compute, false, 'a host registered without roles is a compute host');
  });

  it('tells the scheduler a host without the compute role takes no servers', async () => {
    const source = reg.hostSource();
    const snapOf = async (id: string) => source.snapshot((await store.get(`${source.prefix}${id}`)).value);
    await reg.register({ ...input, id: 'net-1', roles: ['network'] });
    await reg.register({ ...input, id: 'cn-1', roles: ['compute', 'network'] });
    assert.equal((await snapOf('net-1')).compute, false);
    assert.notEqual((await snapOf('cn-1')).compute, false);
  });

  it('records what the host says about itself, and only a heartbeat that sees the guests keeps it up', async () => {
    await reg.register({ ...input, agentStartedAt: '2026-12-03T07:00:00.000Z', degradedReasons: [] });
    assert.equal((await reg.get('hv-1'))?.agentStartedAt, '2026-12-03T07:00:00.000Z');
    const before = (await store.status()).revision;
    await reg.heartbeat('hv-1', undefined, { degradedReasons: [], orphans: {}, instancesUnknown: false });
    assert.equal((await store.status()).revision, before, 'nothing changed: nothing written');
    now += 30_000;
    const seen = now;
    await reg.heartbeat('hv-1', undefined, { degradedReasons: [], orphans: { domains: 1 }, instancesUnknown: false });
    assert.deepEqual((await reg.get('hv-1'))?.orphans, { domains: 1 });
    now += 70_000;
    // libvirt is gone: the agent still calls, says why, but cannot vouch for its guests.
    const blind = await reg.heartbeat('hv-1', undefined, {
      degradedReasons: ['libvirt unreachable'],
      orphans: { domains: 1 },
      instancesUnknown: true,
    });
    assert.deepEqual(blind.degradedReasons, ['libvirt unreachable']);
    assert.equal(blind.lastHeartbeatMs, seen, 'a blind heartbeat does not keep the host up');
    assert.equal(reg.state(blind), 'down');
    const back = await reg.heartbeat('hv-1', undefined, { degradedReasons: [], orphans: {}, instancesUnknown: false });
    assert.deepEqual([back.degradedReasons, back.orphans, reg.state(back)], [[], {}, 'up']);
  });

  it('refuses heartbeats and changes for unknown hosts', async () => {
    await assert.rejects(reg.heartbeat('hv-9'), { code: 'NOT_FOUND', reason: 'HOST_NOT_REGISTERED' });
    await assert.rejects(reg.setEnabled('hv-9', true), { code: 'NOT_FOUND', reason: 'HOST_NOT_FOUND' });
  });

  it('reads a record without roles as a compute host', () => {
    assert.deepEqual(rolesOf({}), ['compute']);
    assert.deepEqual(rolesOf({ roles: [] }), ['compute']);
  });

  it('records the roles and the report of a storage host', async () => {
    const h = await reg.register({ ...input, id: 'st-1', roles: ['compute', 'storage'], storage: facts(90) });
    assert.deepEqual(h.roles, ['compute', 'storage']);
    assert.equal(h.storage?.freeBytes, 90 * GiB);
    assert.equal(h.storageReportedAtMs, now);
  });

  it("takes a heartbeat's report, and keeps the last one when a heartbeat brings none", async () => {
    now += 5000;
    await reg.heartbeat('st-1', facts(40));
    let h = await reg.get('st-1');
    assert.equal(h?.storage?.freeBytes, 40 * GiB);
    assert.equal(h?.storageReportedAtMs, now);
    const reportedAt = now;
    now += 5000;
    await reg.heartbeat('st-1');
    h = await reg.get('st-1');
    assert.equal(h?.storage?.freeBytes, 40 * GiB);
    assert.equal(h?.storageReportedAtMs, reportedAt);
    assert.equal(h?.lastHeartbeatMs, now);
  });

  it('drops the report when the host registers again without the storage role, and ignores later ones', async () => {
    const h = await reg.register({ ...input, id: 'st-1', roles: ['compute'] });
    assert.equal(h.storage, undefined);
    assert.equal(h.storageReportedAtMs, undefined);
    await reg.heartbeat('st-1', facts(10));
    assert.equal((await reg.get('st-1'))?.storage, undefined);
  });
});
