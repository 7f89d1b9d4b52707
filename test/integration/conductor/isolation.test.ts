// Who may do what: an agent whose certificate names another host is refused by
// the registry; members of one project neither see nor touch another project's
// servers (NOT_FOUND, as for a server that does not exist); only admins see
// hosts, force a host, or list all projects.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isCode } from '../../harness/errors.ts';
import { FakeAgent } from '../../harness/fake-agent.ts';
import { type Api, closeApi, type Env, login, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

describe('conductor: identities and projects', () => {
  let env: Env;
  let alice: Api;
  let bob: Api;

  before(async () => {
    env = await startEnv(['hv-1']);
    await env.startAgent('hv-1');
    await uploadImage(env.admin, env.dir, 'img', true);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 });
    for (const [user, project] of [
      ['alice', 'red'],
      ['bob', 'blue'],
    ] as const) {
      await env.admin.identity.CreateProject({ name: project });
      await env.admin.identity.CreateUser({ name: user, password: `${user}-secret-pw`, project, role: 'member' });
    }
    const ca = join(env.tls, 'ca.crt');
    alice = await login(env.apiAddress, ca, 'alice', 'alice-secret-pw');
    bob = await login(env.apiAddress, ca, 'bob', 'bob-secret-pw');
  });
  after(async () => {
    if (alice) closeApi(alice);
    if (bob) closeApi(bob);
    await env?.close();
  });

  it('refuses an agent whose certificate names another host', async () => {
    await assert.rejects(
      FakeAgent.start({ hostId: 'hv-1', certName: 'impostor', tlsDir: env.tls, registry: env.registryAddress }),
      isCode('PERMISSION_DENIED', 'HOST_IDENTITY_MISMATCH'),
    );
    await assert.rejects(
      FakeAgent.start({ hostId: 'hv-9', certName: 'impostor', tlsDir: env.tls, registry: env.registryAddress }),
      isCode('PERMISSION_DENIED', 'HOST_IDENTITY_MISMATCH'),
    );
    const { hosts } = await env.admin.hosts.ListHosts({});
    assert.deepEqual(
      hosts.map((h) => h.id),
      ['hv-1'],
    );
  });

  it("keeps each project's servers to itself", async () => {
    await alice.servers.CreateServer({ name: 'red-1', image: 'img', flavor: 'small' });
    const s = await waitServer(alice, 'red-1', settled);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.host, '', 'members do not see hosts');
    // Bob: by name, by id, every verb — NOT_FOUND, as if it did not exist.
    for (const ref of ['red-1', s.id]) {
      await assert.rejects(bob.servers.GetServer({ server: ref }), isCode('NOT_FOUND', 'SERVER_NOT_FOUND'));
      await assert.rejects(bob.servers.DeleteServer({ server: ref }), isCode('NOT_FOUND'));
      await assert.rejects(bob.servers.ServerAction({ server: ref, action: 'stop', hard: false }), isCode('NOT_FOUND'));
      await assert.rejects(bob.servers.GetConsoleLog({ server: ref, lines: 5 }), isCode('NOT_FOUND'));
      await assert.rejects(bob.servers.ListServerEvents({ server: ref }), isCode('NOT_FOUND'));
    }
    const bobs = await bob.servers.ListServers({ pageSize: 0, pageToken: '', allProjects: true });
    assert.equal(bobs.servers.length, 0, 'all_projects means nothing to a member');
    // Bob may use the same name in his project.
    await bob.servers.CreateServer({ name: 'red-1', image: 'img', flavor: 'small' });
    const bs = await waitServer(bob, 'red-1', settled);
    assert.notEqual(bs.id, s.id);
    // The admin sees both only when asking for all projects.
    const own = await env.admin.servers.ListServers({ pageSize: 0, pageToken: '', allProjects: false });
    assert.equal(own.servers.length, 0);
    const all = await env.admin.servers.ListServers({ pageSize: 0, pageToken: '', allProjects: true });
    assert.deepEqual(all.servers.map((x) => x.name).sort(), ['red-1', 'red-1']);
    assert.ok(
      all.servers.every((x) => x.host === 'hv-1'),
      'admins see hosts',
    );
    const got = await env.admin.servers.GetServer({ server: s.id });
    assert.equal(got.projectId, s.projectId);
    await alice.servers.DeleteServer({ server: 'red-1' });
    await bob.servers.DeleteServer({ server: 'red-1' });
  });

  it('paginates server lists in name order', async () => {
    for (const n of ['p-c', 'p-a', 'p-b']) await alice.servers.CreateServer({ name: n, image: 'img', flavor: 'small' });
    const first = await alice.servers.ListServers({ pageSize: 2, pageToken: '', allProjects: false });
    const names = first.servers.map((x) => x.name);
    assert.notEqual(first.nextPageToken, '');
    const second = await alice.servers.ListServers({ pageSize: 2, pageToken: first.nextPageToken, allProjects: false });
    names.push(...second.servers.map((x) => x.name));
    assert.deepEqual(
      names.filter((n) => n.startsWith('p-')),
      ['p-a', 'p-b', 'p-c'],
    );
    for (const n of ['p-a', 'p-b', 'p-c']) await alice.servers.DeleteServer({ server: n });
  });

  it('keeps admin-only operations for admins', async () => {
    await assert.rejects(alice.hosts.ListHosts({}), isCode('PERMISSION_DENIED'));
    await assert.rejects(alice.hosts.SetHostEnabled({ host: 'hv-1', enabled: false }), isCode('PERMISSION_DENIED'));
    await assert.rejects(
      alice.servers.CreateServer({ name: 'forced', image: 'img', flavor: 'small', host: 'hv-1' }),
      isCode('PERMISSION_DENIED', 'FORCE_HOST_NOT_ALLOWED'),
    );
    const { servers } = await alice.servers.ListServers({ pageSize: 0, pageToken: '', allProjects: false });
    assert.ok(!servers.some((x) => x.name === 'forced'), 'a refused create changes nothing');
  });

  it('validates create requests before recording anything', async () => {
    await assert.rejects(
      alice.servers.CreateServer({ name: 'x', image: 'img', flavor: 'small', userData: Buffer.alloc(64 * 1024 + 1) }),
      isCode('INVALID_ARGUMENT', 'USER_DATA_TOO_LARGE'),
    );
    await assert.rejects(
      alice.servers.CreateServer({ name: 'bad name!', image: 'img', flavor: 'small' }),
      isCode('INVALID_ARGUMENT', 'NAME_INVALID'),
    );
    await assert.rejects(
      alice.servers.CreateServer({ name: 'x', image: 'nope', flavor: 'small' }),
      isCode('NOT_FOUND', 'IMAGE_NOT_FOUND'),
    );
    await assert.rejects(
      alice.servers.CreateServer({ name: 'x', image: 'img', flavor: 'nope' }),
      isCode('NOT_FOUND', 'FLAVOR_NOT_FOUND'),
    );
    // Bob's private image is invisible to Alice.
    await uploadImage(bob, env.dir, 'bobs-private', false);
    await assert.rejects(
      alice.servers.CreateServer({ name: 'x', image: 'bobs-private', flavor: 'small' }),
      isCode('NOT_FOUND', 'IMAGE_NOT_FOUND'),
    );
    // An image larger than the flavor's disk.
    await uploadImage(env.admin, env.dir, 'fat', true, 2048);
    await assert.rejects(
      alice.servers.CreateServer({ name: 'x', image: 'fat', flavor: 'small' }),
      isCode('FAILED_PRECONDITION', 'IMAGE_TOO_LARGE_FOR_FLAVOR'),
    );
    await assert.rejects(alice.servers.GetServer({ server: 'x' }), isCode('NOT_FOUND'));
  });
});
