// The scheduler against real hosts: spreading, "No valid host" with its reasons and
// no claim left behind, concurrent boots that never over-commit a host, and a spawn
// that fails for a real reason (a corrupted cached image) rescheduled elsewhere.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Cloud } from './lib/cloud.ts';
import { useCloud } from './lib/fixture.ts';
import { BOOT_TIMEOUT_MS, type Server } from './lib/servers.ts';

const TINY_RAM = 256;
const HOST_RAM = 1024; // four m1.tiny per host

async function usage(c: Cloud, host: string) {
  const h = await c.admin.hosts.GetHost({ host });
  return { vcpus: h.usage?.vcpus ?? -1, ramMib: h.usage?.ramMib ?? -1, diskGib: h.usage?.diskGib ?? -1 };
}

async function sha256Of(path: string): Promise<string | undefined> {
  const bytes = await readFile(path).catch(() => undefined);
  return bytes && createHash('sha256').update(bytes).digest('hex');
}

async function settle(c: Cloud, id: string): Promise<Server> {
  return c.servers.waitFor(
    id,
    (s) => (s.vmState === 'ACTIVE' || s.vmState === 'ERROR') && s.taskState === '',
    BOOT_TIMEOUT_MS,
    'ACTIVE or ERROR',
  );
}

async function deleteAll(c: Cloud, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => c.servers.deleteAndWait(id, 90_000)));
}

describe('scheduling (e2e: two simulated hosts)', { timeout: 900_000 }, () => {
  const cloud = useCloud({
    hosts: 2,
    capacity: { vcpus: 4, ramMib: HOST_RAM, diskGib: 20 },
    flavors: [
      { name: 'm1.tiny', vcpus: 1, ramMib: TINY_RAM, diskGib: 1 },
      { name: 'm1.huge', vcpus: 1, ramMib: 4 * HOST_RAM, diskGib: 1 },
    ],
  });

  it('spreads instances across the hosts', async () => {
    const c = cloud();
    const a = await c.servers.create({ name: 'spread-1', image: 'testvm', flavor: 'm1.tiny' });
    // The second boot sees the first one's claim, not a race with it.
    await c.servers.waitFor(a.id, (s) => s.host !== '', 60_000, 'placed on a host');
    const b = await c.servers.create({ name: 'spread-2', image: 'testvm', flavor: 'm1.tiny' });
    const [sa, sb] = await Promise.all([
      c.servers.waitForState(a.id, 'ACTIVE', 'RUNNING'),
      c.servers.waitForState(b.id, 'ACTIVE', 'RUNNING'),
    ]);
    assert.notEqual(sa.host, sb.host, 'both instances landed on one host');
    assert.deepEqual(new Set([sa.host, sb.host]), new Set(c.hosts.map((h) => h.id)));
    for (const s of [sa, sb]) assert.deepEqual(await c.servers.domainsOn(s.host), [`strato-${s.id}`]);
    await deleteAll(c, [a.id, b.id]);
  });

  it('a flavor larger than any host ends in ERROR with "No valid host" and its reasons, claiming nothing', async () => {
    const c = cloud();
    const s = await c.servers.create({ name: 'too-big', image: 'testvm', flavor: 'm1.huge' });
    const e = await c.servers.waitFor(s.id, (x) => x.vmState === 'ERROR' && x.taskState === '', 60_000, 'ERROR');
    assert.match(e.fault?.message ?? '', /No valid host/, JSON.stringify(e.fault));
    assert.match(e.fault?.message ?? '', /ram: 2 hosts rejected/, JSON.stringify(e.fault));
    assert.equal(e.host, '');
    for (const h of c.hosts) {
      assert.deepEqual(await usage(c, h.id), { vcpus: 0, ramMib: 0, diskGib: 0 }, `usage of ${h.id}`);
      assert.deepEqual(await c.servers.domainsOn(h.id), []);
    }
    const events = (await c.admin.servers.ListServerEvents({ server: s.id })).events;
    assert.equal(events[0]?.action, 'create');
    assert.equal(events[0]?.result, 'error');
    await deleteAll(c, [s.id]);
  });

  it('concurrent boots onto one host never over-commit it', async () => {
    const c = cloud();
    const host = c.hosts[0]!.id;
    const n = 6; // two more than fit
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        c.servers.create({ name: `burst-${i}`, image: 'testvm', flavor: 'm1.tiny', host }),
      ),
    );
    const settled = await Promise.all(created.map((s) => settle(c, s.id)));
    const active = settled.filter((s) => s.vmState === 'ACTIVE');
    const errors = settled.filter((s) => s.vmState === 'ERROR');
    assert.equal(active.length, HOST_RAM / TINY_RAM, `states: ${settled.map((s) => s.vmState).join(', ')}`);
    for (const s of active) assert.equal(s.host, host);
    for (const s of errors) assert.match(s.fault?.message ?? '', /No valid host/, JSON.stringify(s.fault));
    assert.deepEqual(await usage(c, host), {
      vcpus: active.length,
      ramMib: active.length * TINY_RAM,
      diskGib: active.length,
    });
    assert.deepEqual(
      (await c.servers.domainsOn(host)).sort(),
      active.map((s) => `strato-${s.id}`).sort(),
      'domains on the host are exactly the ACTIVE instances',
    );
    assert.deepEqual(await usage(c, c.hosts[1]!.id), { vcpus: 0, ramMib: 0, diskGib: 0 });
    await deleteAll(
      c,
      created.map((s) => s.id),
    );
    assert.deepEqual(await usage(c, host), { vcpus: 0, ramMib: 0, diskGib: 0 });
  });

  it('a spawn failing on one host (corrupt cached image) is rescheduled to the other and ends ACTIVE', async () => {
    const c = cloud();
    const [bad, good] = [c.hosts[0]!, c.hosts[1]!];
    // An instance on the good host makes the spread weigher try the bad one first.
    const anchor = await c.servers.create({ name: 'anchor', image: 'testvm', flavor: 'm1.tiny', host: good.id });
    await c.servers.waitForState(anchor.id, 'ACTIVE', 'RUNNING');

    // Both hosts cached the image in the tests above; rot the bad host's copy in place.
    const cached = join(bad.stateDir, 'images', c.image.sha256);
    const fh = await open(cached, 'r+');
    try {
      const { size } = await fh.stat();
      await fh.write(Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2));
    } finally {
      await fh.close();
    }

    const s = await c.servers.create({ name: 'resched', image: 'testvm', flavor: 'm1.tiny' });
    const done = await c.servers.waitForState(s.id, 'ACTIVE', 'RUNNING');
    assert.equal(done.host, good.id, 'rescheduled to the good host');
    // Proof that the bad host was tried first: its agent found the rot and dropped the file.
    const after = await sha256Of(cached);
    assert.ok(after === undefined || after === c.image.sha256, 'the corrupt cached image was never looked at');
    assert.ok((await c.servers.domainsOn(bad.id)).length === 0, 'the failed spawn left a domain on the bad host');
    assert.deepEqual(await c.servers.instanceFilesOn(bad.id, s.id), [], 'the failed spawn left files on the bad host');
    assert.deepEqual(await usage(c, bad.id), { vcpus: 0, ramMib: 0, diskGib: 0 }, 'the failed claim was released');
    assert.deepEqual(await usage(c, good.id), { vcpus: 2, ramMib: 2 * TINY_RAM, diskGib: 2 });
    await c.servers.waitForConsole(s.id, 'STRATO-BOOT-OK', 90_000);
    await deleteAll(c, [s.id, anchor.id]);
  });
});
