// Shared pieces of the libvirt integration tests: PATH stand-ins proving the client never
// spawns virsh/ip, a lab (client, scratch directory QEMU can read) whose clean-up removes
// the test's domains and asserts none is left, and event and guest-boot waiters.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEventMap, DomainEventName } from '../../../agent/hypervisor/libvirt/events.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { waitForLine } from '../../harness/console-log.ts';
import { domainXml, type FixtureDomain } from '../../harness/domain-xml-fixture.ts';
import { domainGone, removeDomain } from '../../harness/libvirt-domains.ts';
import { removeScratchDir, scratchDir } from '../../harness/scratch-dir.ts';
import { testImage } from '../../harness/test-image.ts';

export interface PathStandIns {
  marker: string;
  /** Fails the test if any stand-in ran; restores PATH and removes the directory. */
  finish(): Promise<void>;
}

/** Puts failing `virsh` and `ip` first on PATH; each leaves a marker file if run. */
export async function installPathStandIns(): Promise<PathStandIns> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-standin-'));
  const marker = join(dir, 'spawned');
  for (const tool of ['virsh', 'ip']) {
    const script = `#!/bin/sh\necho "${tool} $*" >> '${marker}'\nexit 1\n`;
    await writeFile(join(dir, tool), script, { mode: 0o755 });
  }
  const oldPath = process.env.PATH;
  process.env.PATH = `${dir}:${oldPath ?? ''}`;
  return {
    marker,
    async finish() {
      process.env.PATH = oldPath;
      const spawned = existsSync(marker) ? await readFile(marker, 'utf8') : '';
      await rm(dir, { recursive: true, force: true });
      assert.equal(spawned, '', 'the libvirt client must not spawn virsh or ip');
    },
  };
}

export interface LibvirtLab {
  client: LibvirtClient;
  /** A scratch directory QEMU (running as libvirt-qemu) can traverse. */
  dir: string;
  standIns: PathStandIns;
}

/** PATH stand-ins, a scratch directory and a client subscribed to `events`. */
export async function openLibvirtLab(events: readonly DomainEventName[]): Promise<LibvirtLab> {
  const standIns = await installPathStandIns();
  let dir: string | undefined;
  try {
    dir = await scratchDir('strato-libvirt-', { traversable: true });
    return { standIns, dir, client: await LibvirtClient.connect({ events }) };
  } catch (err) {
    await removeScratchDir(dir);
    await standIns.finish();
    throw err;
  }
}

/**
 * For `after`: removes the test's domains (`names`) and the directory, then asserts
 * libvirt knows none of those domains and no stand-in ran.
 */
export async function closeLibvirtLab(lab: LibvirtLab | undefined, names: readonly string[]): Promise<void> {
  if (!lab) return;
  try {
    for (const n of names) await removeDomain(lab.client, n);
    const left: string[] = [];
    for (const n of names) if (!(await domainGone(lab.client, n))) left.push(n);
    assert.deepEqual(left, [], 'test domains left in libvirt');
    await lab.client.close();
    await removeScratchDir(lab.dir);
  } finally {
    await lab.standIns.finish();
  }
}

export interface GuestFiles {
  kernel: string;
  initrd: string;
  cmdline: string;
}

/**
 * The test image's kernel and initrd copied into `dir` (the cache directory may not be
 * readable by QEMU's user). A missing image is a failure: scripts/setup-host builds it.
 */
export async function guestFiles(dir: string): Promise<GuestFiles> {
  const img = await testImage();
  // The uncompressed PVH kernel boots seconds faster under TCG.
  const source = img.pvhKernel !== undefined && existsSync(img.pvhKernel) ? img.pvhKernel : img.kernel;
  const kernel = join(dir, 'vmlinuz');
  const initrd = join(dir, 'initrd.img');
  await copyFile(source, kernel);
  await copyFile(img.initrd, initrd);
  await chmod(kernel, 0o644);
  await chmod(initrd, 0o644);
  return { kernel, initrd, cmdline: img.cmdline ?? GUEST_CMDLINE };
}

/** TCG boot on a busy 2-core machine can take tens of seconds. */
export const BOOT_TIMEOUT_MS = 120_000;

export const GUEST_CMDLINE = 'console=ttyS0 no_timer_check';

/** Resolves with the first matching event; rejects after `timeoutMs`. Subscribe first. */
export function nextEvent<K extends DomainEventName>(
  client: LibvirtClient,
  name: K,
  match: (ev: DomainEventMap[K][0]) => boolean,
  timeoutMs: number,
): Promise<DomainEventMap[K][0]> {
  const p = new Promise<DomainEventMap[K][0]>((resolve, reject) => {
    const listener = (ev: DomainEventMap[K][0]): void => {
      if (!match(ev)) return;
      clearTimeout(timer);
      client.off(name, listener as never);
      resolve(ev);
    };
    const timer = setTimeout(() => {
      client.off(name, listener as never);
      reject(new Error(`no matching ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(name, listener as never);
  });
  // Tests create the waiter before acting and await it later: a timeout in between must
  // surface at that await, not as an unhandled rejection.
  p.catch(() => {});
  return p;
}

export interface Guest {
  name: string;
  uuid: string;
  console: string;
}

/** Defines and starts a test-image guest (direct kernel boot) and waits for its boot marker. */
export async function bootGuest(
  client: LibvirtClient,
  dir: string,
  files: GuestFiles,
  name: string,
  extra: Pick<FixtureDomain, 'disks' | 'nics'> = {},
): Promise<Guest> {
  const console = join(dir, `${name}.console.log`);
  const dom = await client.defineDomain(
    domainXml({
      name,
      memoryMiB: 256,
      kernel: files.kernel,
      initrd: files.initrd,
      cmdline: files.cmdline,
      consoleLog: console,
      ...extra,
    }),
  );
  await client.startDomain(dom);
  await waitGuestReady(console, 0);
  return { name, uuid: dom.uuid, console };
}

/**
 * Waits for a boot (from console offset `mark`) to get far enough that the guest reacts to
 * the ACPI power button: its config-drive marker comes after init spawned acpid, whereas
 * a press right after STRATO-BOOT-OK is lost.
 */
export async function waitGuestReady(console: string, mark: number): Promise<void> {
  await waitForLine(console, /STRATO-BOOT-OK/, BOOT_TIMEOUT_MS, mark);
  await waitForLine(console, /STRATO-(NO-)?CONFIG-DRIVE/, BOOT_TIMEOUT_MS, mark);
}
