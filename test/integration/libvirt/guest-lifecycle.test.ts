// The whole lifecycle of a real test-image guest under TCG, watched through libvirt
// events and the guest's serial console; and the guest's own poweroff reaching us as a
// STOPPED event (pushed by libvirtd, the client never polls).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { LifecycleEvent } from '../../../agent/hypervisor/libvirt/events.ts';
import { RebootFlags, ShutdownFlags, UndefineFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { testDomainName } from '../../harness/domain-xml-fixture.ts';
import {
  BOOT_TIMEOUT_MS,
  bootGuest,
  consoleLength,
  type GuestFiles,
  guestFiles,
  installPathStandIns,
  nextEvent,
  type PathStandIns,
  removeDomain,
  scratchDir,
  waitForLine,
  waitGuestReady,
} from './helpers.ts';

let client: LibvirtClient;
let standIns: PathStandIns;
let dir: string;
let files: GuestFiles;
const names: string[] = [];

before(async () => {
  standIns = await installPathStandIns();
  dir = await scratchDir();
  files = await guestFiles(dir);
  client = await LibvirtClient.connect({ events: ['lifecycle', 'reboot'] });
});

after(async () => {
  try {
    for (const n of names) await removeDomain(client, n);
    await client.close();
    await rm(dir, { recursive: true, force: true });
  } finally {
    await standIns.finish();
  }
});

const lifecycle = (name: string, event: LifecycleEvent['event'], timeoutMs = BOOT_TIMEOUT_MS) =>
  nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === event, timeoutMs);

test('test-image guest: start, suspend, resume, reboot, reset, ACPI shutdown, managed save, destroy, undefine', async () => {
  const name = testDomainName();
  names.push(name);
  const g = await bootGuest(client, dir, files, name);
  assert.equal((await client.getDomainState(name)).state, 'RUNNING');

  const suspended = lifecycle(name, 'SUSPENDED');
  await client.suspendDomain(name);
  assert.equal((await suspended).detail, 'PAUSED');
  assert.equal((await client.getDomainState(name)).state, 'PAUSED');
  const resumed = lifecycle(name, 'RESUMED');
  await client.resumeDomain(name);
  await resumed;
  assert.equal((await client.getDomainState(name)).state, 'RUNNING');

  // ACPI reboot: the guest shuts down cleanly and libvirt starts it again.
  let mark = await consoleLength(g.console);
  const rebooted = nextEvent(client, 'reboot', (e) => e.domain.name === name, BOOT_TIMEOUT_MS);
  await client.rebootDomain(name, RebootFlags.ACPI_POWER_BTN);
  await waitForLine(g.console, /STRATO-SHUTDOWN/, 60_000, mark);
  await waitGuestReady(g.console, mark);
  await rebooted;
  assert.equal((await client.getDomainState(name)).state, 'RUNNING');

  // Reset: no guest cooperation, straight back to the firmware.
  mark = await consoleLength(g.console);
  await client.resetDomain(name);
  await waitGuestReady(g.console, mark);

  mark = await consoleLength(g.console);
  const shutdownStopped = lifecycle(name, 'STOPPED');
  await client.shutdownDomain(name, ShutdownFlags.ACPI_POWER_BTN);
  await waitForLine(g.console, /STRATO-SHUTDOWN/, 60_000, mark);
  assert.equal((await shutdownStopped).detail, 'SHUTDOWN');
  assert.equal((await client.getDomainState(name)).state, 'SHUTOFF');

  // Managed save and restore keep the guest's memory: no new boot marker.
  mark = await consoleLength(g.console);
  await client.startDomain(name);
  await waitForLine(g.console, /STRATO-BOOT-OK/, BOOT_TIMEOUT_MS, mark);
  const saved = lifecycle(name, 'STOPPED');
  await client.managedSave(name);
  assert.equal((await saved).detail, 'SAVED');
  assert.equal(await client.hasManagedSaveImage(name), true);
  mark = await consoleLength(g.console);
  const restored = lifecycle(name, 'STARTED');
  await client.startDomain(name);
  assert.equal((await restored).detail, 'RESTORED');
  assert.equal((await client.getDomainState(name)).state, 'RUNNING');
  await new Promise((r) => setTimeout(r, 1000));
  assert.doesNotMatch((await readFile(g.console, 'utf8')).slice(mark), /STRATO-BOOT-OK/, 'restored, not rebooted');

  const destroyed = lifecycle(name, 'STOPPED');
  await client.destroyDomain(name);
  assert.equal((await destroyed).detail, 'DESTROYED');

  // Undefine with a managed save image present needs the MANAGED_SAVE flag.
  await client.startDomain(name);
  await client.managedSave(name);
  await assert.rejects(client.undefineDomain(name), (err) => isStratoError(err, 'FAILED_PRECONDITION'));
  const undefined_ = lifecycle(name, 'UNDEFINED');
  await client.undefineDomain(name, UndefineFlags.MANAGED_SAVE | UndefineFlags.NVRAM);
  await undefined_;
  await assert.rejects(
    client.lookupDomain(name),
    (err) => isStratoError(err, 'NOT_FOUND') && err.details.libvirtCode === '42',
  );
});

test("the guest's own poweroff arrives as a STOPPED event within 5 s", async () => {
  const name = testDomainName();
  names.push(name);
  const root = join(dir, `${name}-cd`);
  await mkdir(join(root, 'openstack/latest'), { recursive: true });
  await writeFile(join(root, 'openstack/latest/meta_data.json'), JSON.stringify({ uuid: name, name }));
  await writeFile(join(root, 'openstack/latest/user_data'), '#!/bin/sh\nsleep 3; poweroff\n');
  const iso = join(dir, `${name}-config.iso`);
  await promisify(execFile)('genisoimage', ['-quiet', '-o', iso, '-V', 'config-2', '-J', '-R', root]);

  let stoppedAt = 0;
  const stopped = lifecycle(name, 'STOPPED', 3 * BOOT_TIMEOUT_MS).then((e) => {
    stoppedAt = Date.now();
    return e;
  });
  const g = await bootGuest(client, dir, files, name, {
    disks: [{ path: iso, target: 'hdc', format: 'raw', device: 'cdrom' }],
  });
  await waitForLine(g.console, /STRATO-USERDATA-BEGIN/, BOOT_TIMEOUT_MS);
  await waitForLine(g.console, /STRATO-SHUTDOWN/, 60_000);
  const sawShutdown = Date.now();
  const ev = await stopped;
  assert.equal(ev.detail, 'SHUTDOWN');
  const lag = stoppedAt - sawShutdown;
  assert.ok(lag <= 5000, `STOPPED came ${lag} ms after the guest announced its shutdown`);
  assert.equal((await client.getDomainState(name)).state, 'SHUTOFF');
});
