// Router placement on the real conductor with fake agents registering their
// roles over mutual TLS: only enabled, up hosts with the network role take
// routers, the one with the fewest first (ties by host id); a router's status
// follows its host.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { waitFor } from '../../harness/wait.ts';
import { closeApi, type Env, login, startEnv, uploadImage } from './helpers.ts';

describe('conductor: router placement on network hosts', () => {
  let env: Env;
  before(async () => {
    env = await startEnv(['l3p-compute', 'l3p-net-b', 'l3p-net-a']);
    await env.startAgent('l3p-compute');
    await env.startAgent('l3p-net-b', { networkRole: true });
    await env.startAgent('l3p-net-a', { networkRole: true });
  });
  after(() => env?.close());

  const create = (name: string) => env.admin.routers.CreateRouter({ name });

  it('registers the network role and places routers on the least loaded network host', async () => {
    const host = await env.admin.hosts.GetHost({ host: 'l3p-net-a' });
    assert.deepEqual(host.roles, ['compute', 'network']);
    const placed = [];
    for (const name of ['p1', 'p2', 'p3']) placed.push((await create(name)).host);
    assert.deepEqual(placed, ['l3p-net-a', 'l3p-net-b', 'l3p-net-a']);
    const r = await env.admin.routers.GetRouter({ router: 'p1' });
    assert.equal(r.status, 'ACTIVE');
  });

  it('skips disabled hosts, and without any is FAILED_PRECONDITION/NO_NETWORK_HOST', async () => {
    await env.admin.hosts.SetHostEnabled({ host: 'l3p-net-b', enabled: false });
    try {
      assert.equal((await create('p4')).host, 'l3p-net-a', 'the only enabled one, however loaded');
      await env.admin.hosts.SetHostEnabled({ host: 'l3p-net-a', enabled: false });
      await assert.rejects(
        create('p5'),
        (e: unknown) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'NO_NETWORK_HOST',
      );
      const names = (await env.admin.routers.ListRouters({})).routers.map((x) => x.name);
      assert.deepEqual(names, ['p1', 'p2', 'p3', 'p4'], 'nothing made by the refused call');
    } finally {
      await env.admin.hosts.SetHostEnabled({ host: 'l3p-net-a', enabled: true });
      await env.admin.hosts.SetHostEnabled({ host: 'l3p-net-b', enabled: true });
    }
  });

  it("refuses a server NIC on another project's external network: PERMISSION_DENIED naming the field", async () => {
    const ext = await env.admin.networks.CreateNetwork({
      name: 'l3p-public',
      providerType: 'flat',
      physicalBridge: 'l3ppub0',
      external: true,
    });
    await env.admin.subnets.CreateSubnet({ name: 'l3p-public-sub', network: ext.id, cidr: '203.0.113.0/24' });
    await uploadImage(env.admin, env.dir, 'l3p-img', true);
    await env.admin.flavors.CreateFlavor({ name: 'l3p-small', vcpus: 1, ramMib: 64, diskGib: 1 });
    await env.admin.identity.CreateProject({ name: 'l3p-tenant' });
    await env.admin.identity.CreateUser({
      name: 'l3p-user',
      password: 'l3p-user-secret',
      project: 'l3p-tenant',
      role: 'member',
    });
    const m = await login(env.apiAddress, `${env.tls}/ca.crt`, 'l3p-user', 'l3p-user-secret');
    try {
      await assert.rejects(
        m.servers.CreateServer({
          name: 'l3p-vm',
          image: 'l3p-img',
          flavor: 'l3p-small',
          networks: [{ network: 'l3p-public' }],
        }),
        (e: unknown) =>
          isStratoError(e, 'PERMISSION_DENIED') &&
          e.reason === 'NETWORK_EXTERNAL' &&
          e.details.field === 'networks[0].network',
      );
      assert.equal((await m.servers.ListServers({})).servers.length, 0);
      // The cloud admin's own project may put a server there (it owns the network).
      const s = await env.admin.servers.CreateServer({
        name: 'l3p-admin-vm',
        image: 'l3p-img',
        flavor: 'l3p-small',
        networks: [{ network: 'l3p-public' }],
      });
      assert.equal(s.name, 'l3p-admin-vm');
    } finally {
      closeApi(m);
    }
  });

  it('shows BUILD while its host is down, and skips a down host', async () => {
    const b = env.agents.find((a) => a.hostId === 'l3p-net-b');
    assert.ok(b);
    await b.stop();
    await waitFor(
      () => env.admin.routers.GetRouter({ router: 'p2' }),
      (r) => r.status === 'BUILD',
      { what: 'the router of the stopped host to show BUILD', timeoutMs: 10_000, intervalMs: 100 },
    );
    assert.equal((await create('p6')).host, 'l3p-net-a');
  });
});
