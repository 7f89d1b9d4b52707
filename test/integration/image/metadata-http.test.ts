// The test image without a config drive (scripts/test-image/README.md): it takes a
// DHCP lease with option 121, follows its routes to 169.254.169.254 (the agent's own
// metadata server, listening inside the throw-away namespace on a socket made there)
// and prints what it read there as it would from a drive, then runs the user data.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { ConfigDriveInput } from '../../../agent/config-drive/config-drive-tree.ts';
import { MetadataServer } from '../../../agent/metadata/metadata-server.ts';
import { namespaceSockets } from '../../../agent/metadata/namespace-socket.ts';
import { StratoError } from '../../../common/errors.ts';
import { METADATA_IP } from '../../../common/network-names.ts';
import { readLines, waitForLine } from '../../harness/console-log.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { scratchDir } from '../../harness/scratch-dir.ts';
import { testImage } from '../../harness/test-image.ts';
import { createDhcpNetns } from './dhcp-netns.ts';
import { startGuest } from './qemu-guest.ts';

const BOOT_TIMEOUT = 60_000;
const STEP_TIMEOUT = 30_000;
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl image-it';
const FINGERPRINT = `SHA256:${createHash('sha256')
  .update(Buffer.from(PUBLIC_KEY.split(' ')[1]!, 'base64'))
  .digest('base64')
  .replace(/=+$/, '')}`;

test('without a config drive the guest reads its metadata and user data from 169.254.169.254', async (t) => {
  const image = await testImage();
  const dir = await scratchDir('strato-image-meta-', { t });
  const mac = '52:54:00:5e:00:09';
  const guestIp = '10.99.9.44';
  // Option 121 names a default gateway other than option 3's: the guest must take 121's.
  const net = await createDhcpNetns({
    dir,
    prefix: '10.99.9',
    taps: ['tap9'],
    hosts: [{ mac, ip: guestIp }],
    dhcpOptions: ['option:classless-static-route,169.254.169.254/32,10.99.9.1,0.0.0.0/0,10.99.9.254'],
    metadataAddress: true,
  });
  t.after(() => net.destroy());
  const guest: ConfigDriveInput = {
    instanceId: '9a9a9a9a-0000-4000-8000-000000000099',
    name: 'http-guest',
    projectId: 'p',
    availabilityZone: 'nova',
    metadata: {},
    userData: Buffer.from(['#!/bin/sh', 'echo "user data over http on $(hostname)"', 'ip route', ''].join('\n')),
    networkDataJson: '',
    publicKeys: [{ name: 'image-key', key: PUBLIC_KEY }],
  };
  const asked: string[] = [];
  const server = new MetadataServer(() => 'net-image', {
    lookup: {
      async lookup(_network, ip) {
        asked.push(ip);
        if (ip === guestIp) return guest;
        throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', 'none');
      },
    },
    log: quiet,
  });
  await server.listen({ fd: namespaceSockets().listen(net.name, METADATA_IP, 80) });
  t.after(() => server.close());

  const directBoot = { kernel: image.pvhKernel, initrd: image.initrd, cmdline: image.cmdline };
  const vm = await startGuest({ dir, disk: image.disk, nics: [{ tap: 'tap9', mac }], netns: net.name, directBoot });
  t.after(() => vm.stop());
  const log = vm.consoleLog;
  await waitForLine(log, /^STRATO-BOOT-OK$/, BOOT_TIMEOUT);
  await waitForLine(log, /^STRATO-NO-CONFIG-DRIVE$/, STEP_TIMEOUT);
  await waitForLine(log, `STRATO-ADDR eth0 ${guestIp}/24`, STEP_TIMEOUT);
  await waitForLine(log, 'STRATO-METADATA-SOURCE http', STEP_TIMEOUT);
  await waitForLine(log, `STRATO-META uuid ${guest.instanceId}`, STEP_TIMEOUT);
  await waitForLine(log, 'STRATO-META hostname http-guest', STEP_TIMEOUT);
  await waitForLine(log, `E2E-PUBKEY image-key ${FINGERPRINT}`, STEP_TIMEOUT);
  await waitForLine(log, /^STRATO-USERDATA-END rc=\d+$/, STEP_TIMEOUT);
  const lines = await readLines(log);
  const begin = lines.indexOf('STRATO-USERDATA-BEGIN');
  const end = lines.indexOf('STRATO-USERDATA-END rc=0');
  assert.ok(begin >= 0 && end > begin, `user data markers:\n${lines.slice(-30).join('\n')}`);
  const output = lines.slice(begin + 1, end);
  assert.ok(output.includes('user data over http on http-guest'), output.join(' | '));
  assert.ok(
    output.some((l) => /^default via 10\.99\.9\.254 dev eth0/.test(l)),
    `option 121's default route, not option 3's: ${output.join(' | ')}`,
  );
  assert.ok(
    output.some((l) => /^169\.254\.169\.254 via 10\.99\.9\.1 dev eth0/.test(l)),
    output.join(' | '),
  );
  assert.ok(!lines.includes('STRATO-NO-METADATA'));
  assert.ok(asked.length > 0 && asked.every((ip) => ip === guestIp), asked.join());
});
