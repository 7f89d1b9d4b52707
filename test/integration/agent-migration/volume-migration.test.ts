// A live migration of a guest with an attached iSCSI volume, on real parts: two
// simulated hypervisor hosts (their own libvirtds, TLS peers) with real agents, and a
// third simulated host running tgtd, driven by strato's real target manager in this
// process. As the conductor does it (conductor/compute/move-volume-steps.ts): the
// export admits the destination too, PrepareIncoming gets the volume under the
// destination's initiator name, StartMigration copies only the local disks, then the
// export admits the destination alone and the source's copy goes. The guest keeps
// writing and reading its volume across the move, and what it wrote before is there;
// moved back cold (stopped), it boots on the first host and uses the volume there; a
// live move aborted leaves it there, and the destination keeps nothing.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { access, open } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DesiredExport } from '../../../agent/storage/iscsi/export-plan.ts';
import { TgtTargetManager } from '../../../agent/storage/iscsi/target-manager.ts';
import { Tgtadm } from '../../../agent/storage/iscsi/tgtadm.ts';
import { quiet } from '../../harness/quiet-log.ts';
import type { SimHost } from '../../harness/sim-hosts.ts';
import { waitFor } from '../../harness/wait.ts';
import { type LabHost, type MigrationLab, openMigrationLab } from './migration-lab.ts';

/** tgtadm run inside the storage host (its tgtd's socket is in the host's private /run). */
class SimTgtadm extends Tgtadm {
  readonly #host: SimHost;
  constructor(host: SimHost) {
    super();
    this.#host = host;
  }
  override async run(args: readonly string[]): Promise<string> {
    return (await this.#host.exec('tgtadm', ['--lld', 'iscsi', ...args])).stdout;
  }
}

const VOLUME_BYTES = 64 * 1024 * 1024;
const iqnOf = (h: LabHost) => `iqn.2026-01.io.strato:host:${h.id}`;

// The guest writes a marker to the volume's first sector once, then in a loop writes
// `W<n>` to its second sector, drops its caches and reads both sectors back from the
// disk, printing `VOL <n> <second> <first>` on its console.
const guestScript = (marker: string): string =>
  [
    '#!/bin/sh',
    'while [ ! -b /dev/vdc ]; do sleep 0.2; done',
    `echo ${marker} | dd of=/dev/vdc bs=512 count=1 2>/dev/null; sync`,
    '(',
    '  i=0',
    '  while :; do',
    '    i=$((i+1))',
    '    echo "W$i" | dd of=/dev/vdc bs=512 seek=1 count=1 2>/dev/null; sync',
    '    echo 3 > /proc/sys/vm/drop_caches',
    "    s=$(dd if=/dev/vdc bs=512 skip=1 count=1 2>/dev/null | tr -d '\\000' | head -n 1)",
    "    m=$(dd if=/dev/vdc bs=512 count=1 2>/dev/null | tr -d '\\000' | head -n 1)",
    '    echo "VOL $i $s $m" > /dev/console',
    '    sleep 0.2',
    '  done',
    ') </dev/null >/dev/null 2>&1 &',
  ].join('\n');

interface VolLine {
  n: number;
  second: string;
  first: string;
}

const volLines = (lines: readonly string[]): VolLine[] =>
  lines.flatMap((l) => {
    const m = /VOL (\d+) (\S*) (\S*)/.exec(l);
    return m ? [{ n: Number(m[1]), second: m[2] ?? '', first: m[3] ?? '' }] : [];
  });

let lab: MigrationLab;
let A: LabHost;
let B: LabHost;
let storage: SimHost;
let targets: TgtTargetManager;
const instanceId = randomUUID();
const volumeId = randomUUID();
const marker = `MARK-${randomBytes(4).toString('hex')}`;
let backingPath = '';
let base: DesiredExport;

before(async () => {
  lab = await openMigrationLab({ storage: true });
  [A, B] = lab.hosts;
  storage = lab.storage as SimHost;
  backingPath = join(lab.dir, `volume-${volumeId}.raw`);
  const f = await open(backingPath, 'w');
  await f.truncate(VOLUME_BYTES);
  await f.close();
  targets = new TgtTargetManager({
    tgtadm: new SimTgtadm(storage),
    portal: { address: storage.underlayIp, port: 3260 },
    netns: storage.netns,
    log: quiet,
  });
  await targets.init();
  base = {
    volumeId,
    backingPath,
    sizeBytes: VOLUME_BYTES,
    initiatorName: iqnOf(A),
    initiatorAddress: A.sim.underlayIp,
    chapSecret: randomBytes(24).toString('base64url'),
  };
});

after(async () => {
  if (!lab) return;
  for (const h of lab.hosts) await h.api.DeleteInstance({ instanceId }).catch(() => {});
  await targets?.unexport(volumeId).catch(() => {});
  await lab.close();
});

/** The VolumeSpec a host's agent attaches, under that host's initiator name. */
const volumeSpec = (h: LabHost) => ({
  volumeId,
  device: 'vdc',
  portal: `${storage.underlayIp}:3260`,
  targetIqn: `iqn.2026-01.io.strato:${volumeId}`,
  lun: 1,
  chapUser: `strato-${volumeId}`,
  chapSecret: base.chapSecret,
  initiatorName: iqnOf(h),
  sizeBytes: String(VOLUME_BYTES),
});

const power = async (h: LabHost) =>
  (await h.api.GetInstance({ instanceId }).catch(() => ({ powerState: 'absent' }))).powerState;

async function readBacking(offset: number): Promise<string> {
  const f = await open(backingPath, 'r');
  try {
    const buf = Buffer.alloc(512);
    await f.read(buf, 0, 512, offset);
    return buf.toString('latin1').replace(/\0+$/, '').split('\n')[0] ?? '';
  } finally {
    await f.close();
  }
}

describe('moving a guest with an iSCSI volume between hosts', { timeout: 900_000 }, () => {
  test('the guest keeps reading and writing its volume on B; what it wrote on A is there', async () => {
    await targets.export(base);
    await A.api.SpawnInstance({ ...lab.spawnRequest(instanceId, guestScript(marker)), volumes: [volumeSpec(A)] });
    const onA = await waitFor(
      async () => volLines(await lab.consoleLines(A, instanceId)),
      (v) => v.length >= 3,
      { timeoutMs: 180_000, intervalMs: 250, what: 'the guest using its volume on A' },
    );
    assert.equal(onA.at(-1)?.first, marker, 'the marker is read back from the disk on A');
    assert.equal(onA.at(-1)?.second, `W${onA.at(-1)?.n}`);
    assert.equal(await readBacking(0), marker, 'the marker reached the storage host');

    // The export admits both hosts for the move.
    const both = await targets.export({ ...base, alsoAdmit: [{ name: iqnOf(B), address: B.sim.underlayIp }] });
    assert.deepEqual(both.alsoAdmitted, [{ name: iqnOf(B), address: B.sim.underlayIp }]);
    const acl = (await storage.tgtd!.targets()).find((t) => t.iqn.endsWith(volumeId))?.aclNames ?? [];
    assert.deepEqual([...acl].sort(), [iqnOf(A), iqnOf(B)].sort());

    const migrationId = randomUUID();
    const destination = await B.api.PrepareIncoming({
      migrationId,
      spec: { ...lab.spawnRequest(instanceId, guestScript(marker)), volumes: [volumeSpec(B)] },
    });
    assert.equal(destination.initiatorName, iqnOf(B), 'the destination names its initiator');
    await A.api.StartMigration({ instanceId, migrationId, live: true, destination, bandwidthMibS: 0 });
    const done = await waitFor(
      () => A.api.GetMigration({ instanceId, migrationId }),
      (s) => s.state !== 'RUNNING',
      { timeoutMs: 180_000, intervalMs: 200, what: 'the migration to end' },
    );
    assert.equal(done.state, 'COMPLETED', done.error);
    assert.equal(await power(B), 'running');
    // Only the root overlay (1 GiB, the flavor's disk) was copied, not the 64 MiB volume as well.
    assert.equal(Number(done.diskTotalBytes), 1024 ** 3, 'the copy is the root overlay alone');

    // The move is done: B alone is admitted, A's copy goes.
    const one = await targets.export({ ...base, initiatorName: iqnOf(B), initiatorAddress: B.sim.underlayIp });
    assert.deepEqual([one.initiatorName, one.alsoAdmitted], [iqnOf(B), []]);
    await A.api.DeleteInstance({ instanceId });
    assert.equal(await power(A), 'absent');

    const xml = (await B.sim.exec('virsh', ['dumpxml', `strato-${instanceId}`])).stdout;
    assert.ok(xml.includes(`<iqn name='${iqnOf(B)}'/>`), "B's QEMU presents B's initiator name");

    const lastOnA = volLines(await lab.consoleLines(A, instanceId)).at(-1)?.n ?? 0;
    const onB = await waitFor(
      async () => volLines(await lab.consoleLines(B, instanceId)),
      (v) => v.length >= 10,
      { timeoutMs: 60_000, intervalMs: 250, what: 'the guest using its volume on B' },
    );
    assert.ok(onB[0]!.n > lastOnA, `B goes on from A's ${lastOnA} (first on B: ${onB[0]!.n}): no restart`);
    for (const l of onB) {
      assert.equal(l.first, marker, `line ${l.n}: the marker written on A is read on B`);
      assert.equal(l.second, `W${l.n}`, `line ${l.n}: what B wrote is read back`);
    }
    // B's writes reach the storage host (read from the volume's file there).
    const last = onB.at(-1)!.n;
    const second = await readBacking(512);
    assert.match(second, /^W\d+$/);
    assert.ok(Number(second.slice(1)) >= last, `the storage holds ${second}, B wrote W${last}`);
  });

  test('cold: the stopped guest moves back to A with its volume, boots there and uses it', async () => {
    assert.equal(await power(B), 'running', 'needs the live test');
    await B.api.InstanceAction({ instanceId, action: 'stop', hard: true });
    const lastOnB = await readBacking(512);
    await targets.export({
      ...base,
      initiatorName: iqnOf(B),
      initiatorAddress: B.sim.underlayIp,
      alsoAdmit: [{ name: iqnOf(A), address: A.sim.underlayIp }],
    });
    const migrationId = randomUUID();
    const destination = await A.api.PrepareIncoming({
      migrationId,
      spec: { ...lab.spawnRequest(instanceId, guestScript(marker)), volumes: [volumeSpec(A)] },
    });
    await B.api.StartMigration({ instanceId, migrationId, live: false, destination, bandwidthMibS: 0 });
    const done = await waitFor(
      () => B.api.GetMigration({ instanceId, migrationId }),
      (s) => s.state !== 'RUNNING',
      { timeoutMs: 180_000, intervalMs: 200, what: 'the cold migration to end' },
    );
    assert.equal(done.state, 'COMPLETED', done.error);
    assert.equal(await power(A), 'paused', 'arrives paused');
    await A.api.InstanceAction({ instanceId, action: 'stop', hard: true });
    const one = await targets.export(base);
    assert.deepEqual([one.initiatorName, one.alsoAdmitted], [iqnOf(A), []]);
    await B.api.DeleteInstance({ instanceId });
    assert.equal(await power(B), 'absent');
    assert.equal(await readBacking(512), lastOnB, 'the volume was not touched by the move');

    await A.api.InstanceAction({ instanceId, action: 'start' });
    const xml = (await A.sim.exec('virsh', ['dumpxml', `strato-${instanceId}`])).stdout;
    assert.ok(xml.includes(`<iqn name='${iqnOf(A)}'/>`), "A's QEMU presents A's initiator name");
    const onA = await waitFor(
      async () => volLines(await lab.consoleLines(A, instanceId)),
      (v) => v.length >= 3,
      { timeoutMs: 180_000, intervalMs: 250, what: 'the guest using its volume on A after the cold move' },
    ).catch(async (err: unknown) => {
      process.stderr.write(`console of A:\n${(await lab.consoleLines(A, instanceId)).slice(-40).join('\n')}\n`);
      throw err;
    });
    for (const l of onA) assert.deepEqual([l.first, l.second], [marker, `W${l.n}`], `line ${l.n} on A`);
  });

  test('abort: the guest keeps its volume on A; B keeps no domain, files or volume secret', async () => {
    assert.equal(await power(A), 'running', 'needs the cold test');
    await targets.export({ ...base, alsoAdmit: [{ name: iqnOf(B), address: B.sim.underlayIp }] });
    const migrationId = randomUUID();
    const destination = await B.api.PrepareIncoming({
      migrationId,
      spec: { ...lab.spawnRequest(instanceId, guestScript(marker)), volumes: [volumeSpec(B)] },
    });
    const secrets = async (h: LabHost) => (await h.sim.exec('virsh', ['secret-list'])).stdout;
    assert.match(await secrets(B), new RegExp(`strato-volume-${volumeId}`), 'B has the secret while prepared');
    await A.api.StartMigration({ instanceId, migrationId, live: true, destination, bandwidthMibS: 1 });
    await waitFor(
      () => A.api.GetMigration({ instanceId, migrationId }),
      (s) => s.state === 'RUNNING' && Number(s.elapsedMs) > 1000,
      { timeoutMs: 30_000, intervalMs: 200, what: 'the slow migration running' },
    );
    const aborted = await A.api.AbortMigration({ instanceId, migrationId });
    assert.equal(aborted.state, 'CANCELLED', aborted.error);
    // The destination loses its access, then its copy.
    const one = await targets.export(base);
    assert.deepEqual([one.initiatorName, one.alsoAdmitted], [iqnOf(A), []]);
    await B.api.DeleteInstance({ instanceId });
    assert.equal(await power(B), 'absent');
    const dirB = join(B.stateDir, 'instances', instanceId);
    assert.equal(
      await access(dirB).then(
        () => true,
        () => false,
      ),
      false,
      "B's instance directory is gone",
    );
    assert.doesNotMatch(await secrets(B), new RegExp(volumeId), 'no volume secret left on B');
    assert.match(await secrets(A), new RegExp(`strato-volume-${volumeId}`), 'A keeps its secret');

    const n = volLines(await lab.consoleLines(A, instanceId)).at(-1)?.n ?? 0;
    const later = await waitFor(
      async () => volLines(await lab.consoleLines(A, instanceId)).filter((l) => l.n > n),
      (v) => v.length >= 5,
      { timeoutMs: 60_000, intervalMs: 250, what: 'the guest going on with its volume on A' },
    );
    for (const l of later) assert.deepEqual([l.first, l.second], [marker, `W${l.n}`], `line ${l.n} on A`);
  });
});
