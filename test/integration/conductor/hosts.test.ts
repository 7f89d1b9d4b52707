// The Hosts API and up/down: a host that stops heartbeating goes down after the
// configured down-time and gets no new servers; it comes back with its next
// heartbeat; a disabled host keeps its servers but gets no new ones.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { waitFor } from '../../harness/wait.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

describe('conductor: hosts', () => {
  let env: Env;
  let agent: FakeAgent;

  before(async () => {
    env = await startEnv(['hv-1', 'hv-2'], { downTimeS: 1.5 });
    agent = await env.startAgent('hv-1', { capacity: { vcpus: 2, ramMib: 2048, diskGib: 20 } });
    await uploadImage(env.admin, env.dir, 'img', true);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 512, diskGib: 2 });
  });
  after(async () => {
    await env?.close();
  });

  it('shows capacity, usage from the claims, and the agent facts', async () => {
    await env.admin.servers.CreateServer({ name: 'one', image: 'img', flavor: 'small' });
    await waitServer(env.admin, 'one', settled);
    const { hosts } = await env.admin.hosts.ListHosts({});
    assert.equal(hosts.length, 1);
    const h = hosts[0]!;
    assert.equal(h.id, 'hv-1');
    assert.equal(h.address, agent.address);
    assert.equal(h.state, 'up');
    assert.equal(h.enabled, true);
    assert.equal(h.virtType, 'qemu');
    assert.deepEqual(h.capacity, { vcpus: 2, ramMib: 2048, diskGib: 20 });
    assert.deepEqual(h.usage, { vcpus: 1, ramMib: 512, diskGib: 2 });
    assert.equal(h.instanceCount, 1);
    assert.ok(Date.now() - Date.parse(h.lastHeartbeatAt) < 2000);
  });

  it('a silent host goes down, gets no new servers, and comes back with a heartbeat', async () => {
    agent.pauseHeartbeats();
    await waitFor(
      async () => (await env.admin.hosts.GetHost({ host: 'hv-1' })).state === 'down',
      (done) => done,
      { what: 'hv-1 down', intervalMs: 50 },
    );
    await env.admin.servers.CreateServer({ name: 'while-down', image: 'img', flavor: 'small' });
    const s = await waitServer(env.admin, 'while-down', settled);
    assert.equal(s.vmState, 'ERROR');
    assert.match(s.fault?.message ?? '', /up: 1 host rejected \(hv-1: down/);
    agent.resumeHeartbeats();
    await waitFor(
      async () => (await env.admin.hosts.GetHost({ host: 'hv-1' })).state === 'up',
      (done) => done,
      { what: 'hv-1 up', intervalMs: 50 },
    );
    await env.admin.servers.DeleteServer({ server: 'while-down' });
  });

  it('a disabled host keeps its servers and gets no new ones', async () => {
    const off = await env.admin.hosts.SetHostEnabled({ host: 'hv-1', enabled: false });
    assert.equal(off.enabled, false);
    await env.admin.servers.CreateServer({ name: 'while-disabled', image: 'img', flavor: 'small' });
    const s = await waitServer(env.admin, 'while-disabled', settled);
    assert.equal(s.vmState, 'ERROR');
    assert.match(s.fault?.message ?? '', /enabled: 1 host rejected/);
    assert.equal((await env.admin.servers.GetServer({ server: 'one' })).vmState, 'ACTIVE');
    // Re-registering (an agent restart) keeps the operator's choice.
    await agent.register();
    assert.equal((await env.admin.hosts.GetHost({ host: 'hv-1' })).enabled, false);
    await env.admin.hosts.SetHostEnabled({ host: 'hv-1', enabled: true });
    await env.admin.servers.CreateServer({ name: 'after', image: 'img', flavor: 'small' });
    assert.equal((await waitServer(env.admin, 'after', settled)).vmState, 'ACTIVE');
  });

  it('answers NOT_FOUND for an unknown host', async () => {
    await assert.rejects(env.admin.hosts.GetHost({ host: 'hv-404' }), { code: 'NOT_FOUND', reason: 'HOST_NOT_FOUND' });
  });

  it('lists hosts in id order, one page at a time', async () => {
    await env.startAgent('hv-2', { capacity: { vcpus: 2, ramMib: 2048, diskGib: 20 } });
    await waitFor(
      async () => (await env.admin.hosts.ListHosts({})).hosts.length === 2,
      (done) => done,
      { what: 'hv-2 to register', intervalMs: 50 },
    );
    const first = await env.admin.hosts.ListHosts({ pageSize: 1 });
    assert.deepEqual(
      first.hosts.map((h) => h.id),
      ['hv-1'],
    );
    assert.notEqual(first.nextPageToken, '');
    const second = await env.admin.hosts.ListHosts({ pageSize: 1, pageToken: first.nextPageToken });
    assert.deepEqual(
      second.hosts.map((h) => h.id),
      ['hv-2'],
    );
    assert.equal(second.nextPageToken, '');
    await assert.rejects(env.admin.hosts.ListHosts({ pageToken: 'garbage' }), {
      code: 'INVALID_ARGUMENT',
      reason: 'PAGE_TOKEN_INVALID',
    });
  });
});
