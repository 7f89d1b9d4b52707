// Moving guests between two hosts through the agents' move RPCs, as the conductor
// drives them (PrepareIncoming on the destination, StartMigration on the source, poll
// GetMigration, DeleteInstance on the side that lost), with real libvirtds (TLS
// peers on their underlay addresses) and real QEMU under TCG: a live move keeps the
// guest's console counter going, a cold move lands a stopped guest stopped, an abort
// leaves the guest where it was, and the libvirtds trust only CA-signed peers.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { run } from '../../harness/exec.ts';
import { waitFor } from '../../harness/wait.ts';
import { type LabHost, type MigrationLab, openMigrationLab } from './migration-lab.ts';

// The guest prints `TICK <n>` on its console every 0.1 s from user data (the test
// image runs a `#!` script as root; busybox has usleep).
const COUNTER = [
  '#!/bin/sh',
  '( i=0; while :; do i=$((i+1)); echo "TICK $i" > /dev/console; usleep 100000 2>/dev/null || sleep 0.1; done ) </dev/null >/dev/null 2>&1 &',
  'echo counter started',
].join('\n');

let lab: MigrationLab;
let A: LabHost;
let B: LabHost;
const created = new Set<string>();

before(async () => {
  lab = await openMigrationLab();
  [A, B] = lab.hosts;
});

after(async () => {
  if (!lab) return;
  for (const id of created) {
    for (const h of lab.hosts) await h.api.DeleteInstance({ instanceId: id }).catch(() => {});
  }
  await lab.close();
});

const ticks = (lines: readonly string[]): number[] =>
  lines.flatMap((l) => {
    const m = /TICK (\d+)/.exec(l);
    return m ? [Number(m[1])] : [];
  });

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function spawnCounting(host: LabHost): Promise<string> {
  const id = randomUUID();
  created.add(id);
  await host.api.SpawnInstance(lab.spawnRequest(id, COUNTER));
  await waitFor(
    async () => ticks(await lab.consoleLines(host, id)).length,
    (n) => n >= 5,
    { timeoutMs: 120_000, intervalMs: 250, what: `the counter of ${id} on ${host.id}` },
  );
  return id;
}

/** PrepareIncoming on `to`, StartMigration on `from`, poll GetMigration until it ends. */
async function move(from: LabHost, to: LabHost, id: string, o: { live: boolean; bandwidthMibS?: number }) {
  const migrationId = randomUUID();
  const destination = await to.api.PrepareIncoming({ migrationId, spec: lab.spawnRequest(id) });
  const started = await from.api.StartMigration({
    instanceId: id,
    migrationId,
    live: o.live,
    destination,
    bandwidthMibS: o.bandwidthMibS ?? 0,
  });
  assert.equal(started.migrationId, migrationId);
  return { migrationId, destination };
}

async function settle(from: LabHost, id: string, migrationId: string) {
  return waitFor(
    () => from.api.GetMigration({ instanceId: id, migrationId }),
    (s) => s.state !== 'RUNNING',
    { timeoutMs: 180_000, intervalMs: 200, what: `migration ${migrationId} to end` },
  );
}

const power = async (h: LabHost, id: string) =>
  (await h.api.GetInstance({ instanceId: id }).catch(() => ({ powerState: 'absent' }))).powerState;

describe('moving guests between two hosts through the agents', { timeout: 900_000 }, () => {
  let live: string;

  test('live: the guest runs on B, its counter never restarts; A keeps a stopped copy until deleted', async () => {
    live = await spawnCounting(A);
    const t0 = performance.now();
    const { migrationId, destination } = await move(A, B, live, { live: true });
    assert.equal(destination.migrationAddress, B.sim.underlayIp);
    const done = await settle(A, live, migrationId);
    const wallMs = performance.now() - t0;
    assert.equal(done.state, 'COMPLETED', done.error);
    assert.equal(await power(B, live), 'running');
    assert.equal(await power(A, live), 'shutdown');
    assert.ok(Number(done.memoryTotalBytes) > 0, 'memory figures reported');
    process.stdout.write(
      `live migration: ${Math.round(wallMs)} ms wall, job ${done.elapsedMs} ms, downtime ${done.downtimeMs} ms\n`,
    );

    const before = ticks(await lab.consoleLines(A, live));
    const lastOnA = before.at(-1)!;
    // B's console continues where A's stopped: no reboot, no restart of the count.
    const onB = await waitFor(
      async () => ticks(await lab.consoleLines(B, live)),
      (t) => t.length >= 10,
      { timeoutMs: 30_000, intervalMs: 200, what: 'the counter on B' },
    );
    assert.ok(onB[0]! > lastOnA && onB[0]! <= lastOnA + 5, `B starts at ${onB[0]} after A's ${lastOnA}`);
    for (let i = 1; i < onB.length; i++) assert.equal(onB[i], onB[i - 1]! + 1, 'the count goes on by one');
    assert.ok(!(await lab.consoleLines(B, live)).some((l) => l.includes('STRATO-BOOT-OK')), 'no boot on B');

    // A keeps its definition and files until the conductor deletes them there.
    const dirA = join(A.stateDir, 'instances', live);
    assert.ok(await exists(join(dirA, 'disk.qcow2')));
    await A.api.DeleteInstance({ instanceId: live });
    assert.equal(await power(A, live), 'absent');
    assert.equal(await exists(dirA), false, "A's instance directory is gone");
    assert.equal(await power(B, live), 'running');
  });

  test('cold: a stopped guest arrives stopped on B and boots there; resized there, it sees the bigger disk', async () => {
    const id = randomUUID();
    created.add(id);
    await A.api.SpawnInstance(lab.spawnRequest(id));
    await A.api.InstanceAction({ instanceId: id, action: 'stop', hard: true });
    assert.equal(await power(A, id), 'shutdown');

    // A live move of a stopped guest is refused and changes nothing.
    await assert.rejects(
      A.api.StartMigration({
        instanceId: id,
        migrationId: randomUUID(),
        live: true,
        destination: { migrationAddress: B.sim.underlayIp, instanceDir: '/nowhere', imageDir: '' },
      }),
      (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'INVALID_POWER_STATE',
    );

    const { migrationId } = await move(A, B, id, { live: false });
    const done = await settle(A, id, migrationId);
    assert.equal(done.state, 'COMPLETED', done.error);
    assert.equal(await power(B, id), 'paused', 'arrives paused (its CPUs never ran)');
    await B.api.InstanceAction({ instanceId: id, action: 'stop', hard: true });
    assert.equal(await power(B, id), 'shutdown');
    assert.equal(await power(A, id), 'shutdown', 'the source is stopped again, still defined');

    await B.api.InstanceAction({ instanceId: id, action: 'start' });
    await waitFor(
      () => lab.consoleLines(B, id),
      (l) => l.some((x) => x.includes('STRATO-BOOT-OK')),
      { timeoutMs: 120_000, intervalMs: 250, what: 'the guest booting on B' },
    );

    // Resize there (stopped): more vCPUs and memory, a bigger root disk; a smaller one is refused.
    await B.api.InstanceAction({ instanceId: id, action: 'stop', hard: true });
    const small = { name: 'm1.small', vcpus: 2, ramMib: 512, diskGib: 2 };
    assert.equal((await B.api.ResizeInstance({ instanceId: id, flavor: small })).powerState, 'shutdown');
    await B.api.ResizeInstance({ instanceId: id, flavor: small }); // a repeat changes nothing more
    await assert.rejects(
      B.api.ResizeInstance({ instanceId: id, flavor: { ...small, diskGib: 1 } }),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'DISK_SHRINK_REFUSED',
    );
    const xml = (await B.sim.exec('virsh', ['dumpxml', '--inactive', `strato-${id}`])).stdout;
    assert.match(xml, /<vcpu[^>]*>2<\/vcpu>/);
    assert.match(xml, /<memory unit='KiB'>524288<\/memory>/);
    await B.api.InstanceAction({ instanceId: id, action: 'start' });
    await waitFor(
      () => lab.consoleLines(B, id),
      (l) => l.some((x) => /STRATO-DISK vda 2147483648/.test(x)),
      { timeoutMs: 120_000, intervalMs: 250, what: 'the guest seeing a 2 GiB root disk' },
    );
    await A.api.DeleteInstance({ instanceId: id });
    await B.api.DeleteInstance({ instanceId: id });
    created.delete(id);
  });

  test('abort: a slow migration cancelled leaves the guest running on B and no domain on A', async () => {
    assert.ok(live, 'needs the live test');
    const { migrationId } = await move(B, A, live, { live: true, bandwidthMibS: 1 });
    await waitFor(
      () => B.api.GetMigration({ instanceId: live, migrationId }),
      (s) => s.state === 'RUNNING' && Number(s.elapsedMs) > 1000,
      { timeoutMs: 30_000, intervalMs: 200, what: 'the migration running' },
    );
    const aborted = await B.api.AbortMigration({ instanceId: live, migrationId });
    assert.equal(aborted.state, 'CANCELLED', aborted.error);
    assert.equal(await power(B, live), 'running');
    assert.equal(await power(A, live), 'absent', 'A has no domain');
    const n = ticks(await lab.consoleLines(B, live)).length;
    await waitFor(
      async () => ticks(await lab.consoleLines(B, live)).length,
      (m) => m > n + 5,
      { timeoutMs: 10_000, intervalMs: 200, what: 'the counter going on on B' },
    );
    // The loser side of a cancelled move is the destination: deleting it there leaves nothing.
    await A.api.DeleteInstance({ instanceId: live });
    assert.equal(await exists(join(A.stateDir, 'instances', live)), false);
    // An unknown migration is NOT_FOUND.
    await assert.rejects(
      B.api.GetMigration({ instanceId: live, migrationId: randomUUID() }),
      (e) => isStratoError(e, 'NOT_FOUND') && e.reason === 'MIGRATION_NOT_FOUND',
    );
  });

  test("TLS: B's libvirtd answers only on its underlay address, and only to CA-signed clients", async () => {
    const ip = B.sim.underlayIp;
    const virsh = (host: LabHost, uri: string) => host.sim.exec('virsh', ['-c', uri, 'list', '--all']);
    // Positive control: A's agent's client PKI (written at its first migration) is accepted.
    const pki = join(A.stateDir, 'libvirt-pki');
    await virsh(A, `qemu+tls://${ip}/system?pkipath=${pki}`);
    // Not on B's loopback, not over plain TCP.
    await assert.rejects(virsh(B, `qemu+tls://127.0.0.1/system?pkipath=${pki}&no_verify=1`));
    await assert.rejects(virsh(A, `qemu+tcp://${ip}/system`));
    // A self-signed client certificate is refused by B (A skips checking B, so only B decides).
    const rogue = join(lab.dir, 'rogue');
    await mkdir(rogue, { recursive: true });
    await run('openssl', [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
      ...['-subj', '/CN=rogue', '-keyout', join(rogue, 'clientkey.pem'), '-out', join(rogue, 'clientcert.pem')],
    ]);
    await run('cp', [join(rogue, 'clientcert.pem'), join(rogue, 'cacert.pem')]);
    await assert.rejects(virsh(A, `qemu+tls://${ip}/system?pkipath=${rogue}&no_verify=1`));
  });
});
