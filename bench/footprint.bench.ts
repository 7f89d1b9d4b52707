// Footprint: the daemons' idle memory, and the CLI's start-up and round
// trip, each against the floor of any Node program in the same run.
//   node bench/footprint.bench.ts [--smoke]
// - conductor and agent RSS (each process tree, /proc) idle after start (the
//   agent registered), then with N ACTIVE servers on M networks, against an
//   idle `node -e 'setInterval…'`. The conductor runs as
//   test/integration/cli/fixture.ts starts it (its bundle, temp data dir,
//   loopback, TLS); the agent is its bundle dist/strato-agent.mjs in its
//   TEST-ONLY --fake-hypervisor mode (the
//   real daemon over fake hypervisor and network drivers: no guest runs, no
//   libvirtd). bench/server-create.bench.ts reports both on a real host.
// - `strato --help` and `strato server list` (N servers, cached token)
//   through bin/strato (dist/strato.mjs), against `node -e ''` with the same Node.
// Every process runs what ships (scripts/build-dist), rebuilt first if a source changed.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { run } from '../test/harness/exec.ts';
import { type Comparison, median, report, sample, smoke } from './lib/measure.ts';
import { memoryShares, treeRssKiB } from './lib/proc-rss.ts';

process.env.STRATO_LOG_LEVEL ??= 'warn';
const { startCliFixture } = await import('../test/integration/cli/fixture.ts');
const { makeCert } = await import('../test/harness/certs.ts');
const { startFakeModeAgent } = await import('./lib/fake-mode-agent.ts');

const NODE = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
const RUNS = smoke ? 3 : 20;
const SERVERS = smoke ? 2 : 20;
const NETWORKS = smoke ? 2 : 10;
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

/** An idle Node process's RSS: the floor any Node daemon starts from; and what that RSS is made of. */
async function idleNodeMiB(): Promise<{ mib: number; shares: string }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(NODE, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await sleep(SETTLE_MS);
    return { mib: await rssMiB(child.pid ?? 0), shares: await sharesText(child.pid ?? 0) };
  } finally {
    child.kill('SIGKILL');
  }
}

/** `private X MiB + shared Y MiB` of one process (RSS = both). */
async function sharesText(pid: number): Promise<string> {
  const m = await memoryShares(pid);
  const mib = (k: number) => (k / 1024).toFixed(1);
  return `private ${mib(m.privateKiB)} MiB + shared ${mib(m.sharedKiB)} MiB`;
}

function memoryLine(figure: string, mib: number, floor: number): void {
  if (!Number.isFinite(mib) || mib <= 0) throw new Error(`${figure}: no RSS read (process gone?)`);
  console.log(
    `${'footprint'.padEnd(18)} ${figure.padEnd(38)} strato ${mib.toFixed(1).padStart(10)} MiB  ` +
      `idle node ${floor.toFixed(1).padStart(10)} MiB  ratio ${(mib / floor).toFixed(3)}`,
  );
}

const fx = await startCliFixture();
let agent: Awaited<ReturnType<typeof startFakeModeAgent>> | undefined;
try {
  const must = async (args: string[]) => {
    const r = await fx.strato(args);
    if (r.code !== 0) throw new Error(`strato ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  await makeCert(fx.pki, 'hv-bench', ['127.0.0.1']);
  agent = await startFakeModeAgent({
    hostId: 'hv-bench',
    tlsDir: fx.pki,
    registry: fx.registryAddress,
    stateDir: `${fx.dir}/agent-state`,
    capacity: { vcpus: 64, ramMib: 65536, diskGib: 200 },
  });
  for (let i = 0; ; i++) {
    const hosts = await must(['host', 'list', '-f', 'value', '-c', 'ID', '-c', 'State']);
    if (hosts.includes('hv-bench up')) break;
    if (i > 150) throw new Error(`the fake-mode agent did not register: ${agent.stderr()}`);
    await sleep(200);
  }
  await sleep(SETTLE_MS);
  const conductorIdle = await rssMiB(fx.conductorPid);
  const agentIdle = await rssMiB(agent.pid);
  const conductorShares = await sharesText(fx.conductorPid);
  const agentShares = await sharesText(agent.pid);
  const { mib: nodeIdle, shares: nodeShares } = await idleNodeMiB();

  const { execFile } = await import('node:child_process');
  const img = `${fx.dir}/tiny.qcow2`;
  await new Promise<void>((resolve, reject) =>
    execFile('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M'], (err) => (err ? reject(err) : resolve())),
  );
  // The default quota (10 instances, 20 cores …) is below what the bench makes.
  await must(['quota', 'set', 'admin', '--instances', '-1', '--cores', '-1', '--ram', '-1', '--ports', '-1']);
  await must(['flavor', 'create', '--vcpus', '1', '--ram', '64', '--disk', '1', 'm1.nano']);
  await must(['image', 'create', '--file', img, 'tiny']);
  for (let n = 0; n < NETWORKS; n++) {
    await must(['network', 'create', `bench-${n}`]);
    await must(['subnet', 'create', '--network', `bench-${n}`, '--cidr', `10.77.${n}.0/24`, `bench-${n}-v4`]);
  }
  for (let i = 0; i < SERVERS; i++) {
    const net = `bench-${i % NETWORKS}`;
    await must(['server', 'create', '--image', 'tiny', '--flavor', 'm1.nano', '--network', net, `vm-${i}`]);
  }
  for (;;) {
    const states = (await must(['server', 'list', '-f', 'value', '-c', 'Status'])).split('\n').filter(Boolean);
    if (states.length === SERVERS && states.every((s) => s === 'ACTIVE')) break;
    if (states.includes('ERROR')) throw new Error(`a server failed: ${states.join(' ')}; agent: ${agent.stderr()}`);
    await sleep(200);
  }
  await sleep(SETTLE_MS);
  const conductorBusy = await rssMiB(fx.conductorPid);
  const agentBusy = await rssMiB(agent.pid);

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
  const busy = `${SERVERS} servers, ${NETWORKS} nets`;
  memoryLine('conductor RSS idle', conductorIdle, nodeIdle);
  memoryLine('agent RSS idle (fake hypervisor)', agentIdle, nodeIdle);
  memoryLine('conductor + agent RSS idle', conductorIdle + agentIdle, nodeIdle);
  // RSS counts the pages every Node process shares (the node binary's code, file-backed) in each
  // daemon again; the private part is what each costs the host on its own.
  console.log(
    `${'footprint'.padEnd(18)} idle RSS made of: conductor ${conductorShares}; agent ${agentShares}; ` +
      `idle node ${nodeShares}`,
  );
  memoryLine(`conductor RSS, ${busy}`, conductorBusy, nodeIdle);
  memoryLine(`agent RSS, ${busy}`, agentBusy, nodeIdle);
  memoryLine(`conductor + agent, ${busy}`, conductorBusy + agentBusy, nodeIdle);
  const rows: Comparison[] = [
    { figure: 'strato --help', strato: help, baseline, baselineName: "node -e ''" },
    { figure: `server list round trip (${SERVERS})`, strato: list, baseline, baselineName: "node -e ''" },
  ];
  report('footprint', rows);
} finally {
  await agent?.stop();
  await fx.close();
}
