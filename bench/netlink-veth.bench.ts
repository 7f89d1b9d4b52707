// Creating and deleting veth pairs: strato's netlink client (worker thread, one
// socket per namespace) against spawning `ip link add/del` once per pair, each in
// its own throw-away namespace, in the same run. `--smoke` does 10 pairs once.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Netlink } from '../agent/network/netlink/netlink.ts';
import { openNetlink } from '../agent/network/netlink/netlink-client.ts';
import { run } from '../test/harness/exec.ts';
import { report, smoke } from './lib/measure.ts';

const PAIRS = smoke ? 10 : 100;
const RUNS = smoke ? 1 : 3;
const tag = randomBytes(3).toString('hex');
const nsStrato = `strato-bench-nl-${tag}`;
const nsIp = `strato-bench-ip-${tag}`;
const names = Array.from({ length: PAIRS }, (_, i) => `bv${i}`);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function stratoRun(nl: Netlink, out: Record<string, number[]>): Promise<void> {
  out.createConcurrent?.push(await timed(() => Promise.all(names.map((n) => nl.createVeth(`${n}a`, `${n}b`)))));
  out.deleteConcurrent?.push(await timed(() => Promise.all(names.map((n) => nl.deleteLink(`${n}a`)))));
  out.createSequential?.push(
    await timed(async () => {
      for (const n of names) await nl.createVeth(`${n}a`, `${n}b`);
    }),
  );
  out.deleteSequential?.push(
    await timed(async () => {
      for (const n of names) await nl.deleteLink(`${n}a`);
    }),
  );
}

async function ipRun(out: Record<string, number[]>): Promise<void> {
  out.create?.push(
    await timed(async () => {
      for (const n of names)
        await run('ip', ['-n', nsIp, 'link', 'add', `${n}a`, 'type', 'veth', 'peer', 'name', `${n}b`]);
    }),
  );
  out.delete?.push(
    await timed(async () => {
      for (const n of names) await run('ip', ['-n', nsIp, 'link', 'del', `${n}a`]);
    }),
  );
}

const nl = await openNetlink();
try {
  await nl.createNamespace(nsStrato);
  await nl.createNamespace(nsIp);
  const inNs = nl.inNamespace(nsStrato);
  await inNs.listLinks(); // start the namespace's worker outside the measurement
  const s: Record<string, number[]> = {
    createConcurrent: [],
    deleteConcurrent: [],
    createSequential: [],
    deleteSequential: [],
  };
  const b: Record<string, number[]> = { create: [], delete: [] };
  for (let i = 0; i < RUNS; i++) {
    await stratoRun(inNs, s);
    await ipRun(b);
  }
  const baselineName = 'ip link per pair';
  report('netlink-veth', [
    {
      figure: `create ${PAIRS} veth (concurrent calls)`,
      strato: s.createConcurrent ?? [],
      baseline: b.create ?? [],
      baselineName,
    },
    {
      figure: `create ${PAIRS} veth (one at a time)`,
      strato: s.createSequential ?? [],
      baseline: b.create ?? [],
      baselineName,
    },
    {
      figure: `delete ${PAIRS} veth (concurrent calls)`,
      strato: s.deleteConcurrent ?? [],
      baseline: b.delete ?? [],
      baselineName,
    },
    {
      figure: `delete ${PAIRS} veth (one at a time)`,
      strato: s.deleteSequential ?? [],
      baseline: b.delete ?? [],
      baselineName,
    },
  ]);
} finally {
  await nl.deleteNamespace(nsStrato, { ignoreMissing: true });
  await nl.deleteNamespace(nsIp, { ignoreMissing: true });
  await nl.close();
}
