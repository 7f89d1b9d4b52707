// The index on its own (no store): ranking by facts + committed usage + claims in
// flight, revision ordering of what the feeds bring, and agreement with a full
// filter-and-sort of every host on random clusters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_FILTERS } from '../../../conductor/scheduler/filters/default-filters.ts';
import { HostIndex } from '../../../conductor/scheduler/host-index.ts';
import { RejectionTally } from '../../../conductor/scheduler/no-valid-host.ts';
import { seededRandom } from '../../../conductor/scheduler/seeded-random.ts';
import type { HostSnapshot, PlacementRequest, Resources, SelectionResult } from '../../../conductor/scheduler/types.ts';
import { spreadNorm, spreadWeight } from '../../../conductor/scheduler/weighers/spread-weigher.ts';
import { host, indexOf, NOW, request } from './fixtures.ts';

const user = { isAdmin: false };
const admin = { isAdmin: true };

/** The oracle: every host through the filter chain, every survivor weighed and sorted. */
function fullSort(hosts: HostSnapshot[], req: PlacementRequest): SelectionResult {
  const c = { nowMs: NOW, downTimeMs: 60_000, isAdmin: false };
  const tally = new RejectionTally(DEFAULT_FILTERS);
  const norm = spreadNorm(hosts);
  const ranked = hosts
    .filter((h) => tally.passes(h, req, c))
    .map((h) => ({ id: h.hostId, w: spreadWeight(h, norm) }))
    .sort((a, b) => b.w - a.w || (a.id < b.id ? -1 : 1))
    .map((x) => x.id);
  if (ranked.length === 0) return { ok: false, noValidHost: tally.toNoValidHost(hosts.length) };
  return { ok: true, placement: { hostId: ranked[0] as string, alternates: ranked.slice(1, 4) } };
}
function hostOf(r: SelectionResult): string {
  assert.ok(r.ok, JSON.stringify(r));
  return r.placement.hostId;
}
/** What a successful claim transaction does to the index. */
function commit(idx: HostIndex, hostId: string, flavor: Resources, revision: number): void {
  assert.equal(idx.reserve(hostId, flavor), null);
  const u = idx.usageOf(hostId).record;
  const usage = {
    vcpus: u.usage.vcpus + flavor.vcpus,
    ramMiB: u.usage.ramMiB + flavor.ramMiB,
    diskGiB: u.usage.diskGiB + flavor.diskGiB,
  };
  idx.settle(hostId, flavor, { record: { usage, instanceCount: u.instanceCount + 1 }, revision });
}
const small = { vcpus: 1, ramMiB: 512, diskGiB: 1 };

describe('HostIndex', () => {
  it('spreads: committed claims send the next selection to the emptiest host', () => {
    const idx = indexOf([host('a'), host('b'), host('c')]);
    const got: string[] = [];
    for (let i = 0; i < 6; i++) {
      const h = hostOf(idx.select(request(), user));
      commit(idx, h, small, 10 + i);
      got.push(h);
    }
    assert.deepEqual(got, ['a', 'b', 'c', 'a', 'b', 'c']);
    for (const id of ['a', 'b', 'c']) assert.equal(idx.committed(id)?.instanceCount, 2);
  });

  it('claims in flight count for selection until settled, and settling without a commit gives them back', () => {
    const idx = indexOf([host('a'), host('b')]);
    assert.equal(idx.reserve('a', small), null);
    assert.deepEqual(idx.select(request(), user), { ok: true, placement: { hostId: 'b', alternates: ['a'] } });
    assert.equal(idx.committed('a')?.instanceCount, 0, 'in flight is not committed');
    idx.settle('a', small);
    assert.equal(hostOf(idx.select(request(), user)), 'a');
  });

  it('reserve re-checks the fit against committed usage plus what is in flight', () => {
    const idx = indexOf([host('a', { capacity: { vcpus: 4 } })]);
    assert.equal(idx.reserve('a', { vcpus: 2, ramMiB: 0, diskGiB: 0 }), null);
    assert.match(idx.reserve('a', { vcpus: 3, ramMiB: 0, diskGiB: 0 }) ?? '', /a: needs 3 vCPU, 2 free of 4 usable/);
    assert.match(idx.reserve('zz', small) ?? '', /zz: host no longer exists/);
  });

  it('applies only newer revisions: a late watch event cannot undo a commit already applied', () => {
    const idx = indexOf([host('a')]);
    commit(idx, 'a', small, 7);
    idx.putUsage('a', { usage: { vcpus: 0, ramMiB: 0, diskGiB: 0 }, instanceCount: 0 }, 6);
    idx.putUsage('a', { usage: small, instanceCount: 1 }, 7);
    assert.equal(idx.committed('a')?.instanceCount, 1);
    idx.putHost(host('a', { enabled: false }), 1);
    assert.equal(idx.committed('a')?.enabled, true, 'facts at an old revision are ignored');
    idx.deleteHost('a', 1);
    assert.equal(idx.size, 1, 'a delete older than the facts is ignored');
  });

  it('usage that arrives before its host is kept for it', () => {
    const idx = new HostIndex({ clock: () => NOW });
    idx.putUsage('a', { usage: { vcpus: 8, ramMiB: 0, diskGiB: 0 }, instanceCount: 3 }, 5);
    idx.putHost(host('a'), 6);
    idx.putHost(host('b'), 7);
    assert.equal(idx.committed('a')?.instanceCount, 3);
    assert.equal(hostOf(idx.select(request(), user)), 'b');
  });

  it('force-host counts the other hosts without scanning them and checks the forced one', () => {
    const idx = indexOf([host('a'), host('b'), host('c', { enabled: false })]);
    assert.equal(hostOf(idx.select(request({}, { forceHost: 'b' }), admin)), 'b');
    const r = idx.select(request({}, { forceHost: 'c' }), admin);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.noValidHost.reasons.map((x) => [x.filter, x.rejected]),
      [
        ['force-host', 2],
        ['enabled', 1],
      ],
    );
    const missing = idx.select(request({}, { forceHost: 'zz' }), admin);
    assert.ok(!missing.ok && missing.noValidHost.reasons[0]?.rejected === 3);
    assert.throws(() => idx.select(request({}, { forceHost: 'b' }), user), /only admins/);
  });

  it('follows heartbeats, disable and host removal', () => {
    let now = NOW;
    const idx = new HostIndex({ clock: () => now, downTimeMs: 30_000, heartbeatIntervalMs: 5_000 });
    idx.putHost(host('a'), 1);
    idx.putHost(host('b'), 2);
    now += 31_000;
    const down = idx.select(request(), user);
    assert.ok(!down.ok && down.noValidHost.reasons[0]?.filter === 'up');
    idx.putHost(host('b', { lastHeartbeatMs: now }), 3);
    assert.equal(hostOf(idx.select(request(), user)), 'b');
    idx.putHost(host('a', { lastHeartbeatMs: now, enabled: false }), 4);
    assert.equal(hostOf(idx.select(request(), user)), 'b');
    idx.deleteHost('b', 5);
    assert.equal(idx.size, 1);
    assert.equal(idx.select(request(), user).ok, false);
  });

  it('re-ranks when a bigger host joins, when capacity changes and after removal', () => {
    const idx = indexOf([host('a'), host('b')]);
    idx.putHost(host('big', { capacity: { vcpus: 64, ramMiB: 262_144 } }), 2);
    assert.equal(hostOf(idx.select(request(), user)), 'big');
    idx.putUsage('big', { usage: { vcpus: 64, ramMiB: 262_144, diskGiB: 0 }, instanceCount: 9 }, 3);
    assert.equal(hostOf(idx.select(request(), user)), 'a');
    idx.putHost(host('b', { capacity: { ramMiB: 32_768 } }), 4);
    assert.equal(hostOf(idx.select(request(), user)), 'b');
    idx.deleteHost('big', 5);
    idx.deleteHost('b', 6);
    assert.equal(hostOf(idx.select(request(), user)), 'a');
  });

  it('agrees with filtering and sorting every host, on random clusters, requests and claims', () => {
    const rnd = seededRandom(99);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    for (let round = 0; round < 20; round++) {
      const hosts = Array.from({ length: 200 }, (_, i) =>
        host(`h${String(i).padStart(3, '0')}`, {
          enabled: rnd() > 0.05,
          lastHeartbeatMs: rnd() > 0.05 ? NOW - 1000 : NOW - 600_000,
          capacity: { vcpus: pick([4, 8, 16]), ramMiB: pick([8192, 16_384, 32_768]), diskGiB: pick([50, 200]) },
          allocationRatio: { cpu: pick([1, 4]), ram: pick([1, 1.5]), disk: 1 },
          usage: { vcpus: pick([0, 2, 4]), ramMiB: pick([0, 4096, 8192]), diskGiB: pick([0, 40]) },
        }),
      );
      const idx = indexOf(hosts);
      for (let i = 0; i < 50; i++) {
        const req = request(
          { vcpus: pick([1, 2, 8, 32]), ramMiB: pick([512, 4096, 16_384, 65_536]), diskGiB: pick([1, 20, 100]) },
          { instanceId: `r${round}-${i}`, excludeHosts: rnd() > 0.7 ? [hosts[0]!.hostId] : [] },
        );
        const snaps = [...idx.snapshots()];
        const want = fullSort(snaps, req);
        const got = idx.select(req, user);
        if (!want.ok) {
          // Examples differ (the index visits hosts in rank order); the counts must not.
          const counts = (r: SelectionResult) => (r.ok ? [] : r.noValidHost.reasons.map((x) => [x.filter, x.rejected]));
          assert.ok(!got.ok);
          assert.deepEqual(counts(got), counts(want));
        } else {
          assert.deepEqual(got, want);
          if (got.ok) commit(idx, got.placement.hostId, req.flavor, 10 + i);
        }
      }
    }
  });
});
