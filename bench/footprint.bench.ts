// Footprint: the conductor's idle memory, and the CLI's start-up and round
// trip, each against the floor of any Node program in the same run.
//   node bench/footprint.bench.ts [--smoke]
// - conductor RSS (its process tree, /proc) idle after start, then with N
//   ACTIVE servers on one host, against an idle `node -e 'setInterval…'`.
//   The conductor runs as test/integration/cli/fixture.ts starts it (temp
//   data dir, loopback, TLS). The agent is NOT measured here: agent/main.ts
//   has no fake hypervisor, and the real one needs root, libvirtd and the
//   root network namespace (bench/server-create.bench.ts reports conductor +
//   agent on a simulated host). The servers' host is the fake-host agent of
//   test/harness/fake-agent.ts, in this process.
// - `strato --help` and `strato server list` (N servers, cached token)
//   through bin/strato, against `node -e ''` with the same Node.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { run } from '../test/harness/exec.ts';
import { type Comparison, median, report, sample, smoke } from './lib/measure.ts';
import { treeRssKiB } from './lib/proc-rss.ts';

process.env.STRATO_LOG_LEVEL ??= 'warn';
const { startCliFixture } = await import('../test/integration/cli/fixture.ts');
const { makeCert } = await import('../test/harness/certs.ts');
const { FakeAgent } = await import('../test/harness/fake-agent.ts');

const NODE = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
const RUNS = smoke ? 3 : 20;
const SERVERS = smoke ? 2 : 20;
const SETTLE_MS = smoke ? 500 : 3000;
const RSS_SAMPLES = smoke ? 2 : 5;

/** The median of a few RSS readings of a process tree, in MiB. */
async function rssMiB(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < RSS_SAMPLES; i++) {
    readings.push((await treeRssKiB(pid)).kib / 1024);
    await sleep(200);
  }
  return median(readings);
}

/** An idle Node process's RSS: the floor any Node daemon starts from. */
async function idleNodeMiB(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const child = spawn(NODE, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await sleep(SETTLE_MS);
    return await rssMiB(child.pid ?? 0);
  } finally {
    child.kill('SIGKILL');
  }
}

function memoryLine(figure: string, mib: number, floor: number): void {
  console.log(
    `${'footprint'.padEnd(18)} ${figure.padEnd(34)} strato ${mib.toFixed(1).padStart(10)} MiB  ` +
      `idle node ${floor.toFixed(1).padStart(10)} MiB  ratio ${(mib / floor).toFixed(3)}`,
  );
}

const fx = await startCliFixture();
let agent: { stop(): Promise<void> } | undefined;
try {
  const must = async (args: string[]) => {
    const r = await fx.strato(args);
    if (r.code !== 0) throw new Error(`strato ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  await sleep(SETTLE_MS);
  const conductorIdle = await rssMiB(fx.conductorPid);
  const nodeIdle = await idleNodeMiB();

  await makeCert(fx.pki, 'hv-bench', ['127.0.0.1']);
  agent = await FakeAgent.start({
    hostId: 'hv-bench',
    tlsDir: fx.pki,
    registry: fx.registryAddress,
    capacity: { vcpus: 16, ramMib: 65536, diskGib: 200 },
    spawnDelayMs: 0,
  });
  const { execFile } = await import('node:child_process');
  const img = `${fx.dir}/tiny.qcow2`;
  await new Promise<void>((resolve, reject) =>
    execFile('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M'], (err) => (err ? reject(err) : resolve())),
  );
  // The default quota (10 instances, 20 cores …) is below what the bench makes.
  await must(['quota', 'set', 'admin', '--instances', '-1', '--cores', '-1', '--ram', '-1', '--ports', '-1']);
  await must(['flavor', 'create', '--vcpus', '1', '--ram', '64', '--disk', '1', 'm1.nano']);
  await must(['image', 'create', '--file', img, 'tiny']);
  await must(['network', 'create', 'bench']);
  await must(['subnet', 'create', '--network', 'bench', '--cidr', '10.77.0.0/24', 'bench-v4']);
  for (let i = 0; i < SERVERS; i++) {
    await must(['server', 'create', '--image', 'tiny', '--flavor', 'm1.nano', '--network', 'bench', `vm-${i}`]);
  }
  for (;;) {
    const states = (await must(['server', 'list', '-f', 'value', '-c', 'Status'])).split('\n').filter(Boolean);
    if (states.length === SERVERS && states.every((s) => s === 'ACTIVE')) break;
    if (states.includes('ERROR')) throw new Error(`a server failed: ${states.join(' ')}`);
    await sleep(200);
  }
  await sleep(SETTLE_MS);
  const conductorBusy = await rssMiB(fx.conductorPid);

  // Warm up: V8's compile cache and the token cache are there, as for a user.
  await must(['--help']);
  await must(['server', 'list']);
  const help = await sample(RUNS, async () => {
    await must(['--help']);
  });
  const list = await sample(RUNS, async () => {
    const out = await must(['server', 'list']);
    if (!out.includes(`vm-${SERVERS - 1}`)) throw new Error('server list is missing servers');
  });
  const baseline = await sample(RUNS, async () => {
    await run(NODE, ['-e', '']);
  });
  memoryLine('conductor RSS idle', conductorIdle, nodeIdle);
  memoryLine(`conductor RSS, ${SERVERS} servers`, conductorBusy, nodeIdle);
  const rows: Comparison[] = [
    { figure: 'strato --help', strato: help, baseline, baselineName: "node -e ''" },
    { figure: `server list round trip (${SERVERS})`, strato: list, baseline, baselineName: "node -e ''" },
  ];
  report('footprint', rows);
} finally {
  await agent?.stop();
  await fx.close();
}
