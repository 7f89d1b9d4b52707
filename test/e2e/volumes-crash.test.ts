// Crashes in the middle of attach and of detach, all real: h0 is a compute host with a
// running guest, h1 the storage host (file backend, its own tgtd). The storage agent,
// the compute agent and the conductor are each killed with SIGKILL right after an
// attach, then a detach, was accepted, and started again. Afterwards every tgt target,
// tgt account and libvirt secret matches exactly one attachment record (and each
// record has exactly one of each), and the volume is in-use or available, never stuck.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '../harness/wait.ts';
import type { Cloud } from './lib/cloud.ts';
import type { Daemon } from './lib/daemon.ts';
import { useCloud } from './lib/fixture.ts';
import { BOOT_TIMEOUT_MS } from './lib/servers.ts';
import { exportMismatches } from './lib/volume-hosts.ts';
import { createVolume, deleteVolume, settled, type Volume, waitVolume } from './lib/volumes.ts';

/** A restarted daemon, its peers' retries and the resync: well within this. */
const SETTLE_MS = 120_000;

describe('volumes through daemon crashes (e2e: a compute host, a storage host, a TCG guest)', {
  timeout: 900_000,
}, () => {
  const cloud = useCloud({ hosts: 2, storage: { 1: { backend: 'file' } } });
  const made = { servers: [] as string[], volumes: [] as string[] };
  cloud.beforeStop(async (c) => {
    await Promise.all(made.servers.map((id) => c.servers.deleteAndWait(id, 90_000).catch(() => undefined)));
    for (const id of made.volumes) await deleteVolume(c.admin, id);
    assert.deepEqual(await exportMismatches(c), [], 'the hosts hold nothing of the deleted volumes');
  });
  let server: string;
  let volume: Volume;

  it('boots a guest on the compute host and makes a volume on the storage host', async () => {
    const c = cloud();
    volume = await createVolume(c.admin, { name: 'crashy', sizeGib: 1 });
    made.volumes.push(volume.id);
    assert.equal(volume.host, c.hosts[1]!.id);
    const s = await c.servers.create({ name: 'crash', image: 'testvm', flavor: 'm1.tiny', host: c.hosts[0]!.id });
    made.servers.push(s.id);
    server = s.id;
    await c.servers.waitForState(s.id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    // A guest still booting misses the hot-unplug request: a detach would then time out
    // for a reason that has nothing to do with the crash under test.
    await c.servers.waitForConsole(s.id, 'STRATO-BOOT-OK', BOOT_TIMEOUT_MS);
  });

  const victims: [string, (c: Cloud) => Daemon][] = [
    ['the storage agent', (c) => c.hosts[1]!.agent],
    ['the compute agent', (c) => c.hosts[0]!.agent],
    ['the conductor', (c) => c.conductor],
  ];
  for (const [name, daemonOf] of victims) {
    for (const op of ['attach', 'detach'] as const) {
      it(`${name} killed in the middle of ${op}: the hosts match the records, the volume is not stuck`, async () => {
        const c = cloud();
        const from = op === 'attach' ? 'available' : 'in-use';
        const current = await waitVolume(c.admin, volume.id, settled, SETTLE_MS);
        // Each case starts from where the previous one left the volume.
        if (current.status !== from) {
          if (op === 'attach') await c.admin.serverVolumes.RemoveServerVolume({ server, volume: volume.id });
          else await c.admin.serverVolumes.AddServerVolume({ server, volume: volume.id, device: '' });
          await waitVolume(c.admin, volume.id, (v) => v.status === from, SETTLE_MS, from);
        }
        if (op === 'attach') await c.admin.serverVolumes.AddServerVolume({ server, volume: volume.id, device: '' });
        else await c.admin.serverVolumes.RemoveServerVolume({ server, volume: volume.id });
        const daemon = daemonOf(c);
        await daemon.kill('SIGKILL');
        const atKill = await c.admin.volumes.GetVolume({ volume: volume.id }).then(
          (v) => v.status,
          () => '(the API is down)',
        );
        await daemon.start();
        await c.waitForHostsUp(SETTLE_MS);
        const after = await waitVolume(c.admin, volume.id, settled, SETTLE_MS);
        process.stderr.write(
          `${name} killed during ${op} (volume ${atKill}): it settled ${after.status} ${JSON.stringify(after.fault ?? null)}\n`,
        );
        assert.ok(['in-use', 'available'].includes(after.status), `${after.status}: ${JSON.stringify(after.fault)}`);
        // The storage agent's resync and the compute agent's reconcile run every few seconds.
        // (A timeout quotes the last mismatches.)
        await waitFor(
          () => exportMismatches(c),
          (m) => m.length === 0,
          { what: 'the hosts to match the attachment records', timeoutMs: 30_000, retryErrors: true, intervalMs: 500 },
        );
        const attached = (await c.servers.get(server)).volumes.map((v) => v.volumeId);
        assert.deepEqual(attached, after.status === 'in-use' ? [volume.id] : [], 'the server agrees with the volume');
      });
    }
  }
});
