// The whole lifecycle of a real test-image guest under TCG, watched through libvirt
// events and the guest's serial console; and the guest's own poweroff reaching us as a
// STOPPED event (pushed by libvirtd, the client never polls).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { LifecycleEvent } from '../../../agent/hypervisor/libvirt/events.ts';
import { RebootFlags, ShutdownFlags, UndefineFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { consoleLength, waitForLine } from '../../harness/console-log.ts';
import { testDomainName } from '../../harness/domain-xml-fixture.ts';
import { makeConfigDrive } from '../../harness/test-image.ts';
import {
  BOOT_TIMEOUT_MS,
  bootGuest,
  closeLibvirtLab,
  type GuestFiles,
  guestFiles,
  type LibvirtLab,
  nextEvent,
  openLibvirtLab,
  waitGuestReady,
} from './helpers.ts';

let lab: LibvirtLab | undefined;
let client: LibvirtClient;
let dir: string;
let files: GuestFiles;
const names: string[] = [];

before(async () => {
  lab = await openLibvirtLab(['lifecycle', 'reboot']);
  ({ client, dir } = lab);
  files = await guestFiles(dir);
});

after(() => closeLibvirtLab(lab, names));

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
  const iso = await makeConfigDrive(dir, {
    metaData: { uuid: name, name },
    userData: '#!/bin/sh\nsleep 3; poweroff\n',
  });

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
