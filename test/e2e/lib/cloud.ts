// A whole strato cloud for end-to-end tests: simulated hypervisor hosts (each a
// network + mount namespace with its own libvirtd; a storage host also with its own
// tgtd), the REAL conductor as a child process in the root namespace and one REAL
// agent inside every host, joined by mutual TLS exactly as in production. After `startCloud` every host is up, the
// admin is logged in, the test image is a public image and the flavors exist.
// `stop()` removes all of it, also after a failure.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Flavor__Output } from '../../../common/gen/strato/compute/v1/Flavor.ts';
import type { Image__Output } from '../../../common/gen/strato/image/v1/Image.ts';
import { makeCa, makeCert } from '../../harness/certs.ts';
import { distEntry } from '../../harness/dist.ts';
import { freePort } from '../../harness/free-port.ts';
import { type SimCluster, type SimHost, startSimHosts } from '../../harness/sim-hosts.ts';
import { testImage } from '../../harness/test-image.ts';
import { waitFor } from '../../harness/wait.ts';
import { type Api, openApi } from './api.ts';
import { Daemon } from './daemon.ts';
import { E2E_BASE, sweepClouds, writeOwner } from './leftovers.ts';
import { CloudServers } from './servers.ts';

/** Every host's agent listens on this port of its own underlay address. */
const AGENT_PORT = 8776;

export interface FlavorSpec {
  name: string;
  vcpus: number;
  ramMib: number;
  diskGib: number;
}

/** A storage host's backend: `file` (sparse files in its state directory) or `lvm` on a volume group the test made. */
export type StorageSpec =
  | { backend: 'file' /** @default 20 */; capacityGib?: number }
  | { backend: 'lvm'; volumeGroup: string };

export interface CloudOptions {
  hosts: number;
  /**
   * Storage hosts, by host index: their agent runs with `--roles compute,storage`, this
   * backend, and its portal (`--iscsi-portal`) on the host's underlay address, served by
   * the host's own tgtd. @default none
   */
  storage?: Readonly<Record<number, StorageSpec>>;
  /** What each agent reports (flags --vcpus/--ram-mib/--disk-gib). @default 4 vCPUs, 2048 MiB, 20 GiB */
  capacity?: { vcpus: number; ramMib: number; diskGib: number };
  /** @default m1.tiny (1 vCPU, 256 MiB, 1 GiB) */
  flavors?: FlavorSpec[];
  /** @default 2 */
  heartbeatS?: number;
  /** @default 10 */
  downTimeS?: number;
  /** Soft stop/reboot wait before the hard fallback. @default 20 */
  acpiTimeoutS?: number;
  /**
   * The hosts' libvirtds listen for migrations with TLS on their underlay addresses
   * (test/harness/sim-host-tls.ts), so servers can move between hosts. @default false
   */
  migration?: boolean;
  /**
   * The agent's --roles of hosts without storage, by host index, e.g. `{ 1: 'network' }`
   * for a network node (routers, no guests). @default compute
   */
  roles?: Readonly<Record<number, string>>;
}

export interface CloudHost {
  /** The host id (also its certificate's CN and its network namespace). */
  readonly id: string;
  readonly sim: SimHost;
  /** The agent's --state-dir, as the root namespace sees it (/tmp is shared). */
  readonly stateDir: string;
  readonly agent: Daemon;
}

export interface Cloud {
  readonly dir: string;
  readonly cluster: SimCluster;
  readonly hosts: readonly CloudHost[];
  readonly conductor: Daemon;
  readonly conductorDataDir: string;
  /** host:port of the public API. */
  readonly endpoint: string;
  readonly caFile: string;
  readonly adminPassword: string;
  /** Logged in as the bootstrap admin (project admin). */
  readonly admin: Api;
  readonly image: Image__Output;
  readonly flavors: Readonly<Record<string, Flavor__Output>>;
  readonly servers: CloudServers;
  host(id: string): CloudHost;
  /** A new API client (log it in yourself); closed by stop(). */
  api(): Promise<Api>;
  /** Resolves once every host is registered and up. */
  waitForHostsUp(timeoutMs?: number): Promise<void>;
  /** Daemon log tails, for a failure message. */
  logTails(lines?: number): Promise<string>;
  /** Kills the daemons and removes hosts, guests and files. Idempotent. */
  stop(opts?: { printLogs?: boolean }): Promise<void>;
}

const DEFAULT_FLAVORS: FlavorSpec[] = [{ name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 }];

/** The role flags of a host's agent: storage (with its backend), or the roles asked; none for a compute-only host. */
function roleArgs(spec: StorageSpec | undefined, underlayIp: string, roles: string | undefined): string[] {
  if (spec === undefined) return roles === undefined ? [] : ['--roles', roles];
  const common = ['--roles', 'compute,storage', '--iscsi-portal', underlayIp];
  if (spec.backend === 'file') {
    return [...common, '--storage-backend', 'file', '--storage-capacity-gib', String(spec.capacityGib ?? 20)];
  }
  // The stand-in serves the data path where the kernel has no device-mapper; with
  // device-mapper the agent ignores it and activates LVs for real.
  return [...common, '--storage-backend', 'lvm', '--volume-group', spec.volumeGroup, '--lvm-test-loop-stand-in'];
}

export async function startCloud(options: CloudOptions): Promise<Cloud> {
  await sweepClouds();
  const dir = join(E2E_BASE, `c${randomBytes(3).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  // QEMU runs as libvirt-qemu and must traverse down to the instances' disks.
  await chmod(E2E_BASE, 0o755);
  await chmod(dir, 0o755);
  await writeOwner(dir, []);
  const apis: Api[] = [];
  const conductorPids: number[] = [];
  const hosts: CloudHost[] = [];
  let cluster: SimCluster | undefined;
  let conductor: Daemon | undefined;
  let stopped: Promise<void> | undefined;

  const logTails = async (lines = 40): Promise<string> => {
    const parts: string[] = [];
    for (const d of [conductor, ...hosts.map((h) => h.agent)]) {
      if (d) parts.push(`===== ${d.name} (${d.logFile}) =====\n${await d.tail(lines)}`);
    }
    return parts.join('\n');
  };
  const stop = (opts: { printLogs?: boolean } = {}): Promise<void> => {
    stopped ??= (async () => {
      if (opts.printLogs) process.stderr.write(`${await logTails(60)}\n`);
      for (const a of apis) a.close();
      await Promise.allSettled([conductor?.kill('SIGTERM', 5000), ...hosts.map((h) => h.agent.kill('SIGTERM', 5000))]);
      await cluster?.teardown();
      // After a failure only the logs stay (the tails may not be enough); the next
      // run's sweep removes them.
      if (!opts.printLogs) await rm(dir, { recursive: true, force: true });
      else {
        await rm(join(dir, 'conductor'), { recursive: true, force: true });
        for (const h of hosts) await rm(join(dir, h.id), { recursive: true, force: true });
        process.stderr.write(`test cloud logs kept in ${join(dir, 'logs')}\n`);
      }
    })();
    return stopped;
  };

  try {
    const tlsDir = join(dir, 'tls');
    const logDir = join(dir, 'logs');
    await mkdir(logDir);
    const storageHosts = Object.keys(options.storage ?? {}).map(Number);
    // Migration peers need the CA before their libvirtds start (their certificates come from it).
    const sim = options.migration
      ? await makeCa(tlsDir).then(() => startSimHosts({ count: options.hosts, storageHosts, libvirtTls: { tlsDir } }))
      : (await Promise.all([startSimHosts({ count: options.hosts, storageHosts }), makeCa(tlsDir)]))[0];
    cluster = sim;
    const caFile = join(tlsDir, 'ca.crt');
    await makeCert(tlsDir, 'conductor', [sim.bridgeIp, '127.0.0.1']);
    for (const h of sim.hosts) await makeCert(tlsDir, h.name, [h.underlayIp]);

    const apiPort = await freePort('127.0.0.1');
    const registryPort = await freePort(sim.bridgeIp);
    const endpoint = `127.0.0.1:${apiPort}`;
    const registry = `${sim.bridgeIp}:${registryPort}`;
    const conductorDataDir = join(dir, 'conductor');
    // What ships: the bundles (built here if a source changed), as the systemd units run them.
    const conductorMain = await distEntry('strato-conductor');
    const agentMain = await distEntry('strato-agent');
    conductor = new Daemon({
      name: 'conductor',
      logFile: join(logDir, 'conductor.log'),
      args: [
        conductorMain,
        ...['--data-dir', conductorDataDir, '--listen', endpoint, '--registry-listen', registry],
        ...['--tls-dir', tlsDir, '--heartbeat-interval-s', String(options.heartbeatS ?? 2)],
        ...['--down-time-s', String(options.downTimeS ?? 10), '--acpi-timeout-s', String(options.acpiTimeoutS ?? 20)],
      ],
      // Every conductor pid is recorded, so the sweep after a crashed run finds it.
      onStart: async (pid) => {
        if (pid !== undefined) conductorPids.push(pid);
        await writeOwner(dir, conductorPids);
      },
    });
    await conductor.start();

    const cap = options.capacity ?? { vcpus: 4, ramMib: 2048, diskGib: 20 };
    for (const [n, h] of sim.hosts.entries()) {
      const stateDir = join(dir, h.name, 'state');
      await mkdir(stateDir, { recursive: true, mode: 0o755 });
      await chmod(join(dir, h.name), 0o755);
      const agent = new Daemon({
        name: `agent ${h.name}`,
        logFile: join(logDir, `agent-${h.name}.log`),
        spawner: (cmd, args, o) => h.spawn(cmd, args, o),
        args: [
          agentMain,
          ...['--host-id', h.name, '--listen', `${h.underlayIp}:${AGENT_PORT}`, '--conductor', registry],
          ...['--tls-dir', tlsDir, '--libvirt-socket', '/run/libvirt/libvirt-sock', '--state-dir', stateDir],
          ...['--virt-type', 'qemu', '--vcpus', String(cap.vcpus), '--ram-mib', String(cap.ramMib)],
          ...['--disk-gib', String(cap.diskGib), '--acpi-timeout-s', String(options.acpiTimeoutS ?? 20)],
          ...['--resync-interval-s', '5'],
          // VXLAN tunnels run between the hosts' own underlay addresses.
          ...['--underlay-device', h.underlayIf, '--underlay-ip', h.underlayIp],
          ...roleArgs(options.storage?.[n], h.underlayIp, options.roles?.[n]),
        ],
      });
      hosts.push({ id: h.name, sim: h, stateDir, agent });
    }

    const passwordFile = join(conductorDataDir, 'admin-password');
    const adminPassword = await waitFor(
      async () => (await readFile(passwordFile, 'utf8')).trim(),
      (p) => p.length > 0,
      { timeoutMs: 30_000, retryErrors: true, intervalMs: 250, what: `the admin password in ${passwordFile}` },
    );
    const newApi = async () => {
      const api = await openApi(endpoint, caFile);
      apis.push(api);
      return api;
    };
    const admin = await newApi();
    await waitFor(
      () => admin.login('admin', adminPassword, 'admin'),
      () => true,
      { timeoutMs: 30_000, retryErrors: true, intervalMs: 250, what: 'the admin login' },
    );
    // Agents only after the conductor answers: their first register would otherwise back off.
    await Promise.all(hosts.map((h) => h.agent.start()));

    const waitForHostsUp = async (timeoutMs = 60_000) => {
      const ids = hosts.map((h) => h.id);
      await waitFor(
        async () => (await admin.hosts.ListHosts({})).hosts.map((h) => `${h.id}:${h.state}`),
        (seen) => ids.every((id) => seen.includes(`${id}:up`)),
        { timeoutMs, retryErrors: true, intervalMs: 250, what: `hosts ${ids.join(', ')} up` },
      );
    };
    const [, image] = await Promise.all([
      waitForHostsUp(),
      testImage().then((t) => admin.uploadImage('testvm', t.disk, { public: true })),
    ]);
    if (image.status !== 'active') throw new Error(`test image upload ended ${image.status}`);
    const flavors: Record<string, Flavor__Output> = {};
    for (const f of options.flavors ?? DEFAULT_FLAVORS) {
      flavors[f.name] = await admin.flavors.CreateFlavor({
        name: f.name,
        vcpus: f.vcpus,
        ramMib: f.ramMib,
        diskGib: f.diskGib,
      });
    }
    const byId = new Map(hosts.map((h) => [h.id, h]));
    return {
      dir,
      cluster: sim,
      hosts,
      conductor,
      conductorDataDir,
      endpoint,
      caFile,
      adminPassword,
      admin,
      image,
      flavors,
      servers: new CloudServers(admin, byId),
      host(id) {
        const h = byId.get(id);
        if (!h) throw new Error(`no host ${id} in this cloud (have ${[...byId.keys()].join(', ')})`);
        return h;
      },
      api: newApi,
      waitForHostsUp,
      logTails,
      stop,
    };
  } catch (err) {
    await stop({ printLogs: true }).catch((cleanupErr: unknown) => {
      throw new AggregateError([err, cleanupErr], 'the test cloud failed to start and to clean up');
    });
    throw err;
  }
}
