// Server create and delete through the whole stack (real conductor, real agent in a
// simulated host, TCG guest, image cached after one warm-up boot) against the floor:
// the same host work as a bash script with qemu-img, genisoimage and virsh on the
// SAME libvirtd (the simulated host's, through its socket), in the same run.
// Prints create → ACTIVE split by step, create → domain running, create → guest
// boot marker, delete → everything gone (medians and min–max of RUNS alternating runs),
// then BATCH concurrent creates → all domains running and all deleted, against the floor
// doing the same BATCH concurrently, and the daemons' idle RSS.
// Run: node bench/server-create.bench.ts [--smoke]
import { access, chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LibvirtClient } from '../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../common/errors.ts';
import { log } from '../common/log.ts';
import { type Cloud, startCloud } from '../test/e2e/lib/cloud.ts';
import { floorCreate, floorDelete, floorForget, type FloorGuest, libvirtUri, prepareFloorGuest } from './lib/floor.ts';
import { findLogEvent } from './lib/log-lines.ts';
import { median, report, smoke } from './lib/measure.ts';
import { treeRssKiB } from './lib/proc-rss.ts';

const RUNS = smoke ? 1 : 10;
/** Concurrent creates per batch (issue 14: 10 `server create` at once against the floor doing the same 10). */
const BATCH = 10;
const BATCH_RUNS = smoke ? 1 : 5;
const POLL_MS = 20;
const BOOT_MARKER = 'STRATO-BOOT-OK';
const TIMEOUT_MS = 120_000;
const USER_DATA = Buffer.from('#!/bin/sh\necho bench\n');
const GiB = 1024 ** 3;

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** Epoch ms at which `marker` is first seen in the console log file (polled the same way for both sides). */
function markerSeen(file: string): Promise<number> {
  return until(`${BOOT_MARKER} in ${file}`, async () =>
    (await readFile(file, 'utf8').catch(() => '')).includes(BOOT_MARKER) ? Date.now() : undefined,
  );
}

interface StratoRun {
  /** When CreateServer returned (the workflow may already be running by then). */
  acceptMs: number;
  /** From the call until the conductor logged the claim on a host. */
  scheduleMs: number;
  dispatchMs: number;
  agent: Record<string, number>;
  bookkeepingMs: number;
  activeMs: number;
  runningMs: number;
  bootMs: number;
  deleteMs: number;
}

interface FloorRun {
  steps: Record<string, number>;
  runningMs: number;
  bootMs: number;
  deleteMs: number;
}

/** Whether the server is ACTIVE with no task; throws when it went to ERROR. */
async function isActive(cloud: Cloud, id: string): Promise<boolean> {
  const s = await cloud.servers.get(id);
  if (s.vmState === 'ERROR') throw new Error(`server ${id} ERROR: ${JSON.stringify(s.fault)}`);
  return s.vmState === 'ACTIVE' && s.taskState === '';
}

/** Whether every one of the servers is gone: from the API, from libvirt and from the host's disk. */
async function isGone(cloud: Cloud, lv: LibvirtClient, ids: readonly string[]): Promise<boolean> {
  const host = cloud.hosts[0]!;
  const domains = new Set((await lv.listDomains()).map((d) => d.name));
  for (const id of ids) {
    try {
      await cloud.servers.get(id);
      return false;
    } catch (err) {
      if (!isStratoError(err, 'NOT_FOUND')) throw err;
    }
    if (domains.has(`strato-${id}`) || (await exists(join(host.stateDir, 'instances', id)))) return false;
  }
  return true;
}

async function stratoRun(cloud: Cloud, lv: LibvirtClient): Promise<StratoRun> {
  const host = cloud.hosts[0]!;
  const t0 = Date.now();
  const created = await cloud.admin.servers.CreateServer({
    name: 'bench',
    image: cloud.image.id,
    flavor: 'm1.tiny',
    userData: USER_DATA,
  });
  const acceptedAt = Date.now();
  const id = created.id;
  const activeAt = await until(`server ${id} ACTIVE`, async () =>
    (await isActive(cloud, id)) ? Date.now() : undefined,
  );
  const bootAt = await markerSeen(join(host.stateDir, 'instances', id, 'console.log'));
  const spawned = await findLogEvent(host.agent.logFile, 'instance spawned', id);
  const scheduled = await findLogEvent(cloud.conductor.logFile, 'instance scheduled', id);
  const agent: Record<string, number> = {};
  let agentTotal = 0;
  for (const [k, v] of Object.entries(spawned.fields)) {
    if (k.endsWith('Ms') && typeof v === 'number') {
      agent[k] = v;
      agentTotal += v;
    }
  }
  const agentStart = spawned.atMs - agentTotal;

  const d0 = Date.now();
  await cloud.admin.servers.DeleteServer({ server: id });
  await until(`server ${id} gone`, async () => ((await isGone(cloud, lv, [id])) ? true : undefined));
  return {
    acceptMs: acceptedAt - t0,
    scheduleMs: scheduled.atMs - t0,
    dispatchMs: agentStart - scheduled.atMs,
    agent,
    bookkeepingMs: activeAt - spawned.atMs,
    activeMs: activeAt - t0,
    runningMs: spawned.atMs - t0,
    bootMs: bootAt - t0,
    deleteMs: Date.now() - d0,
  };
}

async function floorRun(
  cloud: Cloud,
  workDir: string,
  basePath: string,
  uri: string,
  live: Set<FloorGuest>,
  waitBoot = true,
) {
  const g = await prepareFloorGuest({
    workDir,
    basePath,
    imageId: cloud.image.id,
    flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 256, diskGiB: 1 },
    userData: USER_DATA,
  });
  live.add(g);
  const t0 = Date.now();
  const times = await floorCreate(g, basePath, 1 * GiB, uri);
  const bootAt = waitBoot ? await markerSeen(g.consoleLog) : Number.NaN;
  const d0 = Date.now();
  await floorDelete(g, uri);
  const deleteMs = Date.now() - d0;
  live.delete(g);
  const { runningAtMs, ...steps } = times;
  return { steps, runningMs: runningAtMs - t0, bootMs: bootAt - t0, deleteMs } satisfies FloorRun;
}

interface BatchRun {
  /** From the first call until the last of the batch's domains runs (the agent's 'instance spawned'). */
  runningMs: number;
  /** From the first call until every server of the batch is ACTIVE in the API. */
  activeMs: number;
  /** From the first delete until every server, domain and instance directory is gone. */
  deleteMs: number;
}

/** BATCH CreateServer calls at once (as BATCH `strato server create` would), then BATCH deletes at once. */
async function stratoBatch(cloud: Cloud, lv: LibvirtClient): Promise<BatchRun> {
  const host = cloud.hosts[0]!;
  const t0 = Date.now();
  const ids = await Promise.all(
    Array.from({ length: BATCH }, (_, i) =>
      cloud.admin.servers
        .CreateServer({ name: `bench-batch-${i}`, image: cloud.image.id, flavor: 'm1.tiny', userData: USER_DATA })
        .then((s) => s.id),
    ),
  );
  const activeAt = await until(`${BATCH} servers ACTIVE`, async () =>
    (await Promise.all(ids.map((id) => isActive(cloud, id)))).every(Boolean) ? Date.now() : undefined,
  );
  const spawned = await Promise.all(ids.map((id) => findLogEvent(host.agent.logFile, 'instance spawned', id)));
  const d0 = Date.now();
  await Promise.all(ids.map((id) => cloud.admin.servers.DeleteServer({ server: id })));
  await until(`${BATCH} servers gone`, async () => ((await isGone(cloud, lv, ids)) ? true : undefined));
  return {
    runningMs: Math.max(...spawned.map((e) => e.atMs)) - t0,
    activeMs: activeAt - t0,
    deleteMs: Date.now() - d0,
  };
}

/** The floor's BATCH guests made at once (inputs prepared before the clock starts), then deleted at once. */
async function floorBatch(
  cloud: Cloud,
  workDir: string,
  basePath: string,
  uri: string,
  live: Set<FloorGuest>,
): Promise<Omit<BatchRun, 'activeMs'>> {
  const guests = await Promise.all(
    Array.from({ length: BATCH }, () =>
      prepareFloorGuest({
        workDir,
        basePath,
        imageId: cloud.image.id,
        flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 256, diskGiB: 1 },
        userData: USER_DATA,
      }),
    ),
  );
  for (const g of guests) live.add(g);
  const t0 = Date.now();
  const times = await Promise.all(guests.map((g) => floorCreate(g, basePath, 1 * GiB, uri)));
  const runningMs = Math.max(...times.map((t) => t.runningAtMs)) - t0;
  const d0 = Date.now();
  await Promise.all(guests.map((g) => floorDelete(g, uri)));
  const deleteMs = Date.now() - d0;
  for (const g of guests) live.delete(g);
  return { runningMs, deleteMs };
}

/** min–max of the samples, for the spread beside a median. */
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;

async function idleRss(cloud: Cloud): Promise<{ mib: number; detail: string }> {
  let kib = 0;
  const parts: string[] = [];
  for (const d of [cloud.conductor, ...cloud.hosts.map((h) => h.agent)]) {
    if (d.pid === undefined) throw new Error(`${d.name} is not running`);
    const r = await treeRssKiB(d.pid);
    kib += r.kib;
    parts.push(`${d.name} ${(r.kib / 1024).toFixed(1)} MiB (pids ${r.pids.join(',')})`);
  }
  return { mib: kib / 1024, detail: parts.join('; ') };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

// Room for a batch of m1.tiny (1 vCPU, 256 MiB, 1 GiB) beside nothing else.
const cloud = await startCloud({ hosts: 1, capacity: { vcpus: 16, ramMib: 4096, diskGib: 40 } });
const host = cloud.hosts[0]!;
const uri = libvirtUri(host.sim.libvirtSocket);
const workDir = join(cloud.dir, 'floor');
const live = new Set<FloorGuest>();
const lv = await LibvirtClient.connect({
  socketPath: host.sim.libvirtSocket,
  log: log.child({ bench: 'server-create' }, { level: 'warn' }),
});
let failed = false;
try {
  await mkdir(workDir, { mode: 0o755 });
  await chmod(workDir, 0o755);
  await sleep(3000);
  const rssFresh = await idleRss(cloud);

  // Warm-up: the agent fetches and verifies the image once; both sides then boot from its cache.
  await stratoRun(cloud, lv);
  const basePath = join(host.stateDir, 'images', cloud.image.sha256);
  if (!(await exists(basePath))) throw new Error(`no cached base image at ${basePath}`);
  // The floor's warm-up loads its tools (virsh, genisoimage, qemu-img) into the page cache.
  await floorRun(cloud, workDir, basePath, uri, live, false);

  const strato: StratoRun[] = [];
  const floor: FloorRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate who goes first so neither side always meets a warmer libvirtd.
    const order = i % 2 === 0 ? ['strato', 'floor'] : ['floor', 'strato'];
    for (const who of order) {
      if (who === 'strato') strato.push(await stratoRun(cloud, lv));
      else floor.push(await floorRun(cloud, workDir, basePath, uri, live));
    }
  }
  const stratoBatches: BatchRun[] = [];
  const floorBatches: Omit<BatchRun, 'activeMs'>[] = [];
  for (let i = 0; i < BATCH_RUNS; i++) {
    const order = i % 2 === 0 ? ['strato', 'floor'] : ['floor', 'strato'];
    for (const who of order) {
      if (who === 'strato') stratoBatches.push(await stratoBatch(cloud, lv));
      else floorBatches.push(await floorBatch(cloud, workDir, basePath, uri, live));
    }
  }
  await sleep(3000);
  const rssAfter = await idleRss(cloud);

  const m = (xs: number[]) => median(xs);
  const agentKeys = Object.keys(strato[0]?.agent ?? {});
  console.log(`server-create: ${RUNS} run(s) each, image cached, 1 host, TCG, floor on the same libvirtd`);
  console.log(`create → ACTIVE median ${fmt(m(strato.map((r) => r.activeMs)))}, by step (medians):`);
  console.log(`  API accept + scheduling + claim           ${fmt(m(strato.map((r) => r.scheduleMs)))}`);
  console.log(
    `    (of which CreateServer returned after   ${fmt(m(strato.map((r) => r.acceptMs)))}; the workflow overlaps it)`,
  );
  console.log(`  dispatch to agent (gRPC, until spawn)     ${fmt(m(strato.map((r) => r.dispatchMs)))}`);
  for (const k of agentKeys) {
    const label = `  agent ${k.replace(/Ms$/, '')}`.padEnd(44);
    console.log(`${label}${fmt(m(strato.map((r) => r.agent[k] ?? 0)))}`);
  }
  console.log(`  conductor bookkeeping until ACTIVE seen   ${fmt(m(strato.map((r) => r.bookkeepingMs)))}`);
  console.log(`  (ACTIVE seen by polling every ${POLL_MS} ms; agent steps from its 'instance spawned' line)`);
  console.log('floor steps (medians):');
  for (const k of Object.keys(floor[0]?.steps ?? {})) {
    console.log(
      `  ${k.replace(/Ms$/, '').padEnd(42)}${fmt(m(floor.map((r) => (r.steps as Record<string, number>)[k] ?? 0)))}`,
    );
  }
  report('server-create', [
    {
      figure: 'create → domain running',
      strato: strato.map((r) => r.runningMs),
      baseline: floor.map((r) => r.runningMs),
      baselineName: 'floor',
    },
    {
      figure: 'create → ACTIVE (vs floor running)',
      strato: strato.map((r) => r.activeMs),
      baseline: floor.map((r) => r.runningMs),
      baselineName: 'floor',
    },
    {
      figure: 'create → boot marker',
      strato: strato.map((r) => r.bootMs),
      baseline: floor.map((r) => r.bootMs),
      baselineName: 'floor',
    },
    {
      figure: 'delete → everything gone',
      strato: strato.map((r) => r.deleteMs),
      baseline: floor.map((r) => r.deleteMs),
      baselineName: 'floor',
    },
  ]);
  report('server-create', [
    {
      figure: `${BATCH} concurrent → all running`,
      strato: stratoBatches.map((r) => r.runningMs),
      baseline: floorBatches.map((r) => r.runningMs),
      baselineName: 'floor',
    },
    {
      figure: `${BATCH} concurrent → all ACTIVE`,
      strato: stratoBatches.map((r) => r.activeMs),
      baseline: floorBatches.map((r) => r.runningMs),
      baselineName: 'floor',
    },
    {
      figure: `${BATCH} concurrent deletes → gone`,
      strato: stratoBatches.map((r) => r.deleteMs),
      baseline: floorBatches.map((r) => r.deleteMs),
      baselineName: 'floor',
    },
  ]);
  console.log(
    `spread (min–max over ${RUNS} runs; batches over ${BATCH_RUNS}): ` +
      [
        `running strato ${spread(strato.map((r) => r.runningMs))} floor ${spread(floor.map((r) => r.runningMs))}`,
        `boot marker strato ${spread(strato.map((r) => r.bootMs))} floor ${spread(floor.map((r) => r.bootMs))}`,
        `delete strato ${spread(strato.map((r) => r.deleteMs))} floor ${spread(floor.map((r) => r.deleteMs))}`,
        `${BATCH} running strato ${spread(stratoBatches.map((r) => r.runningMs))} floor ${spread(floorBatches.map((r) => r.runningMs))}`,
      ].join('; '),
  );
  const batchRatio = m(stratoBatches.map((r) => r.runningMs)) / m(floorBatches.map((r) => r.runningMs));
  console.log(`${BATCH} concurrent creates → all running: ratio ${batchRatio.toFixed(2)} (target ≤ 1.2)`);
  const bootDiff = m(strato.map((r) => r.bootMs)) - m(floor.map((r) => r.bootMs));
  console.log(`create → boot marker: strato − floor = ${bootDiff >= 0 ? '+' : ''}${fmt(bootDiff)} (target ≤ +100 ms)`);
  console.log(`idle RSS conductor + agent: ${rssFresh.mib.toFixed(1)} MiB fresh [${rssFresh.detail}]`);
  console.log(`idle RSS conductor + agent: ${rssAfter.mib.toFixed(1)} MiB after the runs [${rssAfter.detail}]`);
} catch (err) {
  failed = true;
  throw err;
} finally {
  for (const g of live) await floorForget(g, uri);
  await lv.close();
  await cloud.stop({ printLogs: failed });
}
