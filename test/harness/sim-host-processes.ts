// Finding and stopping every process of a simulated host. Two nets catch them: the host's
// cgroup (v2), which a process cannot leave by daemonizing or by entering another
// namespace (QEMU is double-forked by libvirtd; a later agent may start dnsmasq in a
// namespace of its own), and the host's network and mount namespaces, for machines
// without a writable cgroup2 hierarchy.
import { mkdir, readdir, readFile, readlink, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { internal } from '../../common/errors.ts';
import { namespaceId } from './host-plumbing.ts';
import { processAlive } from './processes.ts';

/** Process start time in clock ticks since boot: with the pid, it names one process for good. */
export async function processStartTime(pid: number): Promise<string | undefined> {
  try {
    const st = await readFile(`/proc/${pid}/stat`, 'utf8');
    return st.slice(st.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Pids of every process that is in any of the given namespaces (`net:[…]`, `mnt:[…]`). */
export async function pidsInNamespaces(ids: readonly string[]): Promise<number[]> {
  const wanted = new Set(ids);
  const pids: number[] = [];
  await Promise.all(
    (await readdir('/proc')).map(async (e) => {
      const pid = Number(e);
      if (!Number.isInteger(pid) || pid === process.pid) return;
      for (const kind of ['net', 'mnt'] as const) {
        try {
          if (wanted.has(await readlink(`/proc/${pid}/ns/${kind}`))) {
            pids.push(pid);
            return;
          }
        } catch {
          // raced with the process exiting
        }
      }
    }),
  );
  return pids.sort((a, b) => a - b);
}

// --- cgroups ---------------------------------------------------------------------------

const CGROUP_PARENT = 'strato-sim';

/** Where cgroup v2 is mounted (`/sys/fs/cgroup` or, on hybrid hosts, `/sys/fs/cgroup/unified`). */
async function cgroup2Mount(): Promise<string | undefined> {
  const mounts = await readFile('/proc/self/mounts', 'utf8');
  return mounts
    .split('\n')
    .map((l) => l.split(' '))
    .find((f) => f[2] === 'cgroup2')?.[1];
}

/** The parent of all hosts' cgroups, or undefined when this machine has no cgroup2. */
export async function hostCgroupParent(): Promise<string | undefined> {
  const root = await cgroup2Mount();
  return root === undefined ? undefined : join(root, CGROUP_PARENT);
}

/** Creates the host's cgroup; undefined (and the namespaces alone) where that is impossible. */
export async function createHostCgroup(name: string): Promise<string | undefined> {
  const parent = await hostCgroupParent();
  if (parent === undefined) return undefined;
  const path = join(parent, name);
  try {
    await mkdir(path, { recursive: true });
    return path;
  } catch {
    return undefined;
  }
}

export async function listHostCgroups(): Promise<string[]> {
  const parent = await hostCgroupParent();
  if (parent === undefined) return [];
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => join(parent, e.name));
}

export async function cgroupPids(path: string): Promise<number[]> {
  const text = await readFile(join(path, 'cgroup.procs'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map(Number);
}

/** Kills what is left in the cgroup (cgroup.kill, Linux ≥ 5.14) and removes it. */
export async function removeCgroup(path: string): Promise<void> {
  await writeFile(join(path, 'cgroup.kill'), '1').catch(() => undefined);
  for (let i = 0; ; i++) {
    try {
      await rmdir(path);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY' || i >= 100) {
        throw internal('SIM_HOST_CGROUP_BUSY', `cannot remove cgroup ${path}: ${code}`, { cause: err });
      }
      await sleep(50); // the killed processes are still exiting
    }
  }
}

// --- stopping ------------------------------------------------------------------------------

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

export interface HostProcessScope {
  /** `net:[…]` / `mnt:[…]` of the host. */
  namespaceIds: readonly string[];
  cgroup?: string;
}

/**
 * Stops every process of the host: SIGTERM (QEMU and libvirtd exit cleanly), SIGKILL what
 * is left after `graceMs`, then removes the cgroup. Loops because a dying daemon may fork.
 */
export async function stopHostProcesses(scope: HostProcessScope, graceMs = 3000): Promise<void> {
  // A wrong id here would be catastrophic (every process of the machine), so refuse ours.
  const own = [await namespaceId('net', process.pid), await namespaceId('mnt', process.pid)];
  const clash = scope.namespaceIds.find((id) => own.includes(id));
  if (clash !== undefined) throw internal('SIM_HOST_ROOT_NAMESPACE', `refusing to kill processes of ${clash}`);
  const deadline = Date.now() + graceMs;
  for (;;) {
    const found = new Set([
      ...(await pidsInNamespaces(scope.namespaceIds)),
      ...(scope.cgroup === undefined ? [] : await cgroupPids(scope.cgroup)),
    ]);
    found.delete(1);
    found.delete(process.pid);
    const alive = (await Promise.all([...found].map(async (p) => ((await processAlive(p)) ? p : 0)))).filter((p) => p);
    if (alive.length === 0) break;
    if (Date.now() > deadline + 5000) {
      throw internal('SIM_HOST_PROCESS_STUCK', `processes ${alive.join(',')} survive SIGKILL`);
    }
    for (const p of alive) signal(p, Date.now() > deadline ? 'SIGKILL' : 'SIGTERM');
    await sleep(100);
  }
  if (scope.cgroup !== undefined) await removeCgroup(scope.cgroup);
}

export async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
}
