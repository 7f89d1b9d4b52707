import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { noValidHostError, noValidHostMessage } from '../../../conductor/scheduler/no-valid-host.ts';
import type { SchedulerOptions } from '../../../conductor/scheduler/options.ts';
import { seededRandom } from '../../../conductor/scheduler/seeded-random.ts';
import type {
  FilterContext,
  HostSnapshot,
  NoValidHost,
  Placement,
  PlacementRequest,
  SelectionResult,
} from '../../../conductor/scheduler/types.ts';
import { adminCtx, ctx, host, indexOf, NOW, request } from './fixtures.ts';

/** Selection as the conductor runs it: an index holding `hosts`, asked once. */
function selectHosts(
  hosts: HostSnapshot[],
  req: PlacementRequest,
  c: FilterContext,
  options: SchedulerOptions = {},
): SelectionResult {
  return indexOf(hosts, { clock: () => c.nowMs, downTimeMs: c.downTimeMs, ...options }).select(req, c);
}

function placed(r: SelectionResult): Placement {
  assert.ok(r.ok, `expected a placement, got ${r.ok ? '' : noValidHostMessage(r.noValidHost)}`);
  return r.placement;
}
function refused(r: SelectionResult): NoValidHost {
  assert.ok(!r.ok, `expected NoValidHost, got ${JSON.stringify(r)}`);
  return r.noValidHost;
}

/** Ten hosts h0..h9, h0 with the least used RAM, so the spread order is h0, h1, … */
const ten = Array.from({ length: 10 }, (_, i) => host(`h${i}`, { usage: { ramMiB: i * 512 } }));

describe('selection (HostIndex.select)', () => {
  it('picks the emptiest host and up to 3 alternates in rank order', () => {
    assert.deepEqual(placed(selectHosts(ten, request(), ctx)), { hostId: 'h0', alternates: ['h1', 'h2', 'h3'] });
  });

  it('input order does not matter', () => {
    const shuffled = [...ten].reverse();
    assert.deepEqual(placed(selectHosts(shuffled, request(), ctx)).hostId, 'h0');
  });

  it('returns fewer alternates when fewer hosts pass, never the chosen host', () => {
    const p = placed(selectHosts(ten.slice(0, 2), request(), ctx));
    assert.deepEqual(p, { hostId: 'h0', alternates: ['h1'] });
    assert.deepEqual(placed(selectHosts([ten[4]!], request(), ctx)), { hostId: 'h4', alternates: [] });
  });

  it('maxAlternates is configurable', () => {
    assert.deepEqual(placed(selectHosts(ten, request(), ctx, { maxAlternates: 1 })).alternates, ['h1']);
    assert.deepEqual(placed(selectHosts(ten, request(), ctx, { maxAlternates: 0 })).alternates, []);
  });

  it('honours exclusions for both the pick and the alternates', () => {
    const p = placed(selectHosts(ten, request({}, { excludeHosts: ['h0', 'h2'] }), ctx));
    assert.deepEqual(p, { hostId: 'h1', alternates: ['h3', 'h4', 'h5'] });
  });

  it('force-host places an admin on a host that is not the best', () => {
    assert.deepEqual(placed(selectHosts(ten, request({}, { forceHost: 'h7' }), adminCtx)), {
      hostId: 'h7',
      alternates: [],
    });
  });

  it('force-host still applies the capacity filters', () => {
    const nvh = refused(selectHosts(ten, request({ vcpus: 64 }, { forceHost: 'h7' }), adminCtx));
    assert.deepEqual(
      nvh.reasons.map((r) => [r.filter, r.rejected]),
      [
        ['force-host', 9],
        ['cpu', 1],
      ],
    );
  });

  it('force-host from a non-admin is PERMISSION_DENIED, not a silent miss', () => {
    assert.throws(
      () => selectHosts(ten, request({}, { forceHost: 'h7' }), ctx),
      (e) => isStratoError(e, 'PERMISSION_DENIED') && e.reason === 'FORCE_HOST_NOT_ALLOWED',
    );
  });

  it('a bad flavor is INVALID_ARGUMENT', () => {
    assert.throws(
      () => selectHosts(ten, request({ vcpus: -1 }), ctx),
      (e) => isStratoError(e, 'INVALID_ARGUMENT'),
    );
    assert.throws(
      () => selectHosts(ten, request({ ramMiB: Number.NaN }), ctx),
      (e) => isStratoError(e, 'INVALID_ARGUMENT'),
    );
  });

  it('hostSubsetSize > 1 picks among the best N with a seeded random, alternates exclude the pick', () => {
    const seen = new Set<string>();
    const random = seededRandom(42);
    for (let i = 0; i < 50; i++) {
      const p = placed(selectHosts(ten, request(), ctx, { hostSubsetSize: 3, random }));
      seen.add(p.hostId);
      assert.ok(['h0', 'h1', 'h2'].includes(p.hostId));
      assert.equal(p.alternates.length, 3);
      assert.ok(!p.alternates.includes(p.hostId));
    }
    assert.deepEqual([...seen].sort(), ['h0', 'h1', 'h2']);
    const a = placed(selectHosts(ten, request(), ctx, { hostSubsetSize: 3, random: seededRandom(7) }));
    const b = placed(selectHosts(ten, request(), ctx, { hostSubsetSize: 3, random: seededRandom(7) }));
    assert.deepEqual(a, b, 'same seed, same pick');
  });
});

describe('No valid host', () => {
  const cluster = [
    host('off1', { enabled: false }),
    host('off2', { enabled: false }),
    host('dead', { lastHeartbeatMs: NOW - 120_000 }),
    host('tiny1', { capacity: { vcpus: 1 } }),
    host('tiny2', { capacity: { vcpus: 2 } }),
    host('tiny3', { capacity: { vcpus: 2 } }),
    host('tiny4', { capacity: { vcpus: 3 } }),
    host('lowmem', { capacity: { ramMiB: 1024 } }),
    host('fulldisk', { usage: { diskGiB: 100 } }),
    host('failed'),
  ];
  const req = request({ vcpus: 4, ramMiB: 2048, diskGiB: 10 }, { excludeHosts: ['failed'] });

  it('counts each host against the first filter that rejects it', () => {
    const nvh = refused(selectHosts(cluster, req, ctx));
    assert.equal(nvh.hostCount, 10);
    assert.deepEqual(
      nvh.reasons.map((r) => [r.filter, r.rejected, r.examples?.length]),
      [
        ['exclude-hosts', 1, 1],
        ['enabled', 2, 2],
        ['up', 1, 1],
        ['cpu', 4, 3],
        ['ram', 1, 1],
        ['disk', 1, 1],
      ],
    );
    const total = nvh.reasons.reduce((n, r) => n + r.rejected, 0);
    assert.equal(total, cluster.length);
  });

  it('builds a message naming every filter with counts and examples', () => {
    const msg = noValidHostMessage(refused(selectHosts(cluster, req, ctx)));
    assert.match(msg, /^No valid host was found: exclude-hosts: 1 host rejected \(failed: already failed this build\)/);
    assert.match(msg, /enabled: 2 hosts rejected \(off1: disabled by an operator; off2: disabled by an operator\)/);
    // Examples come in rank order: the emptiest hosts, the nearest misses, first.
    assert.match(msg, /cpu: 4 hosts rejected \(tiny4: needs 4 vCPU, 3 free of 3 usable; .*; …\)/);
    assert.match(msg, /ram: 1 host rejected \(lowmem: needs 2048 MiB RAM, 1024 free of 1024 usable\)/);
    assert.match(msg, /disk: 1 host rejected \(fulldisk: needs 10 GiB disk, 0 free of 100 usable\)$/);
  });

  it('an empty cluster says so', () => {
    const nvh = refused(selectHosts([], request(), ctx));
    assert.equal(noValidHostMessage(nvh), 'No valid host was found: there are no compute hosts');
  });

  it('converts to RESOURCE_EXHAUSTED/NO_VALID_HOST with per-filter details', () => {
    const err = noValidHostError(refused(selectHosts(cluster, req, ctx)));
    assert.equal(err.code, 'RESOURCE_EXHAUSTED');
    assert.equal(err.reason, 'NO_VALID_HOST');
    assert.equal(err.details['rejected.cpu'], '4');
    assert.equal(err.details['hostCount'], '10');
    assert.match(err.message, /^No valid host was found/);
  });
});
