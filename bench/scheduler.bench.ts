// Scheduler: placement as the conductor runs it (StoreClaimer.place, called as the boot
// workflow's schedule step calls it): selection from the in-memory index that the
// store's watch keeps current, and each claim a compare-and-swap transaction in a real
// SQLite store file with the conductor's default settings. Hosts are registered through
// the real HostRegistry (bench/lib/scheduler-cluster.ts). Measured at 1,000 and 10,000
// hosts with 1 and 16 concurrent requests.
// Baseline, measured in the same run on an identical cluster: the previous path
// (bench/lib/list-per-request-placer.ts), which listed every host and usage record
// from the store and weighed every host for each request, then made the same claim.
// At 10,000 hosts and 16 requests three more lines explain the figure:
//   floor      the claim transactions alone on the same store, no selection at all
//              (bench/lib/claim-floor.ts): what the store costs, tail included;
//   2 conductors  two claimers sharing the store, 8 requests each: each index is stale
//              to the other's claims until the watch brings them, so compares are lost;
//   heartbeats every host heartbeats every 10 s meanwhile (1,000 store writes/s).
// Every run ends with the store checked for over-commit (exit 1 if any): each host's
// usage must be its initial usage plus exactly the flavors claimed on it, within
// capacity × allocation ratio, and there must be one claim record per placement.
// Target (DESIGN.md): 10,000 hosts, 16 requests: ≥ 5,000 placements/s, p99 ≤ 5 ms.
// `--smoke` runs every line at 1,000 and 2,000 hosts with a few hundred placements.
//   node bench/scheduler.bench.ts [--smoke]
import './lib/quiet-logs.ts';
import { performance } from 'node:perf_hooks';
import { StoreClaimer } from '../conductor/scheduler/store-claimer.ts';
import type { PlacementRequest, Resources, SelectionResult } from '../conductor/scheduler/types.ts';
import { ClaimFloor } from './lib/claim-floor.ts';
import { ListPerRequestPlacer } from './lib/list-per-request-placer.ts';
import { type Comparison, median, percentile, report, smoke } from './lib/measure.ts';
import { type Cluster, hostsWithUsage, makeCluster, overCommits, TIMING } from './lib/scheduler-cluster.ts';

const SIZES = smoke ? [1_000, 2_000] : [1_000, 10_000];
const BIG = SIZES[1] as number;
const FLAVORS: Resources[] = [
  { vcpus: 1, ramMiB: 512, diskGiB: 1 },
  { vcpus: 1, ramMiB: 2048, diskGiB: 20 },
  { vcpus: 2, ramMiB: 4096, diskGiB: 40 },
  { vcpus: 4, ramMiB: 8192, diskGiB: 80 },
  { vcpus: 8, ramMiB: 16_384, diskGiB: 160 },
];

interface Placer {
  place(request: PlacementRequest, caller: { isAdmin: boolean }): Promise<SelectionResult>;
}

interface Run {
  path: string;
  hosts: number;
  requests: number;
  latencies: number[];
  seconds: number;
  placed: number;
  refused: number;
  overCommit: string[];
  note: string;
}

/** `streams` concurrent request loops, spread over `placers` (one per conductor). */
async function drive(placers: Placer[], streams: number, total: number) {
  const latencies: number[] = [];
  let next = 0;
  let placed = 0;
  let refused = 0;
  const stream = async (s: number) => {
    const placer = placers[s % placers.length] as Placer;
    while (next < total) {
      const i = next++;
      const req: PlacementRequest = {
        requestId: `req-${i}`,
        instanceId: `inst-${i}`,
        projectId: 'bench',
        flavor: FLAVORS[i % FLAVORS.length] as Resources,
      };
      const t0 = performance.now();
      const r = await placer.place(req, { isAdmin: true });
      latencies.push(performance.now() - t0);
      if (r.ok) placed++;
      else refused++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: streams }, (_, s) => stream(s)));
  return { latencies, seconds: (performance.now() - t0) / 1000, placed, refused };
}

/** Heartbeats from every host every 10 s, spread evenly, as agents send them. */
function heartbeats(c: Cluster, size: number): () => void {
  const perTick = Math.max(1, Math.round(size / (TIMING.heartbeatIntervalMs / 10)));
  let i = 0;
  const timer = setInterval(() => {
    for (let n = 0; n < perTick; n++, i++) {
      c.hosts.heartbeat(`host-${String(i % size).padStart(5, '0')}`).catch(() => {});
    }
  }, 10);
  return () => clearInterval(timer);
}

type Path = 'strato' | 'previous' | 'floor';

interface Cell {
  path: Path;
  hosts: number;
  streams: number;
  conductors?: number;
  heartbeats?: boolean;
}

/** One cell on a fresh cluster, checked for over-commit afterwards. */
async function measure(cell: Cell, total: number): Promise<Run> {
  const c = await makeCluster(cell.hosts);
  const claimers: StoreClaimer[] = [];
  try {
    let placers: Placer[];
    let note: string;
    if (cell.path === 'strato') {
      for (let n = 0; n < (cell.conductors ?? 1); n++) {
        claimers.push(new StoreClaimer(c.store, { hosts: c.hosts.hostSource(), ...TIMING }));
      }
      const t0 = performance.now();
      await Promise.all(claimers.map((x) => x.start()));
      placers = claimers;
      note = `index loaded in ${(performance.now() - t0).toFixed(0)} ms`;
      if (cell.conductors) note += `; ${cell.conductors} conductors`;
      if (cell.heartbeats) note += `; heartbeats ${cell.hosts / 10}/s`;
    } else if (cell.path === 'previous') {
      placers = [new ListPerRequestPlacer(c.store, c.hosts)];
      note = 'lists every host per request';
    } else {
      placers = [new ClaimFloor(c.store, await hostsWithUsage(c))];
      note = 'the claim transactions alone';
    }
    const stop = cell.heartbeats ? heartbeats(c, cell.hosts) : () => {};
    const r = await drive(placers, cell.streams, total).finally(stop);
    const overCommit = await overCommits(c, r.placed);
    return { path: cell.path, hosts: cell.hosts, requests: cell.streams, ...r, overCommit, note };
  } finally {
    for (const x of claimers) x.close();
    await c.close();
  }
}

const rate = (r: Run) => r.latencies.length / r.seconds;

function print(r: Run): void {
  console.log(
    `scheduler          ${r.path.padEnd(8)} ${String(r.hosts).padStart(5)} hosts ${String(r.requests).padStart(2)} requests: ` +
      `${r.placed} placed, ${r.refused} refused, ${Math.round(rate(r))}/s, p50 ${median(r.latencies).toFixed(3)} ms, ` +
      `p99 ${percentile(r.latencies, 99).toFixed(3)} ms, over-commit ${r.overCommit.length} (${r.note})`,
  );
}

const placements = (hosts: number) => (smoke ? 300 : hosts >= 10_000 ? 20_000 : 5_000);
const baselinePlacements = (hosts: number) => (smoke ? 5 : hosts >= 10_000 ? 60 : 400);

// JIT warm-up on throwaway clusters, so the first measured cell is not the slowest.
await measure({ path: 'strato', hosts: 1_000, streams: 16 }, smoke ? 300 : 3_000);
await measure({ path: 'previous', hosts: 1_000, streams: 1 }, smoke ? 3 : 30);

const runs: Run[] = [];
const rows: Comparison[] = [];
const ratios: string[] = [];
for (const hosts of SIZES) {
  for (const streams of [1, 16]) {
    const s = await measure({ path: 'strato', hosts, streams }, placements(hosts));
    const b = await measure({ path: 'previous', hosts, streams }, baselinePlacements(hosts));
    print(s);
    print(b);
    runs.push(s, b);
    rows.push({
      figure: `${hosts} hosts, ${streams} requests`,
      strato: s.latencies,
      baseline: b.latencies,
      baselineName: 'previous',
    });
    ratios.push(`${hosts}/${streams}: ${(rate(s) / rate(b)).toFixed(0)}x`);
  }
}
const extra: Cell[] = [
  { path: 'floor', hosts: BIG, streams: 16 },
  { path: 'strato', hosts: BIG, streams: 16, conductors: 2 },
  { path: 'strato', hosts: BIG, streams: 16, heartbeats: true },
];
for (const cell of extra) {
  const r = await measure(cell, placements(cell.hosts));
  print(r);
  runs.push(r);
}
report('scheduler', rows);
console.log(`scheduler          throughput strato/previous (hosts/requests): ${ratios.join(', ')}`);
const target = runs.find((r) => r.path === 'strato' && r.hosts === BIG && r.requests === 16) as Run;
const p99 = percentile(target.latencies, 99);
console.log(
  `scheduler          target at ${BIG} hosts${smoke ? ' (smoke: not the target size)' : ''}, 16 requests: ` +
    `≥ 5000/s ${rate(target) >= 5000 ? 'met' : 'MISSED'} ` +
    `(${Math.round(rate(target))}/s), p99 ≤ 5 ms ${p99 <= 5 ? 'met' : 'MISSED'} (${p99.toFixed(3)} ms)`,
);
const bad = runs.flatMap((r) => r.overCommit.map((x) => `${r.path} ${r.hosts}/${r.requests}: ${x}`));
if (bad.length > 0) {
  console.error(`scheduler          OVER-COMMIT: ${bad.length} problems, e.g. ${bad.slice(0, 3).join('; ')}`);
  process.exit(1);
}
console.log(
  'scheduler          no over-commit: in every run, usage == initial + claimed flavors ≤ usable on every host',
);
