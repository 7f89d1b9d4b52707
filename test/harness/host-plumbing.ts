// Every kernel-level step the simulated hosts need (namespaces, bridge, veths, entering a
// host) lives in this one file. Links and namespaces go through strato's own netlink
// client; entering a host still spawns `ip netns exec`, `unshare` and `nsenter`, because
// a process (not a thread) has to change its mount namespace and see a sysfs of the host.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { open, readlink, stat } from 'node:fs/promises';
import type { Netlink } from '../../agent/network/netlink/netlink.ts';
import { openNetlink } from '../../agent/network/netlink/netlink-client.ts';
import { internal } from '../../common/errors.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; rejects with its stderr when it fails. */
export function run(cmd: string, args: readonly string[], options: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', (err) => reject(internal('SIM_HOST_COMMAND_FAILED', `${cmd} could not start`, { cause: err })));
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          internal(
            'SIM_HOST_COMMAND_FAILED',
            `${cmd} ${args.join(' ')} failed: ${stderr.trim() || `exit ${code ?? signal}`}`,
            {
              details: { cmd, exitCode: String(code ?? ''), signal: signal ?? '', stderr: stderr.trim() },
            },
          ),
        );
    });
  });
}

// --- netlink -----------------------------------------------------------------------------

let shared: Promise<Netlink> | undefined;

/**
 * One handle for the whole test process: its workers are unref'd and close when idle, and
 * deleting a namespace through the same handle first closes the worker sitting in it
 * (a worker inside a namespace would keep that namespace alive).
 */
function netlink(): Promise<Netlink> {
  shared ??= openNetlink();
  return shared;
}

async function inNs(netns: string | undefined): Promise<Netlink> {
  const nl = await netlink();
  return netns === undefined ? nl : nl.inNamespace(netns);
}

// --- namespaces -----------------------------------------------------------------------

export const netnsPath = (name: string): string => `/run/netns/${name}`;

export async function createNetns(name: string): Promise<void> {
  const nl = await netlink();
  await nl.createNamespace(name);
  await nl.inNamespace(name).setUp('lo', true);
}

export async function deleteNetns(name: string): Promise<void> {
  await (await netlink()).deleteNamespace(name, { ignoreMissing: true });
}

export async function listNetns(): Promise<string[]> {
  return (await netlink()).listNamespaces();
}

/** Namespace identity as the kernel names it (`net:[4026532…]`), comparable with /proc/<pid>/ns/*. */
export async function namespaceId(kind: 'net' | 'mnt', pid: number): Promise<string> {
  return readlink(`/proc/${pid}/ns/${kind}`);
}

export async function netnsIdByName(name: string): Promise<string | undefined> {
  try {
    return `net:[${(await stat(netnsPath(name))).ino}]`;
  } catch {
    return undefined;
  }
}

// --- links -----------------------------------------------------------------------------

/** A bridge, up; with an address unless `cidr` is empty. */
export async function createBridge(name: string, cidr: string, netns?: string): Promise<void> {
  const nl = await inNs(netns);
  await nl.createBridge(name, { up: true });
  if (cidr !== '') await nl.addAddress(name, cidr);
}

/**
 * A veth pair: `outer` in the root namespace on `bridge`, its peer `inner` created
 * directly inside `netns` (so `eth0` there never meets the root namespace's eth0) with `cidr`.
 */
export async function createUplink(opts: {
  outer: string;
  bridge: string;
  netns: string;
  inner: string;
  cidr: string;
}): Promise<void> {
  const nl = await netlink();
  await nl.createVeth(opts.outer, opts.inner, { peerNamespace: opts.netns, master: opts.bridge, up: true });
  const inside = nl.inNamespace(opts.netns);
  await inside.addAddress(opts.inner, opts.cidr);
  await inside.setUp(opts.inner, true);
}

/** Deleting what is already gone is success (teardown is idempotent). */
export async function deleteLink(name: string, netns?: string): Promise<void> {
  await (await inNs(netns)).deleteLink(name, { ignoreMissing: true });
}

export interface LinkInfo {
  ifname: string;
  master?: string;
}

export async function listLinks(netns?: string): Promise<LinkInfo[]> {
  const links = await (await inNs(netns)).listLinks();
  return links.map((l) => ({ ifname: l.name, ...(l.master === undefined ? {} : { master: l.master }) }));
}

/** Every IPv4 prefix already configured in the root namespace, as `a.b.c.d/len`. */
export async function rootIpv4Prefixes(): Promise<string[]> {
  const addrs = await (await netlink()).listAddresses();
  return addrs.filter((a) => a.family === 'inet').map((a) => `${a.address}/${a.prefixLength}`);
}

// --- entering a host -------------------------------------------------------------------

/**
 * Starts `script hostDir` as the first process of a new host: it joins the host's cgroup,
 * `ip netns exec` puts it in the network namespace (and mounts a sysfs that shows that
 * namespace's links), `unshare` gives it a private mount namespace. Every step execs, so
 * the pid stays the same; the process stays alive as the namespace holder.
 */
export async function spawnHostInit(opts: {
  netns: string;
  script: string;
  hostDir: string;
  logPath: string;
  /** cgroup v2 directory: every descendant, daemonized or not, stays in it. */
  cgroup?: string;
}): Promise<ChildProcess> {
  const logFd = await open(opts.logPath, 'a');
  try {
    // Joining before the first exec means no child can ever be forked outside the cgroup.
    const joinThenExec = 'if [ -n "$0" ]; then echo $$ > "$0/cgroup.procs"; fi; exec "$@"';
    const enter = ['ip', 'netns', 'exec', opts.netns, 'unshare', '--mount', '--propagation', 'private'];
    const child = spawn('sh', ['-c', joinThenExec, opts.cgroup ?? '', ...enter, 'sh', opts.script, opts.hostDir], {
      stdio: ['ignore', logFd.fd, logFd.fd],
      detached: true,
    });
    // The holder must not keep the test process alive; teardown stops it.
    child.unref();
    return child;
  } finally {
    await logFd.close();
  }
}

/** argv prefix that runs a command inside the net + mount namespaces of `holderPid`. */
export function enterArgs(holderPid: number): string[] {
  return ['nsenter', `--target=${holderPid}`, '--net', '--mount', '--'];
}
