// A real conductor and one FAKE agent (the real agent service over fake drivers):
// a server snapshot becomes a private, inspected, active qcow2 image of the
// server's project that boots a new server; a rebuild keeps the server's id, host
// and name and spawns it again from another image; rename and metadata change
// only the record (and the name indexes); bad input changes nothing.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { StratoError } from '../../../common/errors.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { waitFor } from '../../harness/wait.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

describe('conductor: server snapshots, rebuild and update with a fake agent', () => {
  let env: Env;
  let agent: FakeAgent;

  before(async () => {
    env = await startEnv(['hv-1']);
    agent = await env.startAgent('hv-1');
    await uploadImage(env.admin, env.dir, 'base-a', true);
    await uploadImage(env.admin, env.dir, 'base-b', true, 32);
    await env.admin.flavors.CreateFlavor({ name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 });
    await env.admin.servers.CreateServer({ name: 'snap-src', image: 'base-a', flavor: 'm1.tiny' });
    await waitServer(env.admin, 'snap-src', settled);
  });
  after(async () => {
    await env?.close();
  });

  const waitImage = (id: string, done: (status: string) => boolean) =>
    waitFor(
      () => env.admin.images.GetImage({ image: id }),
      (i) => done(i.status),
      { what: `image ${id} to settle`, timeoutMs: 15_000, intervalMs: 50 },
    );

  it('snapshots a running server into an active private qcow2 image that boots', async () => {
    const before = await env.admin.servers.GetServer({ server: 'snap-src' });
    const res = await env.admin.servers.CreateServerImage({ server: 'snap-src', name: 'snap-1' });
    assert.equal(res.server?.taskState, 'image_snapshot');
    assert.equal(res.server?.vmState, 'ACTIVE');
    const image = await waitImage(res.imageId, (s) => s === 'active' || s === 'killed');
    assert.equal(image.status, 'active', `killed: ${JSON.stringify(image)}`);
    assert.equal(image.public, false);
    assert.equal(image.projectId, before.projectId);
    assert.equal(image.diskFormat, 'qcow2');
    assert.match(image.sha256, /^[0-9a-f]{64}$/);
    const s = await waitServer(env.admin, 'snap-src', settled);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.powerState, 'RUNNING');
    assert.ok(agent.calls.includes(`export-root-disk ${s.id}`));
    // The guest was paused for the copy and runs again.
    assert.equal(agent.instances.get(s.id)?.power, 'running');
    const events = (await env.admin.servers.ListServerEvents({ server: 'snap-src' })).events;
    const ev = events.find((e) => e.action === `create image ${res.imageId}`);
    assert.equal(ev?.result, 'success', JSON.stringify(events));
    // The snapshot boots a new server.
    await env.admin.servers.CreateServer({ name: 'from-snap', image: res.imageId, flavor: 'm1.tiny' });
    const born = await waitServer(env.admin, 'from-snap', settled);
    assert.equal(born.vmState, 'ACTIVE');
    assert.equal(born.imageId, res.imageId);
  });

  it('snapshots a stopped server, which stays stopped', async () => {
    await env.admin.servers.ServerAction({ server: 'snap-src', action: 'stop', hard: true });
    await waitServer(env.admin, 'snap-src', (s) => settled(s) && s.vmState === 'SHUTOFF');
    const res = await env.admin.servers.CreateServerImage({ server: 'snap-src', name: 'snap-off' });
    assert.equal((await waitImage(res.imageId, (s) => s === 'active' || s === 'killed')).status, 'active');
    const s = await waitServer(env.admin, 'snap-src', settled);
    assert.equal(s.vmState, 'SHUTOFF');
    assert.equal(s.powerState, 'SHUTDOWN');
  });

  it('refuses a snapshot in a wrong state and bad names, making no image', async () => {
    const imagesBefore = (await env.admin.images.ListImages({})).images.length;
    await env.admin.servers.CreateServer({ name: 'snap-err', image: 'base-a', flavor: 'm1.tiny', host: 'nowhere' });
    await waitServer(env.admin, 'snap-err', settled);
    await assert.rejects(
      env.admin.servers.CreateServerImage({ server: 'snap-err', name: 'x' }),
      (e: StratoError) => e.code === 'FAILED_PRECONDITION' && e.reason === 'INVALID_STATE',
    );
    await assert.rejects(
      env.admin.servers.CreateServerImage({ server: 'snap-src', name: 'x'.repeat(5000) }),
      (e: StratoError) => e.code === 'INVALID_ARGUMENT' && e.reason === 'NAME_INVALID' && e.message.length < 400,
    );
    assert.equal((await env.admin.images.ListImages({})).images.length, imagesBefore);
    await env.admin.servers.DeleteServer({ server: 'snap-err' });
  });

  it('an export the host refuses kills the image; the server is back at rest with the error in its event', async () => {
    await env.admin.servers.CreateServer({ name: 'no-disk', image: 'base-a', flavor: 'm1.tiny' });
    const s = await waitServer(env.admin, 'no-disk', settled);
    // The host lost the overlay: the agent answers NO_LOCAL_ROOT_DISK.
    await rm(join(agent.host.stateDir, 'instances', s.id, 'disk.qcow2'));
    const res = await env.admin.servers.CreateServerImage({ server: 'no-disk', name: 'doomed' });
    assert.equal((await waitImage(res.imageId, (st) => st === 'active' || st === 'killed')).status, 'killed');
    const after = await waitServer(env.admin, 'no-disk', settled);
    assert.equal(after.vmState, 'ACTIVE');
    const ev = (await env.admin.servers.ListServerEvents({ server: 'no-disk' })).events.at(-1);
    assert.equal(ev?.result, 'error');
    assert.match(ev?.error ?? '', /NO_LOCAL_ROOT_DISK/);
    await env.admin.servers.DeleteServer({ server: 'no-disk' });
  });

  it('rebuilds from another image: same id, name and host, a new spawn, ACTIVE', async () => {
    const old = await env.admin.servers.GetServer({ server: 'snap-src' });
    assert.equal(old.vmState, 'SHUTOFF');
    const calls = agent.calls.length;
    const accepted = await env.admin.servers.RebuildServer({ server: 'snap-src', image: 'base-b' });
    assert.equal(accepted.taskState, 'rebuilding');
    const s = await waitServer(env.admin, 'snap-src', settled);
    assert.equal(s.id, old.id);
    assert.equal(s.name, old.name);
    assert.equal(s.host, old.host);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.powerState, 'RUNNING');
    assert.notEqual(s.imageId, old.imageId);
    assert.deepEqual(agent.calls.slice(calls), [`delete ${s.id}`, `spawn ${s.id}`]);
    const b = (await env.admin.images.ListImages({})).images.find((i) => i.name === 'base-b');
    assert.equal(agent.instances.get(s.id)?.spec.image?.sha256, b?.sha256);
    // '' rebuilds from the image it has.
    await env.admin.servers.RebuildServer({ server: 'snap-src', image: '' });
    assert.equal((await waitServer(env.admin, 'snap-src', settled)).imageId, s.imageId);
  });

  it('refuses a rebuild from an image that does not fit or does not exist', async () => {
    await uploadImage(env.admin, env.dir, 'too-big', true, 2048);
    await assert.rejects(
      env.admin.servers.RebuildServer({ server: 'snap-src', image: 'too-big' }),
      (e: StratoError) => e.code === 'FAILED_PRECONDITION' && e.reason === 'IMAGE_TOO_LARGE_FOR_FLAVOR',
    );
    await assert.rejects(
      env.admin.servers.RebuildServer({ server: 'snap-src', image: 'no-such-image' }),
      (e: StratoError) => e.code === 'NOT_FOUND',
    );
    const s = await env.admin.servers.GetServer({ server: 'snap-src' });
    assert.equal(s.taskState, '');
  });

  it('renames (name indexes follow) and sets and unsets properties without the agent', async () => {
    const calls = agent.calls.length;
    const id = (await env.admin.servers.GetServer({ server: 'snap-src' })).id;
    await env.admin.servers.UpdateServer({ server: 'snap-src', name: 'renamed', setMetadata: { a: '1', b: '2' } });
    const s = await env.admin.servers.GetServer({ server: 'renamed' });
    assert.equal(s.id, id);
    assert.deepEqual({ ...s.metadata }, { a: '1', b: '2' });
    await assert.rejects(
      env.admin.servers.GetServer({ server: 'snap-src' }),
      (e: StratoError) => e.code === 'NOT_FOUND',
    );
    const listed = (await env.admin.servers.ListServers({})).servers.map((x) => x.name);
    assert.ok(listed.includes('renamed') && !listed.includes('snap-src'), listed.join(','));
    const u = await env.admin.servers.UpdateServer({
      server: id,
      unsetMetadata: ['a', 'absent'],
      setMetadata: { c: '3' },
    });
    assert.deepEqual({ ...u.metadata }, { b: '2', c: '3' });
    assert.equal(u.name, 'renamed');
    assert.equal(agent.calls.length, calls, 'the agent is not called');
  });

  it('refuses bad updates and changes nothing', async () => {
    const before = await env.admin.servers.GetServer({ server: 'renamed' });
    const many = Object.fromEntries(Array.from({ length: 127 }, (_, i) => [`k${i}`, 'v']));
    await assert.rejects(
      env.admin.servers.UpdateServer({ server: 'renamed', setMetadata: many }),
      (e: StratoError) =>
        e.code === 'INVALID_ARGUMENT' && e.reason === 'METADATA_INVALID' && e.details?.field === 'set_metadata',
    );
    await assert.rejects(
      env.admin.servers.UpdateServer({ server: 'renamed', setMetadata: { k: 'v'.repeat(256) } }),
      (e: StratoError) => e.code === 'INVALID_ARGUMENT' && e.reason === 'METADATA_INVALID',
    );
    await assert.rejects(
      env.admin.servers.UpdateServer({ server: 'renamed', name: 'n'.repeat(10_000) }),
      (e: StratoError) => e.code === 'INVALID_ARGUMENT' && e.reason === 'NAME_INVALID' && e.message.length < 400,
    );
    const after = await env.admin.servers.GetServer({ server: 'renamed' });
    assert.deepEqual({ ...after.metadata }, { ...before.metadata });
    assert.equal(after.updatedAt, before.updatedAt);
  });

  it('a conductor restarted during a snapshot exports again and the image ends active', async () => {
    agent.exportDelayMs = 1500;
    const res = await env.admin.servers.CreateServerImage({ server: 'renamed', name: 'snap-restart' });
    await waitFor(
      async () => agent.calls.filter((c) => c.startsWith('export-root-disk')).length,
      (n) => n > 0,
      { what: 'the export to start', timeoutMs: 5000, intervalMs: 20 },
    );
    const exportsBefore = agent.calls.filter((c) => c.startsWith('export-root-disk')).length;
    await env.restart();
    agent.exportDelayMs = 0;
    const image = await waitImage(res.imageId, (s) => s === 'active' || s === 'killed');
    assert.equal(image.status, 'active');
    assert.ok(agent.calls.filter((c) => c.startsWith('export-root-disk')).length > exportsBefore, 'exported again');
    const s = await waitServer(env.admin, 'renamed', settled);
    assert.equal(s.taskState, '');
    assert.equal(s.vmState, 'ACTIVE');
  });

  it('a conductor restarted during a rebuild spawn finishes it: ACTIVE, one guest', async () => {
    const id = (await env.admin.servers.GetServer({ server: 'renamed' })).id;
    agent.spawnDelayMs = 1500;
    const calls = agent.calls.length;
    await env.admin.servers.RebuildServer({ server: id, image: 'base-a' });
    await waitFor(
      async () => agent.calls.slice(calls),
      (c) => c.includes(`spawn ${id}`),
      { what: 'the rebuild spawn to start', timeoutMs: 5000, intervalMs: 20 },
    );
    await env.restart();
    agent.spawnDelayMs = 50;
    const s = await waitServer(env.admin, id, settled, 15_000);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.host, 'hv-1');
    assert.equal(agent.instances.get(id)?.power, 'running');
    const a = (await env.admin.images.ListImages({})).images.find((i) => i.name === 'base-a');
    assert.equal(s.imageId, a?.id);
  });

  it('a delete during a snapshot ends the image killed, not queued forever', async () => {
    await env.admin.servers.CreateServer({ name: 'snap-del', image: 'base-a', flavor: 'm1.tiny' });
    await waitServer(env.admin, 'snap-del', settled);
    agent.exportDelayMs = 2000;
    const res = await env.admin.servers.CreateServerImage({ server: 'snap-del', name: 'snap-gone' });
    await env.admin.servers.DeleteServer({ server: 'snap-del' });
    agent.exportDelayMs = 0;
    assert.equal((await waitImage(res.imageId, (s) => s === 'active' || s === 'killed')).status, 'killed');
  });
});
