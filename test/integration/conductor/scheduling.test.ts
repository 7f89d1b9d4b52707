// Scheduling through the real conductor with two FAKE agents: spread, "No valid
// host" with its reasons and no claim left, a reschedule after a spawn failure
// (DATA_LOSS / IMAGE_CHECKSUM_MISMATCH from a corrupted cache), an ERROR after
// every host failed, and concurrent boots that never over-commit a host.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { waitFor } from '../../harness/wait.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

async function deleteAll(env: Env): Promise<void> {
  const { servers } = await env.admin.servers.ListServers({ pageSize: 1000, pageToken: '', allProjects: true });
  for (const s of servers) await env.admin.servers.DeleteServer({ server: s.id });
  await waitFor(
    async () => {
      const l = await env.admin.servers.ListServers({ pageSize: 1000, pageToken: '', allProjects: true });
      return l.servers.length === 0;
    },
    (done) => done,
    { what: 'every server deleted', intervalMs: 50 },
  );
}

describe('conductor: scheduling with two fake agents', () => {
  let env: Env;
  let hv1: FakeAgent;
  let hv2: FakeAgent;

  before(async () => {
    // What the hosts can take is under test here, so project quotas (checked before
    // scheduling: a 64-vCPU server is past the default 20 cores) stay out of the way.
    env = await startEnv(['hv-1', 'hv-2'], {
      allocationRatio: { cpu: 1, ram: 1, disk: 1 },
      quotaDefaults: { instances: -1, cores: -1, ramMib: -1 },
    });
    hv1 = await env.startAgent('hv-1', { capacity: { vcpus: 4, ramMib: 4096, diskGib: 40 } });
    hv2 = await env.startAgent('hv-2', { capacity: { vcpus: 4, ramMib: 4096, diskGib: 40 } });
    await uploadImage(env.admin, env.dir, 'img', true);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 512, diskGib: 1 });
    await env.admin.flavors.CreateFlavor({ name: 'huge', vcpus: 64, ramMib: 4096, diskGib: 1 });
  });
  after(async () => {
    await env?.close();
  });

  it('spreads servers across the hosts', async () => {
    for (const n of ['a', 'b']) await env.admin.servers.CreateServer({ name: n, image: 'img', flavor: 'small' });
    const a = await waitServer(env.admin, 'a', settled);
    const b = await waitServer(env.admin, 'b', settled);
    assert.equal(a.vmState, 'ACTIVE');
    assert.equal(b.vmState, 'ACTIVE');
    assert.notEqual(a.host, b.host);
    await deleteAll(env);
  });

  it('a flavor larger than any host ends in ERROR "No valid host" with reasons and no claim', async () => {
    await env.admin.servers.CreateServer({ name: 'big', image: 'img', flavor: 'huge' });
    const s = await waitServer(env.admin, 'big', settled);
    assert.equal(s.vmState, 'ERROR');
    assert.equal(s.fault?.reason, 'NO_VALID_HOST');
    assert.match(s.fault?.message ?? '', /No valid host was found/);
    assert.match(s.fault?.message ?? '', /cpu: 2 hosts rejected/);
    assert.match(s.fault?.message ?? '', /needs 64 vCPU/);
    assert.equal(s.host, '');
    for (const h of ['hv-1', 'hv-2']) {
      const host = await env.admin.hosts.GetHost({ host: h });
      assert.equal(host.instanceCount, 0, `${h} has no claim`);
    }
    const { events } = await env.admin.servers.ListServerEvents({ server: 'big' });
    assert.equal(events[0]?.result, 'error');
    assert.match(events[0]?.error ?? '', /No valid host/);
    await deleteAll(env);
  });

  it('reschedules a spawn that failed with a corrupted image cache to the other host', async () => {
    // Forced first onto hv-1 (admin --host) would bypass alternates; instead make
    // hv-1 the only attractive host: hv-2 is disabled until hv-1 has failed.
    hv1.corruptCache = true;
    await env.admin.hosts.SetHostEnabled({ host: 'hv-2', enabled: false });
    await env.admin.servers.CreateServer({ name: 'resched', image: 'img', flavor: 'small' });
    // hv-1 fails, hv-2 is disabled: ERROR with both reasons. Then the real test:
    const failed = await waitServer(env.admin, 'resched', settled);
    assert.equal(failed.vmState, 'ERROR');
    assert.match(failed.fault?.message ?? '', /IMAGE_CHECKSUM_MISMATCH/);
    assert.match(failed.fault?.message ?? '', /enabled: 1 host rejected/);
    await env.admin.hosts.SetHostEnabled({ host: 'hv-2', enabled: true });

    hv1.corruptCache = true;
    const calls1 = hv1.calls.length;
    // hv-1 has more free room than hv-2 after this boot on hv-2 … so fill hv-2 a bit first.
    await env.admin.servers.CreateServer({ name: 'filler', image: 'img', flavor: 'small', host: 'hv-2' });
    await waitServer(env.admin, 'filler', settled);
    await env.admin.servers.CreateServer({ name: 'resched-2', image: 'img', flavor: 'small' });
    const s = await waitServer(env.admin, 'resched-2', settled);
    assert.equal(s.vmState, 'ACTIVE', JSON.stringify(s.fault));
    assert.equal(s.host, 'hv-2');
    assert.ok(
      hv1.calls.slice(calls1).some((c) => c === `spawn ${s.id}`),
      'hv-1 was tried first',
    );
    assert.equal(hv1.instances.has(s.id), false);
    const h1 = await env.admin.hosts.GetHost({ host: 'hv-1' });
    assert.equal(h1.instanceCount, 0, 'the failed claim on hv-1 was released');
    hv1.corruptCache = false;
    await deleteAll(env);
  });

  it('ends in ERROR naming every host when all spawns fail', async () => {
    const err = new StratoError('INTERNAL', 'HYPERVISOR_REFUSED', 'libvirt said no');
    hv1.failSpawn = err;
    hv2.failSpawn = err;
    try {
      await env.admin.servers.CreateServer({ name: 'doomed', image: 'img', flavor: 'small' });
      const s = await waitServer(env.admin, 'doomed', settled);
      assert.equal(s.vmState, 'ERROR');
      assert.match(s.fault?.message ?? '', /hv-1: INTERNAL HYPERVISOR_REFUSED/);
      assert.match(s.fault?.message ?? '', /hv-2: INTERNAL HYPERVISOR_REFUSED/);
      for (const h of ['hv-1', 'hv-2']) assert.equal((await env.admin.hosts.GetHost({ host: h })).instanceCount, 0);
    } finally {
      hv1.failSpawn = undefined;
      hv2.failSpawn = undefined;
    }
    await deleteAll(env);
  });

  it('concurrent boots never over-commit: usage equals the sum of the flavors', async () => {
    // 2 hosts × 4 vCPU = 8 servers fit; 10 asked for at once.
    const names = Array.from({ length: 10 }, (_, i) => `c${i}`);
    await Promise.all(names.map((name) => env.admin.servers.CreateServer({ name, image: 'img', flavor: 'small' })));
    const final: Server__Output[] = [];
    for (const n of names) final.push(await waitServer(env.admin, n, settled, 20_000));
    const active = final.filter((s) => s.vmState === 'ACTIVE');
    const errors = final.filter((s) => s.vmState === 'ERROR');
    assert.equal(active.length, 8);
    assert.equal(errors.length, 2);
    for (const e of errors) assert.equal(e.fault?.reason, 'NO_VALID_HOST');
    for (const [h, agent] of [
      ['hv-1', hv1],
      ['hv-2', hv2],
    ] as const) {
      const host = await env.admin.hosts.GetHost({ host: h });
      const mine = active.filter((s) => s.host === h);
      assert.equal(host.usage?.vcpus, mine.length, `${h} vCPU usage`);
      assert.equal(host.usage?.ramMib, mine.length * 512, `${h} RAM usage`);
      assert.ok((host.usage?.vcpus ?? 0) <= 4, `${h} not over-committed`);
      assert.equal(agent.instances.size, mine.length);
    }
    await deleteAll(env);
  });
});
