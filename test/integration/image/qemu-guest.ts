// Boots the test image with plain QEMU under TCG (no libvirt), the way these tests need:
// BIOS boot (or direct kernel boot) from the cached qcow2 with -snapshot (the base is never written), serial
// console to a file, QMP on a unix socket, optional config drive (IDE cdrom), taps and
// extra virtio disks with a serial (what a volume looks like to the guest).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Qmp } from './qmp.ts';

export interface GuestNic {
  tap: string;
  mac: string;
}

/**
 * An extra virtio-blk disk: a QEMU -blockdev tree (its top node's `node-name` names it
 * for QMP, e.g. block_resize) and the serial the guest is given.
 */
export interface GuestDisk {
  blockdev: { 'node-name': string; [key: string]: unknown };
  serial: string;
}

/** A raw file as a disk; the format is named, so QEMU never probes what the guest wrote. */
export function rawFileDisk(nodeName: string, path: string, serial: string): GuestDisk {
  return { blockdev: { driver: 'raw', 'node-name': nodeName, file: { driver: 'file', filename: path } }, serial };
}

export interface GuestOptions {
  /** Scratch directory for the console log and the QMP socket. */
  dir: string;
  disk: string;
  configDrive?: string;
  nics?: GuestNic[];
  /** Extra disks after the boot disk (the guest may name them in another order). */
  disks?: GuestDisk[];
  /** Network namespace to run QEMU in (where its taps live). */
  netns?: string;
  /** Direct kernel boot instead of SeaBIOS + extlinux from `disk`. */
  directBoot?: { kernel: string; initrd: string; cmdline: string };
}

export interface Guest {
  consoleLog: string;
  qmp: Qmp;
  /** Date.now() just before QEMU was spawned. */
  startedAt: number;
  /** Resolves with QEMU's exit code once it has exited. */
  exited: Promise<number | null>;
  /** Kills QEMU if it still runs and waits for it; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startGuest(opts: GuestOptions): Promise<Guest> {
  const consoleLog = join(opts.dir, 'console.log');
  const qmpSocket = join(opts.dir, 'qmp.sock');
  const args = [
    ...['-machine', 'pc,accel=tcg', '-m', '256', '-smp', '1', '-nodefaults', '-display', 'none'],
    ...['-serial', `file:${consoleLog}`, '-qmp', `unix:${qmpSocket},server=on,wait=off`],
    ...['-drive', `file=${opts.disk},if=virtio,format=qcow2,snapshot=on`],
  ];
  if (opts.directBoot) {
    const { kernel, initrd, cmdline } = opts.directBoot;
    args.push('-kernel', kernel, '-initrd', initrd, '-append', cmdline);
  }
  for (const d of opts.disks ?? []) {
    const node = d.blockdev['node-name'];
    args.push('-blockdev', JSON.stringify(d.blockdev));
    args.push(
      '-device',
      JSON.stringify({ driver: 'virtio-blk-pci', id: `${node}-dev`, drive: node, serial: d.serial }),
    );
  }
  if (opts.configDrive) args.push('-drive', `file=${opts.configDrive},media=cdrom,format=raw,readonly=on`);
  for (const [i, nic] of (opts.nics ?? []).entries()) {
    args.push('-netdev', `tap,id=n${i},ifname=${nic.tap},script=no,downscript=no`);
    args.push('-device', `virtio-net-pci,netdev=n${i},mac=${nic.mac}`);
  }
  const [cmd, argv] = opts.netns
    ? ['ip', ['netns', 'exec', opts.netns, 'qemu-system-x86_64', ...args]]
    : ['qemu-system-x86_64', args];
  const startedAt = Date.now();
  const child = spawn(cmd, argv as string[], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = exitOf(child);
  let qmp: Qmp;
  try {
    qmp = await Promise.race([
      Qmp.connect(qmpSocket),
      exited.then((code) => {
        throw new Error(`QEMU exited early (${code}): ${stderr.trim()}`);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    throw err;
  }
  return {
    consoleLog,
    qmp,
    startedAt,
    exited,
    async stop() {
      qmp.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', () => resolve(null));
  });
}
