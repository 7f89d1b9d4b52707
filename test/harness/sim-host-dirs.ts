// The private directories of one simulated host, as the root namespace sees them. Inside
// the host they are bind-mounted by sim-host-init.sh over /run, /etc/libvirt,
// /var/lib/libvirt, /var/log/libvirt, /var/cache/libvirt and /etc/lvm.

import { chmod, cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { unavailable } from '../../common/errors.ts';
import { processAlive } from './processes.ts';

export interface HostDirs {
  dir: string;
  run: string;
  etcLibvirt: string;
  /** The host's /etc/lvm: LVM's metadata backups and archives of a storage host stay in it. */
  etcLvm: string;
  log: string;
  initLog: string;
  libvirtSocket: string;
  virtlogdSocket: string;
}

export function hostDirs(dir: string): HostDirs {
  const run = join(dir, 'run');
  return {
    dir,
    run,
    etcLibvirt: join(dir, 'etc-libvirt'),
    etcLvm: join(dir, 'etc-lvm'),
    log: join(dir, 'log'),
    initLog: join(dir, 'init.log'),
    libvirtSocket: join(run, 'libvirt', 'libvirt-sock'),
    virtlogdSocket: join(run, 'libvirt', 'virtlogd-sock'),
  };
}

/**
 * Creates the directories and a private /etc/libvirt. Only the daemons' *.conf files and
 * the stock nwfilters are copied: the root libvirtd's domains, networks (`default` would
 * autostart a NAT + dnsmasq in every host), secrets, pools and hooks stay its own.
 */
export async function prepareHostDirs(d: HostDirs): Promise<void> {
  for (const sub of ['run', 'etc-libvirt/qemu/networks/autostart', 'etc-lvm', 'lib', 'log', 'cache']) {
    await mkdir(join(d.dir, sub), { recursive: true, mode: 0o755 });
  }
  // QEMU runs as libvirt-qemu; the dirs must be traversable like the real ones.
  await chmod(d.dir, 0o755);
  for (const name of await readdir('/etc/libvirt')) {
    if (name.endsWith('.conf')) await cp(join('/etc/libvirt', name), join(d.etcLibvirt, name));
  }
  await cp('/etc/libvirt/nwfilter', join(d.etcLibvirt, 'nwfilter'), { recursive: true }).catch(() => undefined);
  // LVM's settings only, not the machine's backups and archives (other VGs'); without
  // lvm2 there is no /etc/lvm to mount over and the host goes without.
  for (const name of ['lvm.conf', 'lvmlocal.conf', 'profile']) {
    await cp(join('/etc/lvm', name), join(d.etcLvm, name), { recursive: true }).catch(() => undefined);
  }
}

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection(path);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Waits until libvirtd and virtlogd accept connections; fails early if the host's init died. */
export async function waitForDaemons(d: HostDirs, holderPid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await socketAnswers(d.libvirtSocket)) && (await socketAnswers(d.virtlogdSocket))) return;
    if (!(await processAlive(holderPid))) {
      const log = await readFile(d.initLog, 'utf8').catch(() => '');
      throw unavailable('SIM_HOST_INIT_DIED', `simulated host init exited: ${log.trim().slice(-2000)}`);
    }
    if (Date.now() > deadline) {
      throw unavailable('SIM_HOST_START_TIMEOUT', `libvirtd of ${d.dir} did not answer within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function readPid(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
