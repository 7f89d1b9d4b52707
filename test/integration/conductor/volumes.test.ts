// Block storage through the real conductor's public API, with a storage host
// whose storage role is REAL (test/harness/fake-agent.ts `storage`: the file
// backend and the iSCSI target manager on a private tgtd in a namespace of this
// test, tgt-lab.ts) and a compute host from the fake agent: every Volumes and
// VolumeSnapshots RPC and its statuses, the backends view, project isolation,
// bad input that changes nothing (the store's revision stays), a conductor
// restarted in the middle of a create and of an attach, an attach the compute
// host refuses (undone: no target left in tgtd), a failed boot from a volume
// that leaves it available, and the export reconcile removing a target no
// attachment calls for.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, it } from 'node:test';
import { isStratoError, StratoError } from '../../../common/errors.ts';
import type { Volume__Output } from '../../../common/gen/strato/volume/v1/Volume.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { changesSince, quietRevision } from '../../harness/store-changes.ts';
import { waitFor } from '../../harness/wait.ts';
import { TgtLab } from '../storage/tgt-lab.ts';
import { type Api, type Env, login, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

const GiB = 1024 ** 3;

describe('conductor: block storage', () => {
  let env: Env;
  let lab: TgtLab;
  let storage: FakeAgent;
  let compute: FakeAgent;
  let db: DatabaseSync;
  let other: Api;

  const waitVolume = (api: Api, ref: string, done: (v: Volume__Output) => boolean, timeoutMs = 30_000) =>
    waitFor(() => api.volumes.GetVolume({ volume: ref }), done, { what: `volume ${ref}`, timeoutMs, intervalMs: 50 });
  const rests = (v: Volume__Output) =>
    !['creating', 'downloading', 'attaching', 'detaching', 'extending', 'deleting'].includes(v.status);
  const gone = async (ref: string) =>
    waitFor(
      () =>
        env.admin.volumes.GetVolume({ volume: ref }).then(
          () => false,
          (e) => isStratoError(e, 'NOT_FOUND'),
        ),
      (x) => x,
      { what: `volume ${ref} to go`, timeoutMs: 30_000, intervalMs: 50 },
    );
  const targets = async () => (await lab.tgtadm.targets()).map((t) => t.iqn);

  before(async () => {
    lab = await new TgtLab().open();
    env = await startEnv(['st-1', 'hv-2'], { volumeTimeoutS: 20 });
    db = new DatabaseSync(join(env.config.dataDir as string, 'state.db'), { readOnly: true });
    storage = await env.startAgent('st-1', {
      underlayIp: lab.targetIp,
      storage: { tgtadm: lab.tgtadm, portal: { address: lab.targetIp, port: 3260 }, netns: lab.targetNs },
    });
    compute = await env.startAgent('hv-2', { underlayIp: lab.initiatorIp });
    await uploadImage(env.admin, env.dir, 'img', true, 64);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 });
    await env.admin.identity.CreateProject({ name: 'other' });
    await env.admin.identity.CreateUser({ name: 'olga', password: 'olga-secret-pw', project: 'other', role: 'member' });
    other = await login(env.apiAddress, join(env.tls, 'ca.crt'), 'olga', 'olga-secret-pw');
  });
  after(async () => {
    db?.close();
    if (other) for (const c of Object.values(other)) c.close();
    await env?.close();
    await lab?.close();
  });

  it('shows the storage host with its roles and report, and as a volume backend', async () => {
    const h = await env.admin.hosts.GetHost({ host: 'st-1' });
    assert.deepEqual(h.roles, ['compute', 'storage']);
    assert.equal(h.storage?.backend, 'file');
    assert.equal(h.storage?.totalBytes, String(20 * GiB));
    assert.equal(h.storage?.iscsiPortal, `${lab.targetIp}:3260`);
    assert.deepEqual((await env.admin.hosts.GetHost({ host: 'hv-2' })).roles, ['compute']);
    const { backends } = await env.admin.volumes.ListVolumeBackends({});
    assert.deepEqual(
      backends.map((b) => [b.host, b.backend, b.state, b.capacityBytes, b.snapshotsSupported, b.wipePolicy]),
      [['st-1', 'file', 'up', String(20 * GiB), true, 'zero']],
    );
    await assert.rejects(other.volumes.ListVolumeBackends({}), { code: 'PERMISSION_DENIED', reason: 'ADMIN_REQUIRED' });
  });

  it('creates, names, updates, extends and deletes a volume; capacity follows', async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'data', sizeGib: 2, description: 'first' });
    assert.equal(v.status, 'creating');
    assert.equal(v.host, 'st-1', 'admins see the host');
    const ready = await waitVolume(env.admin, 'data', rests);
    assert.equal(ready.status, 'available');
    const file = join(storage.host.stateDir, 'volumes', `volume-${v.id}.raw`);
    assert.equal((await stat(file)).size, 2 * GiB);
    let [b] = (await env.admin.volumes.ListVolumeBackends({})).backends;
    assert.deepEqual([b?.allocatedBytes, b?.volumeCount], [String(2 * GiB), 1]);
    const renamed = await env.admin.volumes.UpdateVolume({ volume: 'data', name: 'data2', description: '' });
    assert.deepEqual([renamed.name, renamed.description], ['data2', '']);
    assert.deepEqual(
      (await env.admin.volumes.ListVolumes({})).volumes.map((x) => x.name),
      ['data2'],
    );
    const ext = await env.admin.volumes.ExtendVolume({ volume: 'data2', newSizeGib: 3 });
    assert.equal(ext.status, 'extending');
    const grown = await waitVolume(env.admin, v.id, rests);
    assert.deepEqual([grown.status, grown.sizeGib], ['available', 3]);
    assert.equal((await stat(file)).size, 3 * GiB);
    const del = await env.admin.volumes.DeleteVolume({ volume: v.id });
    assert.equal(del.status, 'deleting');
    assert.equal((await env.admin.volumes.DeleteVolume({ volume: v.id })).status, 'deleting', 'idempotent');
    await gone(v.id);
    await assert.rejects(stat(file), { code: 'ENOENT' });
    [b] = (await env.admin.volumes.ListVolumeBackends({})).backends;
    assert.deepEqual([b?.allocatedBytes, b?.volumeCount], ['0', 0]);
  });

  it('copies an image into a volume (downloading, then available)', async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'os', sizeGib: 1, image: 'img' });
    assert.equal(v.status, 'downloading');
    const ready = await waitVolume(env.admin, v.id, rests, 60_000);
    assert.deepEqual([ready.status, ready.progressPercent, ready.imageId === ''], ['available', 100, false]);
    await env.admin.volumes.DeleteVolume({ volume: v.id });
    await gone(v.id);
  });

  it('snapshots: taken on the host, a volume made from one, and the holds on deleting', async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'src', sizeGib: 1 });
    await waitVolume(env.admin, v.id, rests);
    const s = await env.admin.volumeSnapshots.CreateVolumeSnapshot({ name: 'snap', volume: 'src' });
    assert.equal(s.status, 'creating');
    await waitFor(
      () => env.admin.volumeSnapshots.GetVolumeSnapshot({ snapshot: 'snap' }),
      (x) => x.status === 'available',
      {
        what: 'snapshot available',
        timeoutMs: 30_000,
      },
    );
    const copy = await env.admin.volumes.CreateVolume({ name: 'copy', sizeGib: 0, snapshot: 'snap' });
    assert.deepEqual([copy.sizeGib, copy.snapshotId, copy.host], [1, s.id, 'st-1']);
    await waitVolume(env.admin, copy.id, rests);
    const listed = await env.admin.volumeSnapshots.ListVolumeSnapshots({ volume: 'src' });
    assert.deepEqual(
      listed.snapshots.map((x) => x.id),
      [s.id],
    );
    await assert.rejects(env.admin.volumes.DeleteVolume({ volume: 'src' }), (e) => {
      assert.ok(isStratoError(e));
      assert.deepEqual(
        [e.code, e.reason, e.details.snapshot_ids],
        ['FAILED_PRECONDITION', 'VOLUME_HAS_SNAPSHOTS', s.id],
      );
      return true;
    });
    await env.admin.volumeSnapshots.DeleteVolumeSnapshot({ snapshot: s.id });
    await waitFor(
      () =>
        env.admin.volumeSnapshots.GetVolumeSnapshot({ snapshot: s.id }).then(
          () => false,
          () => true,
        ),
      (x) => x,
      { what: 'snapshot gone', timeoutMs: 30_000 },
    );
    for (const id of [v.id, copy.id]) await env.admin.volumes.DeleteVolume({ volume: id });
    for (const id of [v.id, copy.id]) await gone(id);
  });

  it("another project's volume does not exist for the caller", async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'mine', sizeGib: 1 });
    await waitVolume(env.admin, v.id, rests);
    for (const ref of [v.id, 'mine']) {
      await assert.rejects(other.volumes.GetVolume({ volume: ref }), { code: 'NOT_FOUND', reason: 'VOLUME_NOT_FOUND' });
      await assert.rejects(other.volumes.DeleteVolume({ volume: ref }), { code: 'NOT_FOUND' });
      await assert.rejects(other.volumes.ExtendVolume({ volume: ref, newSizeGib: 5 }), { code: 'NOT_FOUND' });
      await assert.rejects(other.volumeSnapshots.CreateVolumeSnapshot({ name: 's', volume: ref }), {
        code: 'NOT_FOUND',
      });
      await assert.rejects(other.volumes.CreateVolume({ name: 'c', sizeGib: 0, sourceVolume: ref }), {
        code: 'NOT_FOUND',
      });
    }
    assert.deepEqual((await other.volumes.ListVolumes({})).volumes, []);
    await assert.rejects(other.volumes.ListVolumes({ allProjects: true }), { code: 'PERMISSION_DENIED' });
    const all = await env.admin.volumes.ListVolumes({ allProjects: true });
    assert.ok(all.volumes.some((x) => x.id === v.id));
    const theirs = await other.volumes.CreateVolume({ name: 'theirs', sizeGib: 1 });
    assert.equal(theirs.host, '', 'a member does not see the host');
    await waitVolume(other, theirs.id, rests);
    await other.volumes.DeleteVolume({ volume: theirs.id });
    await env.admin.volumes.DeleteVolume({ volume: v.id });
    await gone(theirs.id);
    await gone(v.id);
  });

  it('answers bad input precisely, naming the field, and changes nothing', async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'held', sizeGib: 2 });
    await waitVolume(env.admin, v.id, rests);
    const srv = await env.admin.servers.CreateServer({
      name: 'broken',
      image: 'img',
      flavor: 'small',
      host: 'nowhere',
    });
    await waitServer(env.admin, srv.id, settled);
    const before = await quietRevision(db);
    const cases: [string, () => Promise<unknown>, string, string, string][] = [
      [
        'size 0',
        () => env.admin.volumes.CreateVolume({ name: 'x', sizeGib: 0 }),
        'INVALID_ARGUMENT',
        'SIZE_INVALID',
        'size_gib',
      ],
      [
        'size above 65536',
        () => env.admin.volumes.CreateVolume({ name: 'x', sizeGib: 70_000 }),
        'INVALID_ARGUMENT',
        'SIZE_INVALID',
        'size_gib',
      ],
      [
        'beyond capacity',
        () => env.admin.volumes.CreateVolume({ name: 'x', sizeGib: 19 }),
        'RESOURCE_EXHAUSTED',
        'INSUFFICIENT_CAPACITY',
        '',
      ],
      [
        'a bad name',
        () => env.admin.volumes.CreateVolume({ name: '-x', sizeGib: 1 }),
        'INVALID_ARGUMENT',
        'NAME_INVALID',
        'name',
      ],
      [
        'a bad backend',
        () => env.admin.volumes.CreateVolume({ name: 'x', sizeGib: 1, backend: 'ceph' }),
        'INVALID_ARGUMENT',
        'BACKEND_INVALID',
        'backend',
      ],
      [
        'a backend the source has not',
        () => env.admin.volumes.CreateVolume({ name: 'x', sizeGib: 0, sourceVolume: 'held', backend: 'lvm' }),
        'INVALID_ARGUMENT',
        'BACKEND_CONFLICT',
        'backend',
      ],
      [
        'smaller than its source',
        () => env.admin.volumes.CreateVolume({ name: 'x', sizeGib: 1, sourceVolume: 'held' }),
        'INVALID_ARGUMENT',
        'SIZE_BELOW_SOURCE',
        'size_gib',
      ],
      [
        'a shrink',
        () => env.admin.volumes.ExtendVolume({ volume: 'held', newSizeGib: 1 }),
        'INVALID_ARGUMENT',
        'VOLUME_SHRINK_REFUSED',
        'new_size_gib',
      ],
      [
        'growing beyond capacity',
        () => env.admin.volumes.ExtendVolume({ volume: 'held', newSizeGib: 40 }),
        'RESOURCE_EXHAUSTED',
        'INSUFFICIENT_CAPACITY',
        '',
      ],
      [
        'a description with control characters',
        () => env.admin.volumes.UpdateVolume({ volume: 'held', description: 'a\u001b[2J' }),
        'INVALID_ARGUMENT',
        'DESCRIPTION_INVALID',
        'description',
      ],
      [
        'attaching to a server in ERROR',
        () => env.admin.serverVolumes.AddServerVolume({ server: 'broken', volume: 'held' }),
        'FAILED_PRECONDITION',
        'INVALID_STATE',
        '',
      ],
      [
        'attaching at a bad device',
        () => env.admin.serverVolumes.AddServerVolume({ server: 'broken', volume: 'held', device: 'sda' }),
        'INVALID_ARGUMENT',
        'DEVICE_INVALID',
        'device',
      ],
      [
        "another project's volume",
        () => other.serverVolumes.AddServerVolume({ server: 'broken', volume: v.id }),
        'NOT_FOUND',
        'SERVER_NOT_FOUND',
        '',
      ],
      [
        'a snapshot of nothing',
        () => env.admin.volumeSnapshots.CreateVolumeSnapshot({ name: 's', volume: randomUUID() }),
        'NOT_FOUND',
        'VOLUME_NOT_FOUND',
        '',
      ],
    ];
    for (const [what, call, code, reason, field] of cases) {
      const err = await call().then(
        () => assert.fail(`${what}: accepted`),
        (e: unknown) => e as StratoError,
      );
      assert.ok(err instanceof StratoError, `${what}: ${String(err)}`);
      assert.deepEqual(
        [err.code, err.reason, err.details.field ?? ''],
        [code, reason, field],
        `${what}: ${err.message}`,
      );
      assert.ok(err.message.length < 400, what);
    }
    assert.deepEqual(changesSince(db, before), [], 'a refused call changes nothing');
    await env.admin.servers.DeleteServer({ server: srv.id });
    await env.admin.volumes.DeleteVolume({ volume: v.id });
    await gone(v.id);
  });

  it('a conductor restarted in the middle of a create finishes it', async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'restart', sizeGib: 1, image: 'img' });
    await env.restart();
    const ready = await waitVolume(env.admin, v.id, rests, 60_000);
    assert.equal(ready.status, 'available');
    await env.admin.volumes.DeleteVolume({ volume: v.id });
    await gone(v.id);
  });

  it('an attach the compute host refuses is undone: available with the fault, no target left', async () => {
    const s = await env.admin.servers.CreateServer({ name: 'vm', image: 'img', flavor: 'small', host: 'hv-2' });
    await waitServer(env.admin, s.id, settled);
    const v = await env.admin.volumes.CreateVolume({ name: 'att', sizeGib: 1 });
    await waitVolume(env.admin, v.id, rests);
    compute.failVolumeCalls = new StratoError('UNAVAILABLE', 'ISCSI_LOGIN_FAILED', 'the target refused the login');
    try {
      const r = await env.admin.serverVolumes.AddServerVolume({ server: 'vm', volume: 'att' });
      assert.equal(r.taskState, 'attaching-volume');
      assert.deepEqual(
        r.volumes.map((x) => [x.volumeId, x.device]),
        [[v.id, 'vdc']],
      );
      const srv = await waitServer(env.admin, s.id, settled);
      assert.deepEqual(srv.volumes, []);
      const after = await waitVolume(env.admin, v.id, rests);
      assert.deepEqual([after.status, after.fault?.reason, after.attachments], ['available', 'ISCSI_LOGIN_FAILED', []]);
      assert.ok(!(await targets()).some((t) => t.endsWith(v.id)), 'the export was undone in tgtd');
      assert.ok(compute.calls.includes(`attach-volume ${s.id} ${v.id}`));
      const events = await env.admin.servers.ListServerEvents({ server: s.id });
      assert.match(events.events.at(-1)?.error ?? '', /ISCSI_LOGIN_FAILED/);
    } finally {
      compute.failVolumeCalls = undefined;
    }
  });

  it('a conductor restarted while the compute host is down mid-attach resumes it and ends it (never stuck)', async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'att2', sizeGib: 1 });
    await waitVolume(env.admin, v.id, rests);
    await compute.stop({ keepHost: true });
    const r = await env.admin.serverVolumes.AddServerVolume({ server: 'vm', volume: 'att2' });
    assert.equal(r.taskState, 'attaching-volume');
    await env.restart();
    assert.equal((await env.admin.volumes.GetVolume({ volume: v.id })).status, 'attaching');
    const back = await env.startAgent('hv-2', { underlayIp: lab.initiatorIp, host: compute.host });
    back.failVolumeCalls = new StratoError('UNAVAILABLE', 'ISCSI_LOGIN_FAILED', 'the target refused the login');
    compute = back;
    await waitServer(env.admin, 'vm', settled, 30_000);
    const after = await waitVolume(env.admin, v.id, rests);
    assert.equal(after.status, 'available');
    assert.ok(!(await targets()).some((t) => t.endsWith(v.id)));
    compute.failVolumeCalls = undefined;
  });

  it('a boot from a volume that fails leaves the volume available and unexported', async () => {
    const v = await env.admin.volumes.CreateVolume({ name: 'root', sizeGib: 1, image: 'img' });
    await waitVolume(env.admin, v.id, rests, 60_000);
    compute.failSpawn = new StratoError('INVALID_ARGUMENT', 'SPEC_INVALID', 'the host refuses this spec');
    try {
      const s = await env.admin.servers.CreateServer({
        name: 'bfv',
        bootVolume: 'root',
        flavor: 'small',
        host: 'hv-2',
      });
      assert.deepEqual(
        s.volumes.map((x) => [x.volumeId, x.device, x.boot]),
        [[v.id, 'vda', true]],
      );
      assert.equal(s.imageId, '');
      assert.equal((await env.admin.volumes.GetVolume({ volume: v.id })).status, 'attaching');
      const done = await waitServer(env.admin, s.id, settled, 30_000);
      assert.equal(done.vmState, 'ERROR');
      assert.deepEqual(done.volumes, []);
      assert.equal((await waitVolume(env.admin, v.id, rests)).status, 'available');
      assert.ok(!(await targets()).some((t) => t.endsWith(v.id)));
      await env.admin.servers.DeleteServer({ server: s.id });
    } finally {
      compute.failSpawn = undefined;
    }
  });

  it('the export reconcile removes a strato target that no attachment calls for', async () => {
    const v = await env.admin.volumes.GetVolume({ volume: 'root' });
    const stray = storage.storageService!;
    await stray.export({
      volumeId: v.id,
      initiatorName: 'iqn.2026-01.io.strato:host:hv-2',
      initiatorAddress: lab.initiatorIp,
      chapSecret: 'stray-secret-123456',
    });
    assert.ok((await targets()).some((t) => t.endsWith(v.id)));
    await storage.register(); // an agent restart: the conductor reconciles its exports at once
    await waitFor(targets, (ts) => !ts.some((t) => t.endsWith(v.id)), {
      what: 'the stray target gone',
      timeoutMs: 20_000,
    });
    await env.admin.volumes.DeleteVolume({ volume: v.id });
    await gone(v.id);
  });
});
