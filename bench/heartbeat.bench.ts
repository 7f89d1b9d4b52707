// Heartbeat load: the conductor with N simulated agents registering and
// heartbeating through its production registry path (mutual TLS, one
// certificate per host checked against the host id, the certificate book,
// the host records), while an admin calls the public API.
//   node bench/heartbeat.bench.ts [--smoke]
// Each simulated agent is a raw Registry client in this process doing what
// agent/registry/registrar.ts does: Register (capacity, roles, empty instance
// list), then a Heartbeat at the interval the conductor answers, started at a
// random phase as agents started at different times would. Its own channel,
// its own certificate (CN = host id; one shared key, bench/lib/host-certs.ts).
// What the conductor calls back on a host that registers (the network pusher's
// ApplyNetworkState, the export reconcile's ReconcileExports) is answered by one
// gRPC server in this process for all of them, each host with its own
// certificate chosen by the TLS server name (bench/lib/sim-agent-server.ts), so
// the conductor's pushes succeed as they would against real agents.
// Figures, each against the same conductor with ONE agent (the baseline, in
// the same run):
// - conductor RSS (process tree) after the agents registered;
// - conductor CPU per heartbeat: its CPU time over the window (/proc, all
//   threads) above the baseline's, divided by the heartbeats answered;
// - p50/p99 of ListServers and GetHost, called back to back by an admin.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProtoGrpcType as HostProto } from '../common/gen/host.ts';
import type { ProtoGrpcType as ServerProto } from '../common/gen/server.ts';
import type { HostsClient } from '../common/gen/strato/host/v1/Hosts.ts';
import type { RegistryClient } from '../common/gen/strato/host/v1/Registry.ts';
import type { ServersClient } from '../common/gen/strato/compute/v1/Servers.ts';
import { type CallOpts, connect, type StratoClient } from '../common/grpc/client.ts';
import { mtlsChannelCredentialsFrom } from '../common/grpc/credentials.ts';
import { loadClientObject } from '../common/proto-descriptor.ts';
import { packageVersion } from '../common/version.ts';
import { issueHostCerts } from './lib/host-certs.ts';
import { type SimAgentServer, startSimAgentServer } from './lib/sim-agent-server.ts';
import { median, percentile, smoke } from './lib/measure.ts';
import { treeRssKiB } from './lib/proc-rss.ts';

/** STRATO_BENCH_AGENTS overrides the count. */
const AGENTS = Number(process.env.STRATO_BENCH_AGENTS) || (smoke ? 20 : 1000);
/** Seconds between an agent's heartbeats: the conductor's default, or 1 s for a short smoke run. */
const INTERVAL_S = smoke ? 1 : 10;
const WINDOW_MS = smoke ? 3000 : 30_000;
const REGISTER_CONCURRENCY = 10;
/** Registration of all agents must end within this. */
const REGISTER_LIMIT_MS = smoke ? 60_000 : 15 * 60_000;

// DEP0123: grpc-js sets the TLS server name for an IP endpoint (as bin/strato silences it).
process.noDeprecation = true;
process.env.STRATO_LOG_LEVEL ??= 'warn';
process.env.STRATO_CONDUCTOR_HEARTBEAT_INTERVAL_S = String(INTERVAL_S);
process.env.STRATO_CONDUCTOR_DOWN_TIME_S = String(Math.max(6 * INTERVAL_S, 60));
const { startCliFixture } = await import('../test/integration/cli/fixture.ts');
const { credentials, Metadata } = await import('@grpc/grpc-js');

type Registry = StratoClient<RegistryClient>;

/** User plus system CPU time of a process (all its threads), in ms. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the name), in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One simulated agent: its identity, its registry channel, its heartbeat loop. */
class SimAgent {
  heartbeats = 0;
  failures = 0;
  private timer: NodeJS.Timeout | undefined;
  readonly hostId: string;
  private readonly registry: Registry;
  private readonly index: number;

  private readonly address: string;

  constructor(hostId: string, registry: Registry, index: number, address: string) {
    this.hostId = hostId;
    this.registry = registry;
    this.index = index;
    this.address = address;
  }

  registerRetries = 0;
  /** How long its successful Register took, ms. */
  registerMs = 0;

  /** Register, retried as the registrar retries (backoff 0.5 s doubling to 10 s): agents coming up together queue. */
  async register(giveUpAt: number): Promise<number> {
    for (let backoff = 500; ; backoff = Math.min(backoff * 2, 10_000)) {
      const t = performance.now();
      try {
        const interval = await this.registerOnce();
        this.registerMs = performance.now() - t;
        return interval;
      } catch (err) {
        this.registerRetries++;
        if (Date.now() + backoff > giveUpAt) throw err;
        await sleep(backoff);
      }
    }
  }

  private async registerOnce(): Promise<number> {
    const res = await this.registry.Register({
      hostId: this.hostId,
      // The shared simulated-agent server: it answers as this host (SNI).
      address: this.address,
      capacity: { vcpus: 16, ramMib: 65536, diskGib: 200 },
      virtType: 'qemu',
      agentVersion: packageVersion(),
      instances: [],
      underlayIp: `10.${200 + (this.index >> 16)}.${(this.index >> 8) & 255}.${this.index & 255}`,
      roles: ['compute'],
      startedAt: new Date().toISOString(),
      degradedReasons: [],
      orphans: {},
    });
    return res.heartbeatIntervalS;
  }

  start(intervalMs: number): void {
    const beat = async (): Promise<void> => {
      try {
        await this.registry.Heartbeat({
          hostId: this.hostId,
          instances: [],
          instancesUnknown: false,
          degradedReasons: [],
          orphans: {},
        });
        this.heartbeats++;
      } catch {
        this.failures++;
      }
      // A beat in flight when stop() ran must not start another (the run would never exit).
      if (!this.stopped) this.timer = setTimeout(beat, intervalMs);
    };
    this.timer = setTimeout(beat, Math.random() * intervalMs);
  }

  private stopped = false;

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.registry.close();
  }
}

interface Window {
  cpuMs: number;
  heartbeats: number;
  failures: number;
  latencies: { list: number[]; get: number[] };
}

const fx = await startCliFixture();
const agents: SimAgent[] = [];
let sim: SimAgentServer | undefined;
try {
  const login = await fx.strato(['login', '--print-token']);
  if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
  const token = login.stdout.trim();
  const ca = await readFile(fx.caFile);
  const apiCreds = credentials.createSsl(ca);
  const hostProto = loadClientObject<HostProto>('strato/host/v1/host.proto');
  const serverProto = loadClientObject<ServerProto>('strato/compute/v1/server.proto');
  const servers = connect<ServersClient>(serverProto.strato.compute.v1.Servers, fx.endpoint, { credentials: apiCreds });
  const hosts = connect<HostsClient>(hostProto.strato.host.v1.Hosts, fx.endpoint, { credentials: apiCreds });
  const authed = (): CallOpts => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    return { metadata };
  };

  const ids = Array.from({ length: AGENTS }, (_, i) => `hb-${String(i).padStart(4, '0')}`);
  const t0 = Date.now();
  const keyFile = await issueHostCerts(fx.pki, ids);
  const certsS = (Date.now() - t0) / 1000;
  const key = await readFile(keyFile);
  sim = await startSimAgentServer(fx.pki, keyFile, ids);
  for (const [i, hostId] of ids.entries()) {
    const cert = await readFile(`${fx.pki}/${hostId}.crt`);
    const registry = connect<RegistryClient>(hostProto.strato.host.v1.Registry, fx.registryAddress, {
      credentials: mtlsChannelCredentialsFrom({ ca, cert, key }),
    });
    agents.push(new SimAgent(hostId, registry, i, sim.address));
  }

  /** The conductor's CPU, the heartbeats answered and the API's latency over one window. */
  const measureWindow = async (active: readonly SimAgent[]): Promise<Window> => {
    const hb0 = active.reduce((n, a) => n + a.heartbeats, 0);
    const f0 = active.reduce((n, a) => n + a.failures, 0);
    const c0 = await cpuMs(fx.conductorPid);
    const latencies = { list: [] as number[], get: [] as number[] };
    const end = Date.now() + WINDOW_MS;
    while (Date.now() < end) {
      let t = performance.now();
      await servers.ListServers({ allProjects: true }, authed());
      latencies.list.push(performance.now() - t);
      t = performance.now();
      await hosts.GetHost({ host: active[0]!.hostId }, authed());
      latencies.get.push(performance.now() - t);
      // An operator's pace, not a flood: the API must stay quick while agents report.
      await sleep(20);
    }
    return {
      cpuMs: (await cpuMs(fx.conductorPid)) - c0,
      heartbeats: active.reduce((n, a) => n + a.heartbeats, 0) - hb0,
      failures: active.reduce((n, a) => n + a.failures, 0) - f0,
      latencies,
    };
  };

  // Baseline: one agent.
  const first = agents[0]!;
  const intervalMs = (await first.register(Date.now() + REGISTER_LIMIT_MS)) * 1000;
  if (intervalMs !== INTERVAL_S * 1000) throw new Error(`the conductor answered a ${intervalMs} ms interval`);
  first.start(intervalMs);
  await sleep(Math.min(intervalMs, 3000));
  const baseRss = (await treeRssKiB(fx.conductorPid)).kib / 1024;
  const base = await measureWindow([first]);

  // Load: everyone else registers (a few at a time, as a rack's agents coming up), then heartbeats.
  const t1 = Date.now();
  let next = 1;
  let done = 1;
  await Promise.all(
    Array.from({ length: REGISTER_CONCURRENCY }, async () => {
      while (next < agents.length) {
        const a = agents[next++]!;
        await a.register(t1 + REGISTER_LIMIT_MS);
        a.start(intervalMs);
        if (++done % 100 === 0) {
          const rss = (await treeRssKiB(fx.conductorPid)).kib / 1024;
          console.error(
            `heartbeat: ${done} registered after ${((Date.now() - t1) / 1000).toFixed(1)} s, conductor ${rss.toFixed(0)} MiB`,
          );
        }
      }
    }),
  );
  const registerMs = agents.slice(1).map((a) => a.registerMs);
  const registerS = (Date.now() - t1) / 1000;
  const retries = agents.reduce((n, a) => n + a.registerRetries, 0);
  // A full interval: every agent's heartbeat phase has come round once.
  await sleep(intervalMs);
  const load = await measureWindow(agents);
  const loadRss = (await treeRssKiB(fx.conductorPid)).kib / 1024;
  let up = 0;
  let pageToken = '';
  do {
    const page = await hosts.ListHosts({ pageSize: 1000, pageToken }, authed());
    up += page.hosts.filter((h) => h.state === 'up').length;
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  if (up !== AGENTS) throw new Error(`${up} of ${AGENTS} simulated hosts are up`);
  if (load.failures > 0) throw new Error(`${load.failures} heartbeats failed`);

  const name = 'heartbeat'.padEnd(18);
  const cpuPerHb = (load.cpuMs - base.cpuMs) / Math.max(1, load.heartbeats - base.heartbeats);
  const ms = (v: number) => `${v.toFixed(2).padStart(8)} ms`;
  console.log(
    `${name} setup: ${AGENTS} agents, heartbeat every ${INTERVAL_S} s, ${WINDOW_MS / 1000} s windows; ` +
      `certificates ${certsS.toFixed(1)} s, ${AGENTS - 1} registrations ${registerS.toFixed(1)} s ` +
      `(${REGISTER_CONCURRENCY} at a time, ${retries} retried; Register p50 ${median(registerMs).toFixed(1)} ms, ` +
      `p99 ${percentile(registerMs, 99).toFixed(1)} ms)`,
  );
  console.log(
    `${name} ${'conductor RSS'.padEnd(30)} ${AGENTS} agents ${loadRss.toFixed(1).padStart(8)} MiB   ` +
      `1 agent ${baseRss.toFixed(1).padStart(8)} MiB   ratio ${(loadRss / baseRss).toFixed(3)}`,
  );
  console.log(
    `${name} ${'heartbeats answered / s'.padEnd(30)} ${AGENTS} agents ${((load.heartbeats * 1000) / WINDOW_MS).toFixed(1).padStart(8)}       ` +
      `1 agent ${((base.heartbeats * 1000) / WINDOW_MS).toFixed(1).padStart(8)}`,
  );
  console.log(
    `${name} ${'conductor CPU % of one core'.padEnd(30)} ${AGENTS} agents ${((load.cpuMs * 100) / WINDOW_MS).toFixed(1).padStart(8)} %     ` +
      `1 agent ${((base.cpuMs * 100) / WINDOW_MS).toFixed(1).padStart(8)} %`,
  );
  console.log(`${name} ${'conductor CPU per heartbeat'.padEnd(30)} ${ms(cpuPerHb)}  (above the 1-agent window's CPU)`);
  console.log(
    `${name} ${'calls back to the agents'.padEnd(30)} ` +
      [...sim.calls].map(([m, n]) => `${m} ${n}`).join(', ') +
      ` (all ${AGENTS} hosts, whole run)`,
  );
  for (const [figure, l, b] of [
    ['ListServers', load.latencies.list, base.latencies.list],
    ['GetHost', load.latencies.get, base.latencies.get],
  ] as const) {
    console.log(
      `${name} ${`${figure} p50 / p99`.padEnd(30)} ${AGENTS} agents ${ms(median(l))} / ${ms(percentile(l, 99))}   ` +
        `1 agent ${ms(median(b))} / ${ms(percentile(b, 99))}   p99 ratio ${(percentile(l, 99) / percentile(b, 99)).toFixed(3)}`,
    );
  }
  servers.close();
  hosts.close();
} finally {
  for (const a of agents) a.stop();
  await fx.close();
  sim?.close();
}
