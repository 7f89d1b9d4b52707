// Boots the real test image under TCG with plain QEMU and checks the console contract
// (scripts/test-image/README.md) other tests rely on: boot marker, DHCP from a real
// dnsmasq in a throw-away namespace, config drive + user data, disk and NIC hot-plug,
// resize and removal, and a clean power-off on the ACPI power button.
import assert from 'node:assert/strict';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLines, waitForLine } from '../../harness/console-log.ts';
import { run } from '../../harness/exec.ts';
import { scratchDir } from '../../harness/scratch-dir.ts';
import { makeConfigDrive, testImage } from '../../harness/test-image.ts';
import { createDhcpNetns } from './dhcp-netns.ts';
import { startGuest } from './qemu-guest.ts';

const BOOT_TIMEOUT = 60_000;
const STEP_TIMEOUT = 20_000;

async function virtualSize(path: string): Promise<number> {
  const info = JSON.parse((await run('qemu-img', ['info', '--output=json', '-U', path])).stdout) as {
    'virtual-size': number;
  };
  return info['virtual-size'];
}

test('boots from its BIOS disk, takes a DHCP lease, runs user data and powers off on the ACPI button', async (t) => {
  const image = await testImage();
  const dir = await scratchDir('strato-image-test-', { t });
  const mac = '52:54:00:5e:00:01';
  const net = await createDhcpNetns({
    dir,
    prefix: '10.99.7',
    taps: ['tap0'],
    hosts: [{ mac, ip: '10.99.7.42' }],
    mtu: 1400,
  });
  t.after(() => net.destroy());
  const configDrive = await makeConfigDrive(dir, {
    metaData: { uuid: '6f1c2a8e-0000-4000-8000-000000000001', hostname: 'guest-one.example', name: 'guest-one' },
    userData: [
      '#!/bin/sh',
      'echo "user data says $((6 * 7)) on $(hostname)"',
      'ip link show eth0 | grep -o "mtu [0-9]*"',
      'ping -c 1 -W 5 10.99.7.1 >/dev/null && echo PING-GATEWAY-OK',
      'exit 3',
      '',
    ].join('\n'),
  });

  const guest = await startGuest({ dir, disk: image.disk, configDrive, nics: [{ tap: 'tap0', mac }], netns: net.name });
  t.after(() => guest.stop());
  const log = guest.consoleLog;

  await waitForLine(log, /^STRATO-BOOT-OK$/, BOOT_TIMEOUT);
  t.diagnostic(`boot to STRATO-BOOT-OK under TCG: ${Date.now() - guest.startedAt} ms`);
  await waitForLine(log, `STRATO-DISK vda ${await virtualSize(image.disk)}`, STEP_TIMEOUT);
  await waitForLine(log, `STRATO-NIC eth0 ${mac}`, STEP_TIMEOUT);
  await waitForLine(log, 'STRATO-ADDR eth0 10.99.7.42/24', STEP_TIMEOUT);
  t.diagnostic(`DHCP lease after: ${Date.now() - guest.startedAt} ms`);
  await waitForLine(log, 'STRATO-META uuid 6f1c2a8e-0000-4000-8000-000000000001', STEP_TIMEOUT);
  await waitForLine(log, 'STRATO-META hostname guest-one.example', STEP_TIMEOUT);
  await waitForLine(log, /^STRATO-USERDATA-END rc=\d+$/, STEP_TIMEOUT);

  const lines = await readLines(log);
  const begin = lines.indexOf('STRATO-USERDATA-BEGIN');
  const end = lines.indexOf('STRATO-USERDATA-END rc=3');
  assert.ok(begin >= 0 && end > begin, `user data markers out of order:\n${lines.slice(-30).join('\n')}`);
  const output = lines.slice(begin + 1, end);
  assert.ok(output.includes('user data says 42 on guest-one'), `user data output: ${output.join(' | ')}`);
  assert.ok(output.includes('mtu 1400'), `MTU from DHCP option 26 not applied: ${output.join(' | ')}`);
  assert.ok(output.includes('PING-GATEWAY-OK'), `guest could not ping its gateway: ${output.join(' | ')}`);

  await guest.qmp.execute('system_powerdown');
  await waitForLine(log, /^STRATO-SHUTDOWN$/, STEP_TIMEOUT);
  const code = await Promise.race([guest.exited, new Promise((r) => setTimeout(() => r('timeout'), STEP_TIMEOUT))]);
  assert.equal(code, 0, 'QEMU did not exit after the guest powered off');
  const shutdowns = (await readLines(log)).filter((l) => l === 'STRATO-SHUTDOWN');
  assert.equal(shutdowns.length, 1, 'STRATO-SHUTDOWN must be printed exactly once');
});

test('boots the PVH kernel directly and reports hot-plugged NICs and disks, resize and removal', async (t) => {
  const image = await testImage();
  const dir = await scratchDir('strato-image-test-', { t });
  const mac = '52:54:00:5e:00:02';
  const net = await createDhcpNetns({ dir, prefix: '10.99.8', taps: ['tap1'], hosts: [{ mac, ip: '10.99.8.43' }] });
  t.after(() => net.destroy());
  const directBoot = { kernel: image.pvhKernel, initrd: image.initrd, cmdline: image.cmdline };
  const guest = await startGuest({ dir, disk: image.disk, netns: net.name, directBoot });
  t.after(() => guest.stop());
  const log = guest.consoleLog;
  const qmp = guest.qmp;

  await waitForLine(log, /^STRATO-BOOT-OK$/, BOOT_TIMEOUT);
  t.diagnostic(`direct PVH boot to STRATO-BOOT-OK under TCG: ${Date.now() - guest.startedAt} ms`);
  await waitForLine(log, /^STRATO-NO-CONFIG-DRIVE$/, STEP_TIMEOUT);

  await qmp.execute('netdev_add', { type: 'tap', id: 'hn1', ifname: 'tap1', script: 'no', downscript: 'no' });
  await qmp.execute('device_add', { driver: 'virtio-net-pci', id: 'hnic1', netdev: 'hn1', mac });
  await waitForLine(log, `STRATO-NIC eth0 ${mac}`, STEP_TIMEOUT);
  await waitForLine(log, 'STRATO-ADDR eth0 10.99.8.43/24', STEP_TIMEOUT);

  const volume = join(dir, 'volume.raw');
  await writeFile(volume, '');
  await truncate(volume, 8 * 1024 * 1024);
  await qmp.execute('blockdev-add', { driver: 'raw', 'node-name': 'vol1', file: { driver: 'file', filename: volume } });
  await qmp.execute('device_add', { driver: 'virtio-blk-pci', id: 'vdisk1', drive: 'vol1' });
  await waitForLine(log, 'STRATO-DISK vdb 8388608', STEP_TIMEOUT);
  await qmp.execute('block_resize', { 'node-name': 'vol1', size: 16 * 1024 * 1024 });
  await waitForLine(log, 'STRATO-DISK-RESIZED vdb 16777216', STEP_TIMEOUT);
  await qmp.execute('device_del', { id: 'vdisk1' });
  await waitForLine(log, /^STRATO-DISK-GONE vdb$/, STEP_TIMEOUT);
  await qmp.execute('device_del', { id: 'hnic1' });
  await waitForLine(log, /^STRATO-NIC-GONE eth0$/, STEP_TIMEOUT);
});
