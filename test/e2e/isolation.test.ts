// Projects are walls: a member of one project can neither see nor touch another
// project's servers or private images — every such call answers NOT_FOUND, exactly
// as for something that does not exist, so nothing can even be probed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ErrorCode, isStratoError } from '../../common/errors.ts';
import { testImage } from '../harness/test-image.ts';
import type { Api } from './lib/api.ts';
import { useCloud } from './lib/fixture.ts';

async function rejectsWith(code: ErrorCode, p: Promise<unknown>, what: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(isStratoError(err, code), `${what}: expected ${code}, got ${String(err)}`);
    return true;
  });
}

describe('project isolation (e2e)', { timeout: 600_000 }, () => {
  const cloud = useCloud({ hosts: 1 });
  let alice: Api;
  let bob: Api;
  let serverId = '';
  let imageId = '';

  it('sets up two projects, a private image and a server in the first', async () => {
    const c = cloud();
    for (const [project, user] of [
      ['proj-a', 'alice'],
      ['proj-b', 'bob'],
    ] as const) {
      await c.admin.identity.CreateProject({ name: project });
      await c.admin.identity.CreateUser({ name: user, password: `${user}-secret-pw`, project, role: 'member' });
    }
    alice = await c.api();
    await alice.login('alice', 'alice-secret-pw', 'proj-a');
    bob = await c.api();
    await bob.login('bob', 'bob-secret-pw', 'proj-b');
    const img = await alice.uploadImage('private-a', (await testImage()).disk, { public: false });
    assert.equal(img.status, 'active');
    assert.equal(img.public, false);
    imageId = img.id;
    serverId = (await c.servers.create({ name: 'vm-a', image: imageId, flavor: 'm1.tiny' }, alice)).id;
    await c.servers.waitForState(serverId, 'ACTIVE', 'RUNNING', undefined, alice);
  });

  it("hides another project's servers: lists, reads, actions and delete all answer NOT_FOUND", async () => {
    const listed = (await bob.servers.ListServers({})).servers.map((s) => s.id);
    assert.ok(!listed.includes(serverId), 'listed to another project');
    await rejectsWith('NOT_FOUND', bob.servers.GetServer({ server: serverId }), 'GetServer by id');
    await rejectsWith('NOT_FOUND', bob.servers.GetServer({ server: 'vm-a' }), 'GetServer by name');
    await rejectsWith('NOT_FOUND', bob.servers.GetConsoleLog({ server: serverId, lines: 10 }), 'GetConsoleLog');
    await rejectsWith('NOT_FOUND', bob.servers.ListServerEvents({ server: serverId }), 'ListServerEvents');
    for (const action of ['stop', 'reboot', 'pause', 'suspend']) {
      await rejectsWith('NOT_FOUND', bob.servers.ServerAction({ server: serverId, action, hard: false }), action);
    }
    await rejectsWith('NOT_FOUND', bob.servers.DeleteServer({ server: serverId }), 'DeleteServer');
    // Asking for every project is an admin's privilege; a member never gets more than their own.
    const all = await bob.servers.ListServers({ allProjects: true }).then(
      (r) => r.servers.map((s) => s.id),
      (err: unknown) => {
        assert.ok(isStratoError(err, 'PERMISSION_DENIED'), String(err));
        return [] as string[];
      },
    );
    assert.ok(!all.includes(serverId));
  });

  it("hides another project's private images, and refuses to boot from them", async () => {
    const c = cloud();
    const listed = (await bob.images.ListImages({})).images.map((i) => i.id);
    assert.ok(!listed.includes(imageId), 'private image listed to another project');
    assert.ok(listed.includes(c.image.id), 'public images are visible to every project');
    await rejectsWith('NOT_FOUND', bob.images.GetImage({ image: imageId }), 'GetImage by id');
    await rejectsWith('NOT_FOUND', bob.images.GetImage({ image: 'private-a' }), 'GetImage by name');
    await rejectsWith('NOT_FOUND', bob.images.DeleteImage({ image: imageId }), 'DeleteImage');
    await rejectsWith(
      'NOT_FOUND',
      bob.servers.CreateServer({ name: 'steal', image: imageId, flavor: 'm1.tiny' }),
      'CreateServer from a private image',
    );
    await rejectsWith('NOT_FOUND', bob.images.UploadImage([{ imageId, data: Buffer.from('x') }]), 'UploadImage');
  });

  it('keeps admin-only calls for admins, and every call authenticated', async () => {
    const c = cloud();
    await rejectsWith('PERMISSION_DENIED', bob.hosts.ListHosts({}), 'ListHosts');
    await rejectsWith(
      'PERMISSION_DENIED',
      bob.servers.CreateServer({ name: 'pinned', image: 'testvm', flavor: 'm1.tiny', host: c.hosts[0]!.id }),
      'CreateServer --host',
    );
    await rejectsWith(
      'PERMISSION_DENIED',
      bob.images.CreateImage({ name: 'pub', diskFormat: 'qcow2', public: true }),
      'public image',
    );
    const anon = await c.api();
    await rejectsWith('UNAUTHENTICATED', anon.servers.ListServers({}), 'ListServers without a token');
    anon.token = 'not-a-token';
    await rejectsWith('UNAUTHENTICATED', anon.images.ListImages({}), 'ListImages with a bogus token');
  });

  it("leaves the owner's server and image untouched; admins see them only when asking for all projects", async () => {
    const c = cloud();
    const s = await c.servers.get(serverId, alice);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.taskState, '');
    assert.deepEqual(
      (await alice.servers.ListServerEvents({ server: serverId })).events.map((e) => e.action),
      ['create'],
      'a refused call from another project must not be recorded as an action',
    );
    assert.equal((await alice.images.GetImage({ image: imageId })).status, 'active');
    const own = (await c.admin.servers.ListServers({})).servers.map((x) => x.id);
    assert.ok(!own.includes(serverId), "an admin's plain list shows only the admin project");
    const all = (await c.admin.servers.ListServers({ allProjects: true })).servers.map((x) => x.id);
    assert.ok(all.includes(serverId));
    await c.servers.deleteAndWait(serverId, 60_000, alice);
  });
});
