// Snapshot and rebuild of real guests (e2e: real conductor, agent, libvirtd, TCG):
// a running guest writes a marker into its root disk; a snapshot taken while it
// runs (it keeps running: same boot) becomes an image whose new server reads the
// marker at boot; a rebuild keeps the server's id, name and address (the guest
// gets its lease again) but not the marker (a fresh disk); rename and properties
// show in `server show`.
//
// The marker lives in raw sectors of the root disk beyond the test image's
// partitions (the overlay is the flavor's 1 GiB; the image is smaller), so the
// test image needs no change: its user data reads the sector, prints what it
// found, then writes the marker there (fsync'd) and says so.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { useCloud } from './lib/fixture.ts';
import { BOOT_ID, bootIds } from './lib/guest.ts';
import { BOOT_TIMEOUT_MS } from './lib/servers.ts';

const GUEST_TIMEOUT_MS = 90_000;
const NET = 'snap-net';
/** 768 MiB into the 1 GiB root disk, in 512-byte sectors. */
const SECTOR = 1_572_864;

function markerUserData(mark: string): Buffer {
  return Buffer.from(
    [
      '#!/bin/sh',
      `echo ${BOOT_ID} $(cat /proc/sys/kernel/random/boot_id)`,
      // The root disk is the largest virtio disk (the config drive is a small ISO).
      `root=$(for b in /sys/block/vd*; do echo "$(cat $b/size) \${b##*/}"; done | sort -n | tail -1 | cut -d' ' -f2)`,
      `old=$(dd if=/dev/$root bs=512 skip=${SECTOR} count=1 2>/dev/null | tr -d '\\000' | head -n 1)`,
      '[ -n "$old" ] || old=none',
      'echo "E2E-DISKMARK-READ $old"',
      `printf '%s\\n' '${mark}' | dd of=/dev/$root bs=512 seek=${SECTOR} conv=fsync 2>/dev/null && echo E2E-DISKMARK-WRITTEN`,
      '',
    ].join('\n'),
  );
}

describe('server snapshot and rebuild (e2e: one host, real guests)', { timeout: 900_000 }, () => {
  const cloud = useCloud({ hosts: 1 });
  const mark = `MARK-${randomBytes(6).toString('hex')}`;
  let srcId = '';
  let imageId = '';

  it('a running guest writes a marker into its root disk', async () => {
    const c = cloud();
    await c.admin.networks.CreateNetwork({ name: NET, providerType: 'vxlan' });
    await c.admin.subnets.CreateSubnet({ name: `${NET}-v4`, network: NET, cidr: '10.78.0.0/24' });
    const created = await c.servers.create({
      name: 'snap-src',
      image: 'testvm',
      flavor: 'm1.tiny',
      userData: markerUserData(mark),
      networks: [{ network: NET, port: '', fixedIp: '' }],
    });
    srcId = created.id;
    await c.servers.waitForState(srcId, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    assert.match(await c.servers.waitForConsole(srcId, 'E2E-DISKMARK-READ', GUEST_TIMEOUT_MS), /READ none$/);
    await c.servers.waitForConsole(srcId, 'E2E-DISKMARK-WRITTEN', GUEST_TIMEOUT_MS);
  });

  it('a snapshot of the running server is an active private image; the guest keeps running', async () => {
    const c = cloud();
    const bootsBefore = bootIds(await c.servers.consoleLines(srcId));
    const t0 = Date.now();
    const res = await c.admin.servers.CreateServerImage({ server: srcId, name: 'snap-img' });
    imageId = res.imageId;
    let image = await c.admin.images.GetImage({ image: imageId });
    for (const deadline = Date.now() + 120_000; !['active', 'killed'].includes(image.status); ) {
      assert.ok(Date.now() < deadline, `image still ${image.status}`);
      await new Promise((r) => setTimeout(r, 250));
      image = await c.admin.images.GetImage({ image: imageId });
    }
    const ms = Date.now() - t0;
    const events = (await c.admin.servers.ListServerEvents({ server: srcId })).events;
    assert.equal(image.status, 'active', JSON.stringify(events.at(-1)));
    assert.equal(image.public, false);
    assert.equal(image.diskFormat, 'qcow2');
    assert.equal(image.virtualSizeBytes, String(1024 ** 3));
    process.stderr.write(`snapshot of a running 1 GiB guest: ${ms} ms to active, ${image.sizeBytes} bytes\n`);
    const s = await c.servers.waitForState(srcId, 'ACTIVE', 'RUNNING', 30_000);
    assert.equal(s.taskState, '');
    // Paused for the copy, not rebooted.
    assert.deepEqual(bootIds(await c.servers.consoleLines(srcId)), bootsBefore);
  });

  it('a server booted from the snapshot finds the marker on its root disk', async () => {
    const c = cloud();
    const born = await c.servers.create({
      name: 'snap-born',
      image: imageId,
      flavor: 'm1.tiny',
      userData: markerUserData('second-writer'),
    });
    await c.servers.waitForState(born.id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    const line = await c.servers.waitForConsole(born.id, 'E2E-DISKMARK-READ', GUEST_TIMEOUT_MS);
    assert.match(line, new RegExp(`READ ${mark}$`));
    await c.servers.deleteAndWait(born.id, 90_000);
  });

  it('a rebuild keeps id, name, host and address, boots again and loses the marker', async () => {
    const c = cloud();
    const before = await c.servers.get(srcId);
    const ip = before.addresses[NET]?.ips[0] ?? '';
    assert.notEqual(ip, '');
    const accepted = await c.admin.servers.RebuildServer({ server: srcId, image: '' });
    assert.equal(accepted.taskState, 'rebuilding');
    const after = await c.servers.waitForState(srcId, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    assert.equal(after.id, before.id);
    assert.equal(after.name, before.name);
    assert.equal(after.host, before.host);
    assert.deepEqual(after.addresses[NET]?.ips, [ip]);
    assert.deepEqual(await c.servers.domainsOn(after.host), [`strato-${srcId}`]);
    assert.match(await c.servers.waitForConsole(srcId, 'E2E-DISKMARK-READ', GUEST_TIMEOUT_MS), /READ none$/);
    // Its port is still wired: the guest got its address again by DHCP.
    await c.servers.waitForConsole(srcId, `STRATO-ADDR`, GUEST_TIMEOUT_MS);
    assert.match(
      await c.servers.waitForConsole(srcId, 'STRATO-ADDR', 1000),
      new RegExp(` ${ip.replaceAll('.', '\\.')}/`),
    );
  });

  it('rename and properties show in server show', async () => {
    const c = cloud();
    await c.admin.servers.UpdateServer({
      server: srcId,
      name: 'snap-renamed',
      setMetadata: { tier: 'gold' },
      unsetMetadata: [],
    });
    const s = await c.admin.servers.GetServer({ server: 'snap-renamed' });
    assert.equal(s.id, srcId);
    assert.deepEqual({ ...s.metadata }, { tier: 'gold' });
    await c.servers.deleteAndWait(srcId, 90_000);
  });
});
