// 200 placement requests run as concurrent async tasks that await between select and
// claim (as a store round-trip would), so selections go stale under each other.
// The claim's re-check against the latest usage must keep every host within
// capacity × ratio, and usage must equal exactly the flavors that were placed.
import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { type HostIndex as HostIndexT, HostIndex } from '../../../conductor/scheduler/host-index.ts';
import { applyClaim } from '../../../conductor/scheduler/claims.ts';
import { usable } from '../../../conductor/scheduler/resources.ts';
import { seededRandom } from '../../../conductor/scheduler/seeded-random.ts';
import type { PlacementRequest, Resources } from '../../../conductor/scheduler/types.ts';
import { NOW, host, request } from './fixtures.ts';

const FLAVORS: Resources[] = [
  { vcpus: 1, ramMiB: 1024, diskGiB: 10 },
  { vcpus: 2, ramMiB: 2048, diskGiB: 20 },
  { vcpus: 4, ramMiB: 4096, diskGiB: 40 },
];

function cluster(): HostIndexT {
  const idx = new HostIndex({ clock: () => NOW, hostSubsetSize: 1 });
  idx.loadHosts(
    Array.from({ length: 6 }, (_, i) =>
      host(`h${i}`, {
        capacity: { vcpus: 4 + i, ramMiB: 8192, diskGiB: 200 },
        allocationRatio: { cpu: 2, ram: 1.5, disk: 1 },
        reserved: { ramMiB: 512 },
      }),
    ),
  );
  return idx;
}

type Claimer = (idx: HostIndexT, hostId: string, req: PlacementRequest) => boolean;

/** select → await → claim, falling back to alternates, then reselecting. */
async function placeSlowly(idx: HostIndexT, req: PlacementRequest, claim: Claimer, delays: () => number) {
  for (let round = 0; round < 5; round++) {
    const sel = idx.select(req, { isAdmin: false });
    if (!sel.ok) return undefined;
    for (let i = delays(); i > 0; i--) await tick();
    for (const hostId of [sel.placement.hostId, ...sel.placement.alternates]) {
      if (claim(idx, hostId, req)) return hostId;
      await tick();
    }
  }
  return undefined;
}

async function run(claim: Claimer) {
  const idx = cluster();
  const rnd = seededRandom(5);
  const placed = new Map<string, Resources>();
  const byHost = new Map<string, string[]>();
  await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const flavor = FLAVORS[i % FLAVORS.length] as Resources;
      const req = request(flavor, { instanceId: `i${i}`, requestId: `r${i}` });
      for (let d = Math.floor(rnd() * 3); d > 0; d--) await tick();
      const hostId = await placeSlowly(idx, req, claim, () => Math.floor(rnd() * 4));
      if (hostId === undefined) return;
      placed.set(req.instanceId, flavor);
      byHost.set(hostId, [...(byHost.get(hostId) ?? []), req.instanceId]);
    }),
  );
  return { idx, placed, byHost };
}

function overCommitted(r: Awaited<ReturnType<typeof run>>): string[] {
  const problems: string[] = [];
  for (const h of r.idx.hosts()) {
    const ids = r.byHost.get(h.hostId) ?? [];
    const sum = { vcpus: 0, ramMiB: 0, diskGiB: 0 };
    for (const id of ids) {
      const f = r.placed.get(id) as Resources;
      sum.vcpus += f.vcpus;
      sum.ramMiB += f.ramMiB;
      sum.diskGiB += f.diskGiB;
    }
    for (const k of ['vcpus', 'ramMiB', 'diskGiB'] as const) {
      if (h.usage[k] !== sum[k]) problems.push(`${h.hostId}.${k}: usage ${h.usage[k]} != placed ${sum[k]}`);
      if (h.usage[k] > usable(h, k)) problems.push(`${h.hostId}.${k}: ${h.usage[k]} > usable ${usable(h, k)}`);
    }
    if (h.instanceCount !== ids.length) problems.push(`${h.hostId}: ${h.instanceCount} instances != ${ids.length}`);
  }
  return problems;
}

describe('concurrent placements', () => {
  it('200 interleaved requests on 6 hosts never over-commit', async () => {
    const r = await run((idx, hostId, req) => idx.claim(hostId, req.instanceId, req.flavor).ok);
    assert.deepEqual(overCommitted(r), []);
    assert.ok(r.placed.size > 20, `placed only ${r.placed.size}`);
    assert.ok(r.placed.size < 200, 'demand exceeds capacity, so some requests must be refused');
    // A refusal must mean "full for that flavor", not "lost too many races": at the end
    // (nothing was released) no host may still fit a flavor that some request was refused.
    const refusedFlavors = new Set(
      Array.from({ length: 200 }, (_, i) => i)
        .filter((i) => !r.placed.has(`i${i}`))
        .map((i) => i % FLAVORS.length),
    );
    for (const f of refusedFlavors) {
      const fits = [...r.idx.hosts()].filter((h) => typeof applyClaim(h, FLAVORS[f] as Resources) !== 'string');
      assert.deepEqual(
        fits.map((h) => h.hostId),
        [],
        `flavor ${f} was refused but still fits`,
      );
    }
  });

  it('release after delete frees exactly what was claimed', async () => {
    const r = await run((idx, hostId, req) => idx.claim(hostId, req.instanceId, req.flavor).ok);
    await Promise.all(
      [...r.placed.keys()].map(async (id, i) => {
        if (i % 2) await tick();
        assert.equal(r.idx.release(id), true);
      }),
    );
    for (const h of r.idx.hosts()) {
      assert.deepEqual(h.usage, { vcpus: 0, ramMiB: 0, diskGiB: 0 });
      assert.equal(h.instanceCount, 0);
    }
  });

  it('the check catches a claimer that trusts its stale selection (negative control)', async () => {
    // Claims without re-checking: adds the flavor to whatever the host holds now.
    const blind: Claimer = (idx, hostId, req) => {
      const h = idx.get(hostId);
      if (h === undefined) return false;
      const u = h.usage;
      const f = req.flavor;
      idx.upsertHost({
        ...h,
        usage: { vcpus: u.vcpus + f.vcpus, ramMiB: u.ramMiB + f.ramMiB, diskGiB: u.diskGiB + f.diskGiB },
        instanceCount: h.instanceCount + 1,
      });
      return true;
    };
    const r = await run(blind);
    assert.ok(overCommitted(r).length > 0, 'stale selections without a re-check should have over-committed');
  });
});
