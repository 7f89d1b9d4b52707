// A Debian 12 container booted by a real systemd (HOST-FACTS "A real systemd"), for the
// tests that need systemd as PID 1: `systemd-nspawn -b` on the cached root from
// scripts/build-systemd-root, read-only under a tmpfs overlay (--volatile=overlay: every
// boot starts from the same root and leaves nothing on disk), its own network namespace
// (--private-network), the repository and its node_modules bound read-only at their own
// paths. No machined on the host, so --keep-unit --register=no, and nspawn is started
// inside a cgroup of its own (in every hierarchy systemd uses), where it makes its
// `payload` and `supervisor` groups; everything the container runs, QEMU included,
// stays below it. Stopping kills that cgroup tree and removes it. What a run created is
// recorded first under /run/strato-sdc, so a later run removes what a crashed one left.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { internal } from '../../common/errors.ts';
import { type ExecResult, execToFile } from '../e2e/lib/exec.ts';
import { distDir } from './dist.ts';
import { runExit } from './exec.ts';
import { processAlive } from './processes.ts';
import { processStartTime, removeCgroup } from './sim-host-processes.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const BUILD_ROOT = join(REPO, 'scripts/build-systemd-root');
const RECORDS = '/run/strato-sdc';
const CGROUP_NAME = /^strato-sdc-([0-9a-f]{6})$/;
/** What the container's commands get instead of the test runner's environment. */
const CLEAN_ENV = ['env', '-i', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root'];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface ContainerBind {
  /** Host path; bound at the same path inside, read-only. */
  path: string;
}

export interface SystemdContainer {
  id: string;
  machine: string;
  /** The container's PID 1 as the host sees it. */
  pid: number;
  /** Where the host sees the container's root (through /proc). */
  root: string;
  /** Runs argv inside every namespace of the container, as root, with a clean environment. */
  exec(argv: readonly string[], options?: { timeoutMs?: number }): Promise<ExecResult>;
  /** Like exec, but a non-zero exit throws with the output. */
  run(argv: readonly string[], options?: { timeoutMs?: number }): Promise<string>;
  /** The container's journal of one unit (for failure reports). */
  journal(unit: string, lines?: number): Promise<string>;
  stop(): Promise<void>;
}

interface SdcRecord {
  id: string;
  ownerPid: number;
  ownerStartTime: string;
  cgroups: string[];
  logDir: string;
}

// --- cgroups -------------------------------------------------------------------------

/** The hierarchies systemd uses: cgroup2 (unified or hybrid) and the v1 name=systemd one. */
async function systemdHierarchies(): Promise<string[]> {
  const mounts = (await readFile('/proc/self/mounts', 'utf8')).split('\n').map((l) => l.split(' '));
  const v2 = mounts.filter((f) => f[2] === 'cgroup2').map((f) => f[1]!);
  const named = mounts.filter((f) => f[2] === 'cgroup' && /(^|,)name=systemd(,|$)/.test(f[3] ?? '')).map((f) => f[1]!);
  return [...named, ...v2];
}

async function subtree(dir: string): Promise<string[]> {
  const out = [dir];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) if (e.isDirectory()) out.push(...(await subtree(join(dir, e.name))));
  return out;
}

async function pidsUnder(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const d of await subtree(dir)) {
    const text = await readFile(join(d, 'cgroup.procs'), 'utf8').catch(() => '');
    for (const l of text.split('\n')) if (l !== '') pids.push(Number(l));
  }
  return pids;
}

/** Kills every process below the cgroups (cgroup.kill where it exists), then removes them. */
async function removeCgroups(dirs: readonly string[]): Promise<void> {
  for (const d of dirs) await writeFile(join(d, 'cgroup.kill'), '1').catch(() => undefined);
  for (let i = 0; ; i++) {
    const alive: number[] = [];
    for (const d of dirs) for (const p of await pidsUnder(d)) if (await processAlive(p)) alive.push(p);
    if (alive.length === 0) break;
    if (i > 200) throw internal('SDC_PROCESS_STUCK', `processes ${alive.join(',')} survive SIGKILL`);
    for (const p of alive) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    await sleep(50);
  }
  // Deepest first (removeCgroup waits out a group whose last process is still being reaped).
  for (const d of dirs) for (const g of (await subtree(d)).reverse()) await removeCgroup(g);
}

// --- the crash-safe record ----------------------------------------------------------

async function writeRecord(rec: SdcRecord): Promise<void> {
  await mkdir(RECORDS, { recursive: true });
  const tmp = join(RECORDS, `${rec.id}.json.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(rec));
  await rename(tmp, join(RECORDS, `${rec.id}.json`));
}

async function readRecords(): Promise<SdcRecord[]> {
  const out: SdcRecord[] = [];
  for (const n of (await readdir(RECORDS).catch(() => [] as string[])).filter((n) => n.endsWith('.json'))) {
    try {
      out.push(JSON.parse(await readFile(join(RECORDS, n), 'utf8')) as SdcRecord);
    } catch {
      // half written by a process that died: its cgroups are found by name below
    }
  }
  return out;
}

async function ownerAlive(rec: SdcRecord): Promise<boolean> {
  return (await processStartTime(rec.ownerPid)) === rec.ownerStartTime;
}

async function teardown(rec: SdcRecord): Promise<void> {
  await removeCgroups(rec.cgroups);
  await rm(rec.logDir, { recursive: true, force: true });
  await rm(join(RECORDS, `${rec.id}.json`), { force: true });
}

/** Removes the containers of runs that died: their records, and cgroups named like ours without a live record. */
export async function sweepSystemdContainers(): Promise<void> {
  for (const rec of await readRecords()) if (!(await ownerAlive(rec))) await teardown(rec);
  const found: string[] = [];
  for (const h of await systemdHierarchies()) {
    for (const e of await readdir(h).catch(() => [] as string[])) if (CGROUP_NAME.test(e)) found.push(join(h, e));
  }
  // Records are read after listing: a parallel run records its container before making
  // its cgroups, so every group listed above that is live has a record by now.
  const live = new Set((await readRecords()).map((r) => r.id));
  for (const cg of found) {
    const id = CGROUP_NAME.exec(cg.slice(cg.lastIndexOf('/') + 1))?.[1];
    if (id !== undefined && !live.has(id)) await removeCgroups([cg]);
  }
}

// --- booting ---------------------------------------------------------------------------

/** The cached root (built by scripts/build-systemd-root on first use, a minute or two). */
export async function systemdRoot(logDir: string): Promise<string> {
  // Its progress goes to stderr; the last line it prints is the root's path.
  const out = await execToFile(BUILD_ROOT, [], {
    logFile: join(logDir, 'build-systemd-root.log'),
    timeoutMs: 1_800_000,
  });
  const path = out.output.trim().split('\n').at(-1) ?? '';
  if (out.code !== 0 || !path.startsWith('/')) {
    throw internal('SDC_ROOT_FAILED', `build-systemd-root failed (exit ${out.code}): ${out.output.slice(-2000)}`);
  }
  return path;
}

function execIn(pid: number, argv: readonly string[], logFile: string, timeoutMs: number): Promise<ExecResult> {
  // Output through a file, not a pipe: a daemon started by the command must not hold it.
  return execToFile('nsenter', ['-t', String(pid), '-m', '-u', '-i', '-n', '-p', '--', ...CLEAN_ENV, ...argv], {
    logFile,
    timeoutMs,
  });
}

/** The container's PID 1, once systemd has moved itself into init.scope. */
async function containerInit(cgroups: readonly string[]): Promise<number | undefined> {
  for (const cg of cgroups) {
    const text = await readFile(join(cg, 'payload/init.scope/cgroup.procs'), 'utf8').catch(() => '');
    const pid = Number(text.split('\n')[0]);
    if (pid > 0) return pid;
  }
  return undefined;
}

export async function bootSystemdContainer(
  options: { binds?: readonly ContainerBind[] } = {},
): Promise<SystemdContainer> {
  // The repository is bound read-only: install-host inside (scripts/build-dist) must
  // find the bundles already up to date.
  await distDir();
  await sweepSystemdContainers();
  const id = randomBytes(3).toString('hex');
  const machine = `sdc${id}`;
  const logDir = await mkdtemp(join(tmpdir(), `strato-sdc-${id}-`));
  const root = await systemdRoot(logDir);
  const hierarchies = await systemdHierarchies();
  if (hierarchies.length === 0) throw internal('SDC_NO_CGROUPS', 'no cgroup hierarchy of systemd is mounted');
  const cgroups = hierarchies.map((h) => join(h, `strato-sdc-${id}`));
  const startTime = await processStartTime(process.pid);
  const rec: SdcRecord = { id, ownerPid: process.pid, ownerStartTime: startTime ?? '', cgroups, logDir };
  await writeRecord(rec); // before the first cgroup exists
  let child: ChildProcess | undefined;
  try {
    for (const cg of cgroups) await mkdir(cg);
    const modules = await realpath(join(REPO, 'node_modules'));
    const binds = [REPO, modules, ...(options.binds ?? []).map((b) => b.path)];
    const nspawn = [
      'systemd-nspawn',
      '--boot',
      `--directory=${root}`,
      '--volatile=overlay',
      `--machine=${machine}`,
      '--register=no',
      '--keep-unit',
      '--private-network',
      '--console=read-only',
      ...[...new Set(binds)].map((b) => `--bind-ro=${b}`),
    ];
    // Joins the cgroups before exec, so nspawn and everything below it start inside them.
    const joinThenExec = 'for cg in $CGROUPS; do echo $$ > "$cg/cgroup.procs"; done; exec "$@"';
    const log = await open(join(logDir, 'console.log'), 'a');
    try {
      child = spawn('sh', ['-c', joinThenExec, 'sh', ...nspawn], {
        stdio: ['ignore', log.fd, log.fd],
        detached: true,
        env: { PATH: process.env.PATH, CGROUPS: cgroups.join(' ') },
      });
      child.unref();
    } finally {
      await log.close();
    }
    const deadline = Date.now() + 60_000;
    let pid: number | undefined;
    while (pid === undefined) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const consoleLog = await readFile(join(logDir, 'console.log'), 'utf8').catch(() => '');
        throw internal('SDC_BOOT_FAILED', `container did not boot: ${consoleLog.slice(-3000)}`);
      }
      pid = await containerInit(cgroups);
      if (pid === undefined) await sleep(100);
    }
    const initPid = pid;
    let n = 0;
    const exec = (argv: readonly string[], o: { timeoutMs?: number } = {}) =>
      execIn(initPid, argv, join(logDir, `exec-${++n}.log`), o.timeoutMs ?? 120_000);
    // `running`, or `degraded` when some unit of the image failed (reported by the tests that care).
    for (;;) {
      const state = (await exec(['systemctl', 'is-system-running'], { timeoutMs: 10_000 })).output.trim();
      if (state === 'running' || state === 'degraded') break;
      if (Date.now() > deadline) throw internal('SDC_BOOT_FAILED', `container stuck in state ${state}`);
      await sleep(200);
    }
    const container: SystemdContainer = {
      id,
      machine,
      pid: initPid,
      root: `/proc/${initPid}/root`,
      exec,
      async run(argv, o) {
        const r = await exec(argv, o);
        if (r.code !== 0) throw internal('SDC_EXEC_FAILED', `${argv.join(' ')} exited ${r.code}:\n${r.output}`);
        return r.output;
      },
      async journal(unit, lines = 200) {
        return (await exec(['journalctl', '--no-pager', '-o', 'cat', '-n', String(lines), '-u', unit])).output;
      },
      stop: () => teardown(rec),
    };
    return container;
  } catch (err) {
    await teardown(rec).catch(() => undefined);
    throw err;
  }
}

// --- several containers ----------------------------------------------------------------

export interface ContainerLink {
  /** The interface's name in both containers. */
  ifname: string;
  /** `address/prefix` of each end, e.g. 10.99.0.1/24. */
  addressA: string;
  addressB: string;
}

/**
 * Joins two containers' network namespaces with a veth pair, both ends created directly
 * in their namespaces (never in this machine's), addressed and up: the underlay of two
 * simulated hosts. The pair goes when either container stops (its namespace goes).
 */
export async function linkContainers(a: SystemdContainer, b: SystemdContainer, link: ContainerLink): Promise<void> {
  const { ifname } = link;
  const peer = ['peer', 'name', ifname, 'netns', String(b.pid)];
  const add = await runExit('ip', ['link', 'add', 'name', ifname, 'netns', String(a.pid), 'type', 'veth', ...peer]);
  if (add.code !== 0) throw internal('SDC_LINK_FAILED', `ip link add ${ifname} failed: ${add.stderr}`);
  for (const [c, address] of [
    [a, link.addressA],
    [b, link.addressB],
  ] as const) {
    await c.run(['ip', 'address', 'add', address, 'dev', ifname]);
    await c.run(['ip', 'link', 'set', ifname, 'up']);
  }
}
