// The agent's move operations over two fake hypervisors that reach each other by
// address: prepare the destination, start, follow and abort a migration on the
// source, resize a stopped instance; with the contract's errors.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Moves } from '../../../agent/compute/moves.ts';
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import { isStratoError } from '../../../common/errors.ts';
import { disks, quiet, req, servedVolume, setup } from './compute-fixture.ts';

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

async function twoHosts(migrationMs = 20) {
  const tag = randomUUID().slice(0, 8);
  const hosts = [];
  for (const n of [1, 2]) {
    const address = `10.${n}.0.${Number.parseInt(tag.slice(0, 2), 16) % 250}`;
    const hv = new FakeHypervisor({ address: `${address}-${tag}`, migrationMs });
    const s = await setup({ hv });
    const moves = new Moves({
      manager: s.manager,
      deps: {
        hv,
        images: s.images,
        disks,
        stateDir: s.stateDir,
        virtType: 'qemu',
        availabilityZone: 'nova',
        log: quiet,
      },
      migrationAddress: `${address}-${tag}`,
      startWaitMs: 500,
    });
    hosts.push({ ...s, moves });
  }
  return hosts as [(typeof hosts)[0], (typeof hosts)[0]];
}

const ended = async (moves: Moves, id: string, mid: string) => {
  for (let i = 0; i < 200; i++) {
    const s = await moves.migration(id, mid);
    if (s.state !== 'RUNNING') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('migration did not end');
};

test('live: prepared files on B, the guest runs there, A keeps a stopped definition', async () => {
  const [a, b] = await twoHosts();
  const r = req();
  await a.manager.spawn(r);
  const place = await b.moves.prepareIncoming(r);
  assert.equal(place.instanceDir, join(b.stateDir, 'instances', r.instanceId));
  assert.ok(await exists(join(place.instanceDir, 'disk.qcow2')));
  assert.ok(await exists(join(place.instanceDir, 'disk.config')));
  assert.equal(await b.hv.powerState(r.instanceId), undefined, 'no domain before the migration');
  const mid = randomUUID();
  const started = await a.moves.startMigration({
    instanceId: r.instanceId,
    migrationId: mid,
    live: true,
    destination: place,
    bandwidthMiBs: 0,
    timeoutS: 0,
  });
  assert.equal(started.migrationId, mid);
  // A repeat answers the same migration.
  assert.equal(
    (
      await a.moves.startMigration({
        ...{
          instanceId: r.instanceId,
          migrationId: mid,
          live: true,
          destination: place,
          bandwidthMiBs: 0,
          timeoutS: 0,
        },
      })
    ).migrationId,
    mid,
  );
  const done = await ended(a.moves, r.instanceId, mid);
  assert.equal(done.state, 'COMPLETED');
  assert.equal(await b.hv.powerState(r.instanceId), 'running');
  assert.equal(await a.hv.powerState(r.instanceId), 'shutdown');
  // The destination's definition names its own paths.
  assert.ok(b.hv.domains.get(r.instanceId)!.spec.consoleLogPath.startsWith(place.instanceDir));
  await assert.rejects(
    a.moves.abortMigration(r.instanceId, mid),
    (e) => isStratoError(e) && e.reason === 'MIGRATION_COMPLETED',
  );
});

test('cold: the stopped guest arrives paused; the source is stopped again', async () => {
  const [a, b] = await twoHosts();
  const r = req();
  await a.manager.spawn(r);
  await a.manager.action(r.instanceId, 'stop', { hard: true });
  const place = await b.moves.prepareIncoming(r);
  const bad = {
    instanceId: r.instanceId,
    migrationId: randomUUID(),
    live: true,
    destination: place,
    bandwidthMiBs: 0,
    timeoutS: 0,
  };
  await assert.rejects(
    a.moves.startMigration(bad),
    (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'INVALID_POWER_STATE',
  );
  const mid = randomUUID();
  await a.moves.startMigration({ ...bad, migrationId: mid, live: false });
  assert.equal((await ended(a.moves, r.instanceId, mid)).state, 'COMPLETED');
  assert.equal(await b.hv.powerState(r.instanceId), 'paused');
  assert.equal(await a.hv.powerState(r.instanceId), 'shutdown');
});

test('abort and timeout cancel a running migration; the guest stays on the source', async () => {
  const [a, b] = await twoHosts(5000);
  const r = req();
  await a.manager.spawn(r);
  const place = await b.moves.prepareIncoming(r);
  const base = { instanceId: r.instanceId, live: true, destination: place, bandwidthMiBs: 1, timeoutS: 0 };
  const mid = randomUUID();
  await a.moves.startMigration({ ...base, migrationId: mid });
  await assert.rejects(
    a.moves.startMigration({ ...base, migrationId: randomUUID() }),
    (e) => isStratoError(e) && e.reason === 'MIGRATION_IN_PROGRESS',
  );
  const aborted = await a.moves.abortMigration(r.instanceId, mid);
  assert.equal(aborted.state, 'CANCELLED');
  assert.equal(await a.hv.powerState(r.instanceId), 'running');
  assert.equal(await b.hv.powerState(r.instanceId), undefined);
  // Aborting again answers the same.
  assert.equal((await a.moves.abortMigration(r.instanceId, mid)).state, 'CANCELLED');

  const timed = randomUUID();
  await a.moves.startMigration({ ...base, migrationId: timed, timeoutS: 1 });
  const s = await (async () => {
    for (;;) {
      const st = await a.moves.migration(r.instanceId, timed);
      if (st.state !== 'RUNNING') return st;
      await new Promise((res) => setTimeout(res, 50));
    }
  })();
  assert.equal(s.state, 'CANCELLED');
  assert.match(s.error, /timed out after 1 s/);
  assert.equal(await a.hv.powerState(r.instanceId), 'running');
  await assert.rejects(a.moves.migration(r.instanceId, randomUUID()), (e) => isStratoError(e, 'NOT_FOUND'));
});

test('an unreachable destination is an error and leaves no record', async () => {
  const [a] = await twoHosts();
  const r = req();
  await a.manager.spawn(r);
  const mid = randomUUID();
  await assert.rejects(
    a.moves.startMigration({
      instanceId: r.instanceId,
      migrationId: mid,
      live: true,
      destination: { migrationAddress: '192.0.2.1', instanceDir: '/x', imageDir: '', initiatorName: '' },
      bandwidthMiBs: 0,
      timeoutS: 0,
    }),
    (e) => isStratoError(e, 'UNAVAILABLE'),
  );
  await assert.rejects(a.moves.migration(r.instanceId, mid), (e) => isStratoError(e, 'NOT_FOUND'));
  assert.equal(await a.hv.powerState(r.instanceId), 'running');
});

test('prepare refuses a host that has the domain; resize needs a stopped guest on this host', async () => {
  const [a] = await twoHosts();
  const r = req();
  await a.manager.spawn(r);
  await assert.rejects(a.moves.prepareIncoming(r), (e) => isStratoError(e) && e.reason === 'INSTANCE_EXISTS');
  const bigger = { name: 'm1.small', vcpus: 2, ramMiB: 512, diskGiB: 0 };
  await assert.rejects(
    a.moves.resize(r.instanceId, bigger),
    (e) => isStratoError(e) && e.reason === 'INVALID_POWER_STATE',
  );
  await assert.rejects(a.moves.resize(randomUUID(), bigger), (e) => isStratoError(e, 'NOT_FOUND'));
});

test("a volume at the destination: its secret is set and kept, and a prepared copy's delete removes it", async () => {
  const [, b] = await twoHosts();
  const vol = servedVolume(b.hv);
  const r = { ...req(), volumes: [vol] };
  const place = await b.moves.prepareIncoming(r);
  assert.equal(place.initiatorName, vol.initiatorName, 'the name the source writes into the migrated disk');
  assert.deepEqual(await b.hv.volumeSecrets(), [vol.volumeId]);
  assert.ok(b.manager.knownVolumePasswords().has(vol.volumeId), 'kept to restore a secret libvirtd lost');
  // The move failed before the domain arrived: deleting the prepared copy leaves nothing.
  await b.manager.delete(r.instanceId);
  assert.deepEqual(await b.hv.volumeSecrets(), []);
  assert.equal(b.manager.knownVolumePasswords().has(vol.volumeId), false);
  assert.equal(await exists(place.instanceDir), false);
  // Without volumes there is no name to write.
  assert.equal((await b.moves.prepareIncoming(req())).initiatorName, '');
});
