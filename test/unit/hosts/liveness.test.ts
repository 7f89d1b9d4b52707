// Heartbeats kept in memory (conductor/hosts/liveness.ts): a beat that changes
// nothing writes the store only when the stored beat has grown stale, yet the
// registry's readers see the latest beat; readers of the store alone never see a
// live host down; a marked-down host stays down until it beats again; a new
// registry over the same store (a restarted conductor) finds the hosts up.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { HostRecord } from '../../../conductor/hosts/host-record.ts';
import { HostRegistry } from '../../../conductor/hosts/host-registry.ts';
import { hostState } from '../../../conductor/hosts/host-state.ts';
import { beatNeedsWrite, heartbeatStaleMs } from '../../../conductor/hosts/liveness.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';

describe('heartbeatStaleMs', () => {
  const table: Array<[number, number, number]> = [
    [10_000, 60_000, 30_000], // the defaults: a write every third beat
    [10_000, 30_000, 0], // tight: every beat written, as before
    [500, 1500, 0], // the integration tests' timing
    [1000, 60_000, 30_000],
    [10_000, 45_000, 15_000],
  ];
  for (const [interval, down, want] of table) {
    it(`beats every ${interval} ms, down after ${down} ms → stale after ${want} ms`, () => {
      assert.equal(heartbeatStaleMs({ heartbeatIntervalMs: interval, downTimeMs: down }), want);
    });
  }
});

describe('beatNeedsWrite', () => {
  const table: Array<[number, number, number, boolean]> = [
    [0, 5000, 30_000, true], // never beat or marked down
    [1000, 5000, 30_000, false],
    [1000, 31_000, 30_000, true],
    [1000, 30_999, 30_000, false],
    [1000, 1001, 0, true],
  ];
  for (const [stored, now, stale, want] of table) {
    it(`stored ${stored}, now ${now}, stale after ${stale} → ${want ? 'write' : 'memory only'}`, () => {
      assert.equal(beatNeedsWrite(stored, now, stale), want);
    });
  }
});

describe('HostRegistry heartbeats in memory', () => {
  const store = new SqliteStore({ path: ':memory:' });
  after(() => store.close());
  let now = 1_000_000;
  const timing = { heartbeatIntervalMs: 10_000, downTimeMs: 60_000 };
  const registry = () =>
    new HostRegistry({ store, timing, allocationRatio: { cpu: 4, ram: 1, disk: 1 }, clock: () => now });
  const reg = registry();
  const input = {
    id: 'hv-mem',
    address: '10.0.0.1:8776',
    capacity: { vcpus: 8, ramMiB: 16384, diskGiB: 200 },
    virtType: 'qemu',
    agentVersion: '1',
  };
  const stored = async (id: string) => (await store.get(`/hosts/${id}`)).value as HostRecord;

  it('writes a plain beat only when the stored one is stale, and reads the latest either way', async () => {
    await reg.register(input);
    const registeredAt = now;
    const rev = (await store.status()).revision;
    now += 10_000;
    const h = await reg.heartbeat('hv-mem');
    assert.equal(h.lastHeartbeatMs, now, 'the answer has the beat');
    assert.equal((await store.status()).revision, rev, 'nothing written');
    assert.equal((await stored('hv-mem')).lastHeartbeatMs, registeredAt);
    assert.equal((await reg.get('hv-mem'))?.lastHeartbeatMs, now);
    assert.equal((await reg.list()).find((x) => x.id === 'hv-mem')?.lastHeartbeatMs, now);
    assert.equal((await reg.page({ pageSize: 10, pageToken: '' })).items[0]?.lastHeartbeatMs, now);
    assert.equal(reg.hostSource().snapshot(await stored('hv-mem')).lastHeartbeatMs, now, 'the scheduler too');
    now += 20_000; // 30 s after the stored beat
    await reg.heartbeat('hv-mem');
    assert.equal((await stored('hv-mem')).lastHeartbeatMs, now, 'stale: written');
  });

  it('never lets a reader of the store alone see a live host down', async () => {
    for (let i = 0; i < 30; i++) {
      // Late beats: 12 s apart instead of 10.
      now += 12_000;
      await reg.heartbeat('hv-mem');
      const s = await stored('hv-mem');
      assert.equal(hostState(s.lastHeartbeatMs, now + 12_000, timing.downTimeMs), 'up', `beat ${i}`);
    }
  });

  it('a blind heartbeat does not count, and a silent host goes down for the registry', async () => {
    const last = now;
    now += 50_000;
    const blind = await reg.heartbeat('hv-mem', undefined, {
      degradedReasons: ['libvirt unreachable'],
      orphans: {},
      instancesUnknown: true,
    });
    assert.equal(blind.lastHeartbeatMs, last);
    now = last + 60_001;
    assert.equal(reg.state((await reg.get('hv-mem'))!), 'down');
    assert.equal(reg.state(await stored('hv-mem')), 'down', 'the store says down no later than the registry');
  });

  it('keeps a marked-down host down until it beats again, and the store says so at once', async () => {
    await reg.heartbeat('hv-mem', undefined, { degradedReasons: [], orphans: {}, instancesUnknown: false });
    now += 5000;
    await reg.heartbeat('hv-mem');
    await reg.markDown('hv-mem');
    assert.equal(reg.state((await reg.get('hv-mem'))!), 'down');
    now += 1000;
    await reg.heartbeat('hv-mem');
    assert.equal((await stored('hv-mem')).lastHeartbeatMs, now, 'back up: written at once');
  });

  it('a restarted conductor (a new registry on the same store) finds the host up and keeps it so', async () => {
    now += 10_000;
    await reg.heartbeat('hv-mem'); // memory only
    const again = registry();
    const h = await again.get('hv-mem');
    assert.equal(again.state(h!), 'up', 'the store is at most the staleness behind');
    now += 10_000;
    await again.heartbeat('hv-mem');
    assert.equal((await again.get('hv-mem'))?.lastHeartbeatMs, now);
  });
});
