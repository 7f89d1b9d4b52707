// Simulated hypervisor hosts on one machine, for integration and end-to-end tests. Each
// host is a network namespace with an underlay address on a test bridge in the root
// namespace, plus a private mount namespace with its own virtlogd and libvirtd (see
// sim-host-init.sh). The test process reaches each libvirtd through a socket in a
// directory it can see. A storage host also runs its own tgtd (sim-host-tgtd.ts).
// `teardown()` removes all of it; call it from t.after.
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { internal, invalidArgument } from '../../common/errors.ts';
import {
  createBridge,
  createNetns,
  createUplink,
  enterArgs,
  namespaceId,
  type RunResult,
  run,
  spawnHostInit,
} from './host-plumbing.ts';
import { harvestCapsCache, seedCapsCache } from './sim-host-caps-cache.ts';
import { hostDirs, prepareHostDirs, readPid, waitForDaemons } from './sim-host-dirs.ts';
import { createHostCgroup, processStartTime, rssKiB } from './sim-host-processes.ts';
import { type ClusterRecord, type HostRecord, writeRecord } from './sim-host-registry.ts';
import { sweepLeftovers, teardownRecord } from './sim-host-teardown.ts';
import { SimTgtd } from './sim-host-tgtd.ts';
import { configureLibvirtTls, type SimLibvirtTls } from './sim-host-tls.ts';
import { pickUnderlaySubnet, type UnderlayPlan } from './sim-host-underlay.ts';

export interface SimHostMemory {
  libvirtdKiB: number;
  virtlogdKiB: number;
}

export interface SimHost {
  /** Unique on the machine; also the name of its network namespace. */
  readonly name: string;
  readonly netns: string;
  readonly underlayIp: string;
  /** `underlayIp/prefix`. */
  readonly underlayCidr: string;
  /** The host's uplink device, inside its namespace. */
  readonly underlayIf: string;
  /** libvirtd's socket, as the root namespace sees it (`qemu+unix:///system?socket=…`). */
  readonly libvirtSocket: string;
  /** The host's private /run, as the root namespace sees it. */
  readonly runDir: string;
  /** The host's directory (run/, etc-libvirt/, lib/, log/, cache/, init.log). */
  readonly dir: string;
  /** The host's cgroup v2 directory (all its processes), where the machine has cgroup2. */
  readonly cgroup?: string;
  /** The process holding the host's mount namespace. */
  readonly holderPid: number;
  /** Wall time from nothing to a libvirtd that answers. */
  readonly startMs: number;
  /** Runs a command inside the host's network and mount namespaces; rejects on failure. */
  exec(cmd: string, args: readonly string[], options?: SpawnOptions): Promise<RunResult>;
  /** Starts a long-lived process inside the host (an agent); the caller owns it. */
  spawn(cmd: string, args: readonly string[], options?: SpawnOptions): ChildProcess;
  daemonPids(): Promise<{ libvirtd?: number; virtlogd?: number }>;
  memory(): Promise<SimHostMemory>;
  /** The host's own tgtd (its portal on the underlay address), on storage hosts only. */
  readonly tgtd?: SimTgtd;
}

export interface SimCluster {
  readonly id: string;
  readonly dir: string;
  /** The test bridge in the root namespace that every host's uplink is on. */
  readonly bridge: string;
  /** The root namespace's address on `bridge`, for reaching agents from the test. */
  readonly bridgeIp: string;
  readonly prefixLength: number;
  readonly hosts: readonly SimHost[];
  /** Removes hosts, daemons, guests, links, namespaces and directories. Idempotent. */
  teardown(): Promise<void>;
}

export interface SimHostsOptions {
  count: number;
  /** Parent of the cluster's directory. @default '/tmp/strato-sim' */
  base?: string;
  /** How long one host's libvirtd may take to answer. @default 30000 */
  startTimeoutMs?: number;
  /** Indexes of the hosts that are storage hosts: each runs a tgtd of its own. @default none */
  storageHosts?: readonly number[];
  /**
   * libvirtds listen for migrations with TLS on their underlay addresses (sim-host-tls.ts);
   * each host's certificate is made in `tlsDir` (which holds the CA). @default no listener
   */
  libvirtTls?: SimLibvirtTls;
}

const INIT_SCRIPT = join(import.meta.dirname, 'sim-host-init.sh');
/** sockaddr_un holds 108 bytes; leave room for libvirt's own names under run/. */
const MAX_BASE_LENGTH = 60;

export async function startSimHosts(options: SimHostsOptions): Promise<SimCluster> {
  const base = options.base ?? '/tmp/strato-sim';
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > 200) {
    throw invalidArgument('SIM_HOST_COUNT', `count must be 1..200, got ${options.count}`);
  }
  if (base.length > MAX_BASE_LENGTH) {
    throw invalidArgument('SIM_HOST_BASE_TOO_LONG', `base ${base} is longer than ${MAX_BASE_LENGTH} characters`);
  }
  await sweepLeftovers(base);
  const capsCache = join(process.env.STRATO_CACHE ?? '/var/cache/strato', 'sim-host-qemu-caps');

  const id = randomBytes(3).toString('hex');
  const underlay = await pickUnderlaySubnet(id);
  const rec: ClusterRecord = {
    id,
    ownerPid: process.pid,
    ownerStartTime: (await processStartTime(process.pid)) ?? '',
    dir: join(base, `sc${id}`),
    bridge: `sbr${id}`,
    hosts: Array.from({ length: options.count }, (_, n) => ({ netns: `sh${id}-${n}`, outer: `sv${id}-${n}` })),
  };
  // Recorded before anything exists, so a crash at any point below is cleaned up later.
  await writeRecord(rec);

  let done: Promise<void> | undefined;
  const harvest = async (): Promise<void> => {
    for (let n = 0; n < rec.hosts.length; n++) await harvestCapsCache(join(rec.dir, `h${n}`, 'cache'), capsCache);
  };
  const teardown = (): Promise<void> => {
    // Concurrent calls share one run; after a failure a later call may try again.
    done ??= harvest()
      .then(() => teardownRecord(rec))
      .catch((err: unknown) => {
        done = undefined;
        throw err;
      });
    return done;
  };
  try {
    await mkdir(rec.dir, { recursive: true, mode: 0o755 });
    await createBridge(rec.bridge, `${underlay.bridgeIp}/${underlay.prefixLength}`);
    const hosts = await Promise.all(
      rec.hosts.map((h, n) =>
        startHost(rec, h, n, underlay, capsCache, {
          timeoutMs: options.startTimeoutMs ?? 30_000,
          tgtd: options.storageHosts?.includes(n) ?? false,
          ...(options.libvirtTls === undefined ? {} : { tls: options.libvirtTls }),
        }),
      ),
    );
    await writeRecord(rec);
    return {
      id,
      dir: rec.dir,
      bridge: rec.bridge,
      bridgeIp: underlay.bridgeIp,
      prefixLength: underlay.prefixLength,
      hosts,
      teardown,
    };
  } catch (err) {
    // Keep the original error; a failing clean-up is reported alongside it.
    await teardown().catch((cleanupErr: unknown) => {
      throw new AggregateError([err, cleanupErr], 'simulated hosts failed to start and to clean up');
    });
    throw err;
  }
}

async function startHost(
  rec: ClusterRecord,
  h: HostRecord,
  n: number,
  underlay: UnderlayPlan,
  capsCache: string,
  o: { timeoutMs: number; tgtd: boolean; tls?: SimLibvirtTls },
): Promise<SimHost> {
  const t0 = performance.now();
  const dirs = hostDirs(join(rec.dir, `h${n}`));
  await prepareHostDirs(dirs);
  await seedCapsCache(capsCache, join(dirs.dir, 'cache'));
  await createNetns(h.netns);
  const underlayIp = underlay.hostIp(n);
  const underlayCidr = `${underlayIp}/${underlay.prefixLength}`;
  const underlayIf = 'eth0';
  await createUplink({ outer: h.outer, bridge: rec.bridge, netns: h.netns, inner: underlayIf, cidr: underlayCidr });

  if (o.tls !== undefined) await configureLibvirtTls(dirs, o.tls, h.netns, underlayIp);
  const cgroup = await createHostCgroup(h.netns);
  if (cgroup !== undefined) h.cgroup = cgroup;
  await writeRecord(rec);
  const holder = await spawnHostInit({
    netns: h.netns,
    script: INIT_SCRIPT,
    hostDir: dirs.dir,
    logPath: dirs.initLog,
    ...(cgroup === undefined ? {} : { cgroup }),
  });
  const holderPid = holder.pid;
  if (holderPid === undefined) throw internal('SIM_HOST_INIT_FAILED', `could not start the init of ${h.netns}`);
  h.holderPid = holderPid;
  await waitForDaemons(dirs, holderPid, o.timeoutMs);
  // Read only now: until `unshare` ran, the holder was still in the root mount namespace.
  h.mntId = await namespaceId('mnt', holderPid);
  await writeRecord(rec);
  const startMs = performance.now() - t0;

  const enter = enterArgs(holderPid);
  const daemonPids = async () => ({
    libvirtd: await readPid(join(dirs.run, 'libvirtd.pid')),
    virtlogd: await readPid(join(dirs.run, 'virtlogd.pid')),
  });
  const exec = (cmd: string, args: readonly string[], opts?: SpawnOptions) =>
    run(enter[0]!, [...enter.slice(1), cmd, ...args], opts);
  const spawnIn = (cmd: string, args: readonly string[], opts: SpawnOptions = {}) =>
    spawn(enter[0]!, [...enter.slice(1), cmd, ...args], opts);
  let tgtd: SimTgtd | undefined;
  if (o.tgtd) {
    tgtd = new SimTgtd({ name: h.netns, runDir: dirs.run, dir: dirs.dir, exec, spawn: spawnIn });
    await tgtd.start();
  }
  return {
    name: h.netns,
    netns: h.netns,
    underlayIp,
    underlayCidr,
    underlayIf,
    libvirtSocket: dirs.libvirtSocket,
    runDir: dirs.run,
    dir: dirs.dir,
    ...(cgroup === undefined ? {} : { cgroup }),
    holderPid,
    startMs,
    exec,
    spawn: spawnIn,
    daemonPids,
    ...(tgtd === undefined ? {} : { tgtd }),
    memory: async () => {
      const pids = await daemonPids();
      return {
        libvirtdKiB: pids.libvirtd === undefined ? 0 : await rssKiB(pids.libvirtd),
        virtlogdKiB: pids.virtlogd === undefined ? 0 : await rssKiB(pids.virtlogd),
      };
    },
  };
}
