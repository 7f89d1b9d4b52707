// Shared pieces of the libvirt integration tests: PATH stand-ins proving the client never
// spawns virsh/ip, scratch directories QEMU can read, event and console waiters, and
// cleanup that removes test domains whatever state they are in.
import { testImage } from '../../harness/test-image.ts';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEventMap, DomainEventName } from '../../../agent/hypervisor/libvirt/events.ts';
import { UndefineFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { domainXml, type FixtureDomain } from '../../harness/domain-xml-fixture.ts';

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

/** A scratch directory QEMU (running as libvirt-qemu) can traverse. */
export async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-libvirt-'));
  await chmod(dir, 0o755);
  return dir;
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

/** Polls a console log for a line matching `re` (tests may poll; the client never does). */
export async function waitForLine(file: string, re: RegExp, timeoutMs: number, fromOffset = 0): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = existsSync(file) ? (await readFile(file, 'utf8')).slice(fromOffset) : '';
    for (const line of text.split(/\r?\n/)) if (re.test(line)) return line.trim();
    if (Date.now() > deadline) {
      throw new Error(`no line matching ${re} in ${file} within ${timeoutMs} ms; tail:\n${text.slice(-1500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function consoleLength(file: string): Promise<number> {
  return existsSync(file) ? (await readFile(file, 'utf8')).length : 0;
}

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

/** Destroys and undefines a test domain whatever its state; missing is fine. */
export async function removeDomain(client: LibvirtClient, name: string): Promise<void> {
  const ignoreGone = (err: unknown): void => {
    if (isStratoError(err, 'NOT_FOUND') || isStratoError(err, 'FAILED_PRECONDITION')) return;
    throw err;
  };
  await client.destroyDomain(name).catch(ignoreGone);
  await client.undefineDomain(name, UndefineFlags.MANAGED_SAVE | UndefineFlags.NVRAM).catch(ignoreGone);
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
