// Hot-plug and unplug of a disk and a NIC on a running test-image guest: the guest sees
// them come and go (serial console), libvirt confirms removal with device-removed
// events, and a block resize reaches the guest.
import assert from 'node:assert/strict';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AffectFlags, XmlFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { consoleLength, waitForLine } from '../../harness/console-log.ts';
import { diskXml, nicXml, randomMac, testDomainName } from '../../harness/domain-xml-fixture.ts';
import {
  bootGuest,
  closeLibvirtLab,
  type GuestFiles,
  guestFiles,
  type LibvirtLab,
  nextEvent,
  openLibvirtLab,
} from './helpers.ts';

let lab: LibvirtLab | undefined;
let client: LibvirtClient;
let dir: string;
let files: GuestFiles;
const names: string[] = [];

before(async () => {
  lab = await openLibvirtLab(['device-removed', 'device-added']);
  ({ client, dir } = lab);
  files = await guestFiles(dir);
});

after(() => closeLibvirtLab(lab, names));

const MiB = 1024 * 1024;
const DEVICE_TIMEOUT_MS = 60_000;

test('disk and NIC hot-plug/unplug seen by the guest, with device-removed events', async () => {
  const name = testDomainName();
  names.push(name);
  const g = await bootGuest(client, dir, files, name);
  const disk = join(dir, `${name}-data.raw`);
  await writeFile(disk, '');
  await truncate(disk, 16 * MiB);
  const vdb = diskXml({ path: disk, target: 'vdb', format: 'raw' });
  const mac = randomMac();
  const nic = nicXml({ mac });

  // Disk: live and persistent config at once.
  let mark = await consoleLength(g.console);
  const diskAdded = nextEvent(client, 'device-added', (e) => e.domain.name === name, DEVICE_TIMEOUT_MS);
  await client.attachDevice(name, vdb, AffectFlags.LIVE | AffectFlags.CONFIG);
  // The guest names disks in its own order (libvirt's target is only a hint).
  const diskLine = await waitForLine(
    g.console,
    new RegExp(`^STRATO-DISK vd[a-z]+ ${16 * MiB}$`),
    DEVICE_TIMEOUT_MS,
    mark,
  );
  const guestDisk = diskLine.split(' ')[1] as string;
  const diskAlias = (await diskAdded).devAlias;
  assert.match(diskAlias, /disk/);
  assert.match(await client.getDomainXml(name, XmlFlags.INACTIVE), /<target dev='vdb'/);

  await client.blockResize(name, 'vdb', 32 * MiB);
  await waitForLine(g.console, new RegExp(`^STRATO-DISK-RESIZED ${guestDisk} ${32 * MiB}$`), DEVICE_TIMEOUT_MS, mark);

  // NIC: live only.
  mark = await consoleLength(g.console);
  await client.attachDevice(name, nic, AffectFlags.LIVE);
  const nicLine = await waitForLine(g.console, new RegExp(`^STRATO-NIC \\S+ ${mac}$`), DEVICE_TIMEOUT_MS, mark);
  const ifname = nicLine.split(' ')[1] as string;
  assert.doesNotMatch(
    await client.getDomainXml(name, XmlFlags.INACTIVE),
    new RegExp(mac),
    'live-only NIC is not persisted',
  );
  assert.match(await client.getDomainXml(name), new RegExp(mac));

  mark = await consoleLength(g.console);
  const diskRemoved = nextEvent(
    client,
    'device-removed',
    (e) => e.domain.name === name && e.devAlias === diskAlias,
    DEVICE_TIMEOUT_MS,
  );
  await client.detachDevice(name, vdb, AffectFlags.LIVE | AffectFlags.CONFIG);
  await diskRemoved;
  await waitForLine(g.console, new RegExp(`^STRATO-DISK-GONE ${guestDisk}$`), DEVICE_TIMEOUT_MS, mark);
  assert.doesNotMatch(await client.getDomainXml(name, XmlFlags.INACTIVE), /<target dev='vdb'/);

  const nicRemoved = nextEvent(
    client,
    'device-removed',
    (e) => e.domain.name === name && /net/.test(e.devAlias),
    DEVICE_TIMEOUT_MS,
  );
  await client.detachDevice(name, nic, AffectFlags.LIVE);
  await nicRemoved;
  await waitForLine(g.console, new RegExp(`^STRATO-NIC-GONE ${ifname}$`), DEVICE_TIMEOUT_MS, mark);
  assert.doesNotMatch(await client.getDomainXml(name), new RegExp(mac));
});
