// A simulated host's hypervisor dying and coming back, for tests of a dead host
// (evacuate): kill -9 of its libvirtd, virtlogd and every QEMU it ran, as a power
// cut would leave them, and a later start of libvirtd and virtlogd again inside
// the host's namespaces (its init keeps holding them after its daemons died).
// Only this host's processes are touched: they are found by its namespaces.
import { readFile } from 'node:fs/promises';
import { namespaceId } from './host-plumbing.ts';
import { hostDirs, waitForDaemons } from './sim-host-dirs.ts';
import { pidsInNamespaces } from './sim-host-processes.ts';
import type { SimHost } from './sim-hosts.ts';

async function comm(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
}

async function alive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
    return (await comm(pid)) !== '';
  } catch {
    return false;
  }
}

/** The pids of the QEMU processes running in the host (its guests). */
export async function qemuPidsOn(host: SimHost): Promise<number[]> {
  const ids = [await namespaceId('net', host.holderPid), await namespaceId('mnt', host.holderPid)];
  const out: number[] = [];
  for (const pid of await pidsInNamespaces(ids)) if ((await comm(pid)).startsWith('qemu-system')) out.push(pid);
  return out;
}

/** kill -9 of the host's libvirtd, virtlogd and QEMUs; resolves once they are gone. Returns what it killed. */
export async function killHypervisor(host: SimHost, timeoutMs = 10_000): Promise<number[]> {
  const { libvirtd, virtlogd } = await host.daemonPids();
  const pids = [...(libvirtd ? [libvirtd] : []), ...(virtlogd ? [virtlogd] : []), ...(await qemuPidsOn(host))];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + timeoutMs;
  for (const pid of pids) {
    while (await alive(pid)) {
      if (Date.now() > deadline) throw new Error(`process ${pid} of host ${host.name} survived kill -9`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return pids;
}

/** Starts the host's virtlogd and libvirtd again (daemonised, inside the host); resolves once both answer. */
export async function startHypervisor(host: SimHost, timeoutMs = 30_000): Promise<void> {
  await host.exec('sh', ['-c', 'virtlogd -d </dev/null >/dev/null 2>&1; libvirtd -d </dev/null >/dev/null 2>&1']);
  await waitForDaemons(hostDirs(host.dir), host.holderPid, timeoutMs);
}

