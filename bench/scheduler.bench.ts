// Scheduler throughput and latency: 10,000 hosts, 16 concurrent request streams.
// Each placement is select → await (a store round-trip would sit here, so streams
// interleave and selections go stale) → claim with fallback to the alternates.
// Baseline, measured in the same run over the same snapshots: a naive scheduler that
// filters all hosts and sorts all survivors for every request.
// `subset8` is the same index picking at random among the best 8 hosts: concurrent
// stale selections then spread over several hosts instead of piling onto one.
// Target (DESIGN.md): ≥ 5,000 placements/s, p99 ≤ 5 ms, no over-commit (exit 1 if any).
import { performance } from 'node:perf_hooks';
import { applyClaim } from '../conductor/scheduler/claims.ts';
import { DEFAULT_FILTERS } from '../conductor/scheduler/filters/default-filters.ts';
import { HostIndex } from '../conductor/scheduler/host-index.ts';
import { usable } from '../conductor/scheduler/resources.ts';
import { seededRandom } from '../conductor/scheduler/seeded-random.ts';
import type { HostSnapshot, PlacementRequest, Resources } from '../conductor/scheduler/types.ts';
import { spreadNorm, spreadWeight } from '../conductor/scheduler/weighers/spread-weigher.ts';
import { median, percentile, report, smoke } from './lib/measure.ts';

const HOSTS = 10_000;
const STREAMS = 16;
const PLACEMENTS = smoke ? 2_000 : 20_000;
const NAIVE_PLACEMENTS = smoke ? 200 : 1_000;
const NOW = Date.now();
const DOWN_MS = 60_000;

const FLAVORS: Resources[] = [
  { vcpus: 1, ramMiB: 512, diskGiB: 1 },
  { vcpus: 1, ramMiB: 2048, diskGiB: 20 },
  { vcpus: 2, ramMiB: 4096, diskGiB: 40 },
  { vcpus: 4, ramMiB: 8192, diskGiB: 80 },
  { vcpus: 8, ramMiB: 16_384, diskGiB: 160 },
];

function makeHosts(): HostSnapshot[] {
  const rnd = seededRandom(2026);
  const shapes: Resources[] = [
    { vcpus: 16, ramMiB: 65_536, diskGiB: 500 },
    { vcpus: 32, ramMiB: 131_072, diskGiB: 1000 },
    { vcpus: 64, ramMiB: 262_144, diskGiB: 2000 },
  ];
  return Array.from({ length: HOSTS }, (_, i) => {
    const capacity = shapes[i % shapes.length] as Resources;
    const fill = rnd() * 0.5;
    return {
      hostId: `host-${String(i).padStart(5, '0')}`,
      enabled: rnd() > 0.005,
      lastHeartbeatMs: rnd() > 0.005 ? NOW - 5_000 : NOW - 10 * DOWN_MS,
      capacity,
      allocationRatio: { cpu: 4, ram: 1.5, disk: 1 },
      reserved: { vcpus: 1, ramMiB: 2048, diskGiB: 10 },
      usage: {
        vcpus: Math.floor(capacity.vcpus * fill),
        ramMiB: Math.floor(capacity.ramMiB * fill),
        diskGiB: Math.floor(capacity.diskGiB * fill),
      },
      instanceCount: 0,
    };
  });
}

interface Scheduler {
  select(req: PlacementRequest): string[];
  claim(hostId: string, req: PlacementRequest): boolean;
}

function indexScheduler(
  hosts: HostSnapshot[],
  hostSubsetSize = 1,
): { s: Scheduler; get: (id: string) => HostSnapshot | undefined } {
  const idx = new HostIndex({ clock: () => NOW, downTimeMs: DOWN_MS, hostSubsetSize, random: seededRandom(3) });
  idx.loadHosts(hosts);
  return {
    s: {
      select: (req) => {
        const r = idx.select(req, { isAdmin: false });
        return r.ok ? [r.placement.hostId, ...r.placement.alternates] : [];
      },
      claim: (hostId, req) => idx.claim(hostId, req.instanceId, req.flavor).ok,
    },
    get: (id) => idx.get(id),
  };
}

/** Baseline: filter every host and sort every survivor, per request. */
function naiveScheduler(hosts: HostSnapshot[]): Scheduler {
  const byId = new Map(hosts.map((h) => [h.hostId, h]));
  const ctx = { nowMs: NOW, downTimeMs: DOWN_MS, isAdmin: false };
  return {
    select: (req) => {
      const all = [...byId.values()];
      const norm = spreadNorm(all);
      const ok = all.filter((h) => DEFAULT_FILTERS.every((f) => f.check(h, req, ctx) === null));
      const weighed = ok.map((h) => ({ id: h.hostId, w: spreadWeight(h, norm) }));
      weighed.sort((a, b) => b.w - a.w || (a.id < b.id ? -1 : 1));
      return weighed.slice(0, 4).map((x) => x.id);
    },
    claim: (hostId, req) => {
      const next = applyClaim(byId.get(hostId) as HostSnapshot, req.flavor);
      if (typeof next === 'string') return false;
      byId.set(hostId, next);
      return true;
    },
  };
}

interface RunResult {
  latencies: number[];
  seconds: number;
  placed: Map<string, Resources[]>;
  refused: number;
  lostClaims: number;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `split`: select → one event-loop turn (where a store round-trip would be; the other
 * streams select meanwhile, so selections go stale) → claim, falling back to the
 * alternates, then reselecting. Latency starts before a first turn, so it includes
 * queueing behind the other streams.
 */
async function run(s: Scheduler, total: number): Promise<RunResult> {
  const latencies: number[] = [];
  const placed = new Map<string, Resources[]>();
  let next = 0;
  let refused = 0;
  let lostClaims = 0;
  const stream = async () => {
    while (next < total) {
      const i = next++;
      const req: PlacementRequest = {
        requestId: `r${i}`,
        instanceId: `i${i}`,
        projectId: 'bench',
        flavor: FLAVORS[i % FLAVORS.length] as Resources,
      };
      const t0 = performance.now();
      await turn();
      let host: string | undefined;
      for (let round = 0; round < 3 && host === undefined; round++) {
        const candidates = s.select(req);
        if (candidates.length === 0) break;
        await turn();
        for (const h of candidates) {
          if (s.claim(h, req)) {
            host = h;
            break;
          }
          lostClaims++;
        }
      }
      latencies.push(performance.now() - t0);
      if (host === undefined) refused++;
      else {
        const list = placed.get(host);
        if (list === undefined) placed.set(host, [req.flavor]);
        else list.push(req.flavor);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: STREAMS }, stream));
  return { latencies, seconds: (performance.now() - t0) / 1000, placed, refused, lostClaims };
}

function overCommits(initial: HostSnapshot[], get: (id: string) => HostSnapshot | undefined, r: RunResult): string[] {
  const bad: string[] = [];
  for (const h0 of initial) {
    const h = get(h0.hostId) as HostSnapshot;
    const flavors = r.placed.get(h0.hostId) ?? [];
    for (const k of ['vcpus', 'ramMiB', 'diskGiB'] as const) {
      const want = h0.usage[k] + flavors.reduce((n, f) => n + f[k], 0);
      if (h.usage[k] !== want) bad.push(`${h.hostId}.${k}: usage ${h.usage[k]} != ${want} placed`);
      if (h.usage[k] > usable(h, k) && flavors.length > 0)
        bad.push(`${h.hostId}.${k}: ${h.usage[k]} > ${usable(h, k)}`);
    }
  }
  return bad;
}

const hosts = makeHosts();
const strato = indexScheduler(hosts);
const warm = indexScheduler(hosts);
await run(warm.s, 500); // JIT warm-up on a throwaway index
const s = await run(strato.s, PLACEMENTS);
const subset = indexScheduler(hosts, 8);
const s8 = await run(subset.s, PLACEMENTS);
const n = await run(naiveScheduler(hosts), NAIVE_PLACEMENTS);

const rate = (r: RunResult) => r.latencies.length / r.seconds;
const line = (name: string, r: RunResult) =>
  console.log(
    `scheduler          ${name.padEnd(8)} ${r.latencies.length} placements (${r.refused} refused) over ${HOSTS} hosts, ` +
      `${STREAMS} streams, ${r.lostClaims} claims lost to a race: ${Math.round(rate(r))}/s, p50 ${median(r.latencies).toFixed(3)} ms, ` +
      `p99 ${percentile(r.latencies, 99).toFixed(3)} ms`,
  );
line('strato', s);
line('subset8', s8);
line('naive', n);
report('scheduler', [
  {
    figure: 'placement latency (16 streams)',
    strato: s.latencies,
    baseline: n.latencies,
    baselineName: 'filter+sort-all',
  },
]);
console.log(`scheduler          throughput ratio strato/naive ${(rate(s) / rate(n)).toFixed(1)}x`);
const p99 = percentile(s.latencies, 99);
console.log(
  `scheduler          target ≥ 5000/s: ${rate(s) >= 5000 ? 'met' : 'MISSED'}, p99 ≤ 5 ms: ${p99 <= 5 ? 'met' : 'MISSED'}`,
);
const bad = [...overCommits(hosts, strato.get, s), ...overCommits(hosts, subset.get, s8)];
if (bad.length > 0) {
  console.error(`scheduler          OVER-COMMIT on ${bad.length} resources, e.g. ${bad.slice(0, 3).join('; ')}`);
  process.exit(1);
}
console.log('scheduler          no over-commit: usage == initial + placed flavors ≤ usable on every host');
