// Volumes over their life, all real: h0 is a compute host, h1 a storage host with the
// file backend, h2 one with the LVM backend on a real volume group over a loop device
// (made and removed here). A server boots from a volume made from the test image, is
// deleted, and the volume boots a new server. The LVM backend creates (from the image),
// extends and deletes through the API with its capacity accounted, and its data path
// (image → LV, export) serves a guest. A guest writes a qcow2 header naming a host file
// into its raw volume: no snapshot, clone, attach or boot ever opens that file.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hasDeviceMapper } from '../../agent/storage/lvm/lv-activator.ts';
import { type LoopVg, makeLoopVg } from '../conformance/volume-driver/lvm-vg.ts';
import { run } from '../harness/exec.ts';
import { testImage } from '../harness/test-image.ts';
import { waitFor } from '../harness/wait.ts';
import { fileSha256 } from '../integration/image/volume-pattern.ts';
import type { StorageSpec } from './lib/cloud.ts';
import { useCloud } from './lib/fixture.ts';
import { makeQcow2Trap, type Qcow2Trap } from './lib/qcow2-trap.ts';
import { BOOT_TIMEOUT_MS } from './lib/servers.ts';
import { exportMismatches } from './lib/volume-hosts.ts';
import {
  attach,
  createVolume,
  deleteVolume,
  detach,
  GiB,
  lastChecksum,
  MiB,
  type Volume,
  vol,
  volumeErrors,
  waitStatus,
} from './lib/volumes.ts';

const GUEST_MS = 240_000;

/**
 * Guest shell: every volume disk that appears (a serial shaped like a volume id, as
 * far as the guest sees it: 20 characters) gets its first MiB's checksum printed
 * once, as `E2E-VOL-READ <serial prefix> <sha256>`.
 */
const READ_EVERY_NEW_DISK = [
  '(seen=; while :; do for d in /sys/block/vd*; do s=$(cat $d/serial 2>/dev/null);',
  'case "$s" in ????????-????-????-?) ;; *) continue ;; esac;',
  'case " $seen " in *" $s "*) continue ;; esac; seen="$seen $s";',
  `${vol('read $s 1', 10)}; done; sleep 1; done) &`,
].join(' ');

/** The checksum the guest printed for a volume's first MiB (it sees the id's first 20 characters). */
const readSum = (lines: readonly string[], volumeId: string) =>
  lastChecksum(lines, 'E2E-VOL-READ', volumeId.slice(0, 20));

describe('volume lifecycle (e2e: a compute host, file and LVM storage hosts, TCG guests)', { timeout: 900_000 }, () => {
  const lvmSpec: StorageSpec & { backend: 'lvm' } = { backend: 'lvm', volumeGroup: '' };
  let vg: LoopVg | undefined;
  // Before the cloud's own hook: the agent of h2 needs the volume group at start.
  before(async () => {
    vg = await makeLoopVg(4 * GiB);
    lvmSpec.volumeGroup = vg.vg;
  });
  const cloud = useCloud({ hosts: 3, storage: { 1: { backend: 'file' }, 2: lvmSpec } });
  // After the cloud stopped (its agents' loop devices over the PV are gone with the LVs).
  after(async () => {
    await vg?.close();
  });
  const made = { servers: [] as string[], volumes: [] as string[], snapshots: [] as string[] };
  cloud.beforeStop(async (c) => {
    await Promise.all(made.servers.map((id) => c.servers.deleteAndWait(id, 90_000).catch(() => undefined)));
    for (const id of made.snapshots)
      await c.admin.volumeSnapshots.DeleteVolumeSnapshot({ snapshot: id }).catch(() => {});
    for (const id of made.volumes.reverse()) await deleteVolume(c.admin, id);
    assert.deepEqual(await exportMismatches(c), [], 'the hosts hold nothing of the deleted volumes');
  });
  const lines = (id: string) => cloud().servers.consoleLines(id);
  let g: string;
  let lvmVol: Volume;
  let trapVol: Volume;
  let trap: Qcow2Trap;
  let imageHead: string;

  const boot = async (name: string, extra: Record<string, unknown>, userData: string[] = []) => {
    const c = cloud();
    const s = await c.servers.create({
      name,
      flavor: 'm1.tiny',
      host: c.hosts[0]!.id,
      userData: Buffer.from(`#!/bin/sh\n${userData.join('\n')}\n`),
      ...extra,
    });
    made.servers.push(s.id);
    await c.servers.waitForState(s.id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    return s.id;
  };

  it('makes an LVM volume from the image and a file volume, and boots a guest that uses them', async () => {
    const c = cloud();
    const [, h1, h2] = c.hosts.map((h) => h.id);
    const backends = async () => (await c.admin.volumes.ListVolumeBackends({})).backends;
    const lvmBefore = (await backends()).find((b) => b.host === h2);
    assert.equal(lvmBefore?.backend, 'lvm');
    assert.equal(Number(lvmBefore.allocatedBytes), 0);
    assert.ok(Number(lvmBefore.capacityBytes) > 3 * GiB && Number(lvmBefore.capacityBytes) <= 4 * GiB);
    process.stderr.write(
      `LVM data path: ${hasDeviceMapper() ? 'device-mapper (for real)' : 'the test-only loop stand-in (no device-mapper)'}\n`,
    );
    lvmVol = await createVolume(c.admin, { name: 'lv-image', sizeGib: 1, backend: 'lvm', image: 'testvm' });
    trapVol = await createVolume(c.admin, { name: 'trap', sizeGib: 1, backend: 'file' });
    made.volumes.push(lvmVol.id, trapVol.id);
    assert.deepEqual([lvmVol.host, trapVol.host], [h2, h1]);
    const lvmAfter = (await backends()).find((b) => b.host === h2)!;
    assert.equal(Number(lvmAfter.allocatedBytes), GiB, 'the LV is accounted');
    assert.equal(Number(lvmAfter.freeBytes), Number(lvmBefore.freeBytes) - GiB);
    const lvs = await vgLvSizes(vg!);
    assert.deepEqual(Object.values(lvs), [GiB], `one 1 GiB LV in ${vg!.vg}: ${JSON.stringify(lvs)}`);

    // What the guest must read from the LV: the image, converted to raw.
    const dir = join(tmpdir(), `strato-e2e-raw-${process.pid}`);
    await run('mkdir', ['-p', dir]);
    try {
      await run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', (await testImage()).disk, join(dir, 'image.raw')]);
      imageHead = await fileSha256(join(dir, 'image.raw'), MiB);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    trap = await makeQcow2Trap(c.dir);
    const writeTrap = [
      `dev=$(${vol(`wait ${trapVol.id}`)} | cut -d' ' -f3)`,
      ...trap.guestScript('/dev/$dev'),
      'echo E2E-QHDR-WRITTEN $dev',
    ];
    g = await boot('user', { image: 'testvm' }, [READ_EVERY_NEW_DISK, `(${writeTrap.join('; ')}) &`]);
    await c.servers.waitForConsole(g, 'STRATO-USERDATA-BEGIN', GUEST_MS);
  });

  it('LVM: the guest reads the image from its LV; extended and deleted through the API, capacity follows', async () => {
    const c = cloud();
    const h2 = c.hosts[2]!.id;
    await attach(c.admin, g, lvmVol.id);
    await c.servers.waitForConsole(g, `E2E-VOL-READ ${lvmVol.id.slice(0, 20)} `, GUEST_MS);
    assert.equal(readSum(await lines(g), lvmVol.id), imageHead, 'the LV holds the image, raw');
    await detach(c.admin, g, lvmVol.id);
    await c.admin.volumes.ExtendVolume({ volume: lvmVol.id, newSizeGib: 2 });
    const grown = await waitStatus(c.admin, lvmVol.id, 'available');
    assert.equal(grown.sizeGib, 2);
    assert.deepEqual(Object.values(await vgLvSizes(vg!)), [2 * GiB]);
    const backend = async () => (await c.admin.volumes.ListVolumeBackends({})).backends.find((b) => b.host === h2)!;
    assert.equal(Number((await backend()).allocatedBytes), 2 * GiB);
    await deleteVolume(c.admin, lvmVol.id);
    made.volumes.splice(made.volumes.indexOf(lvmVol.id), 1);
    assert.deepEqual(await vgLvSizes(vg!), {}, 'the LV is gone');
    assert.equal(Number((await backend()).allocatedBytes), 0);
    assert.deepEqual(volumeErrors(await lines(g)), []);
  });

  it('boots from a volume made from the image; the server deleted, the volume survives and boots another', async () => {
    const c = cloud();
    const first = await boot('bfv-1', { image: 'testvm', bootFromImageVolumeGib: 1 });
    await c.servers.waitForConsole(first, 'STRATO-BOOT-OK', GUEST_MS);
    const bootVolume = (await c.servers.get(first)).volumes.find((v) => v.boot)?.volumeId;
    assert.ok(bootVolume, 'the server lists its boot volume');
    made.volumes.push(bootVolume);
    assert.equal((await waitStatus(c.admin, bootVolume, 'in-use')).attachments[0]?.serverId, first);
    await c.servers.deleteAndWait(first, 90_000);
    const kept = await waitStatus(c.admin, bootVolume, 'available');
    assert.deepEqual(kept.attachments, []);
    const second = await boot('bfv-2', { image: '', bootVolume });
    await c.servers.waitForConsole(second, 'STRATO-BOOT-OK', GUEST_MS);
    assert.equal((await waitStatus(c.admin, bootVolume, 'in-use')).attachments[0]?.serverId, second);
    await c.servers.deleteAndWait(second, 90_000);
    await waitStatus(c.admin, bootVolume, 'available');
    assert.deepEqual(await exportMismatches(c), []);
  });

  it('a qcow2 header naming a host file, written by a guest: no snapshot, clone, attach or boot opens that file', async () => {
    const c = cloud();
    await attach(c.admin, g, trapVol.id);
    await c.servers.waitForConsole(g, 'E2E-QHDR-WRITTEN', GUEST_MS);
    // The guest's read-every-new-disk loop reads the trap too (once, on its own 1 s
    // beat): detaching before it printed would cut that read short and fail it.
    await c.servers.waitForConsole(g, `E2E-VOL-READ ${trapVol.id.slice(0, 20)} `, GUEST_MS);
    await detach(c.admin, g, trapVol.id);
    const snap = await c.admin.volumeSnapshots.CreateVolumeSnapshot({ name: 'trap-snap', volume: trapVol.id });
    made.snapshots.push(snap.id);
    await waitFor(
      () => c.admin.volumeSnapshots.GetVolumeSnapshot({ snapshot: snap.id }),
      (s) => s.status !== 'creating',
      { what: 'the snapshot', timeoutMs: 60_000, retryErrors: true },
    ).then((s) => assert.equal(s.status, 'available', JSON.stringify(s.fault)));
    const clone = await createVolume(c.admin, { name: 'trap-clone', sizeGib: 0, sourceVolume: trapVol.id });
    const fromSnap = await createVolume(c.admin, { name: 'trap-from-snap', sizeGib: 0, snapshot: snap.id });
    made.volumes.push(clone.id, fromSnap.id);
    // Attached, the clone reads as what the guest wrote: raw bytes, nothing behind them.
    await attach(c.admin, g, clone.id);
    await c.servers.waitForConsole(g, `E2E-VOL-READ ${clone.id.slice(0, 20)} `, GUEST_MS);
    await detach(c.admin, g, clone.id);
    const out = await lines(g);
    assert.equal(readSum(out, clone.id), trap.sha256(1), 'the clone holds the header as bytes');
    // Booted from: QEMU opens it as the raw disk it is (the firmware finds nothing to boot).
    const booted = await boot('trap-boot', { image: '', bootVolume: fromSnap.id });
    await c.servers.deleteAndWait(booted, 90_000);
    assert.equal(await trap.canaryRead(), false, `something opened ${trap.canary}`);
    assert.deepEqual(volumeErrors(out), []);
  });
});

/** The LVs of the volume group and their sizes in bytes (lvm2's JSON report). */
async function vgLvSizes(vg: LoopVg): Promise<Record<string, number>> {
  const { stdout } = await run(
    'lvs',
    ['--reportformat', 'json', '--units', 'b', '--nosuffix', '-o', 'lv_name,lv_size', vg.vg],
    {
      env: { ...process.env, LVM_SUPPRESS_FD_WARNINGS: '1' },
    },
  );
  const report = JSON.parse(stdout) as { report: { lv: { lv_name: string; lv_size: string }[] }[] };
  return Object.fromEntries((report.report[0]?.lv ?? []).map((l) => [l.lv_name, Number(l.lv_size)]));
}
