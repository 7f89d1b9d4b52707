// Host evacuate through the real conductor, with fake compute hosts and a storage
// host whose iSCSI side is REAL (tgt-lab.ts): a host whose agent dies is refused
// until it is down AND disabled (nothing changes meanwhile); then its running,
// stopped and volume-holding servers are rebuilt on another host — same
// addresses, the volume's target admitting only the new host, the dead host's
// usage given back exactly once — through a conductor restarted mid-way. When
// the dead host's agent returns, the conductor deletes its stale copies there
// without ever starting them, and the servers stay where they are.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { waitFor } from '../../harness/wait.ts';
import { TgtLab } from '../storage/tgt-lab.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

describe('conductor: host evacuate', () => {
  let env: Env;
  let lab: TgtLab;
  let dead: FakeAgent;
  let spare: FakeAgent;
  const ids: Record<string, string> = {};
  const before_: Record<string, Server__Output> = {};
  let volumeId = '';

  const addressesOf = (s: Server__Output) => JSON.stringify(s.addresses);
  const NAMES = ['run', 'off', 'vol', 'bfv'];

  before(async () => {
    lab = await new TgtLab().open();
    env = await startEnv(['st-1', 'hv-2', 'hv-3'], { downTimeS: 2, volumeTimeoutS: 20 });
    // The storage host has no room for a guest: the scheduler's only choice is hv-3.
    await env.startAgent('st-1', {
      underlayIp: lab.targetIp,
      capacity: { vcpus: 1, ramMib: 64, diskGib: 1 },
      storage: { tgtadm: lab.tgtadm, portal: { address: lab.targetIp, port: 3260 }, netns: lab.targetNs },
    });
    dead = await env.startAgent('hv-2', { underlayIp: lab.initiatorIp });
    spare = await env.startAgent('hv-3', { underlayIp: '10.99.0.3' });
    await uploadImage(env.admin, env.dir, 'img', true, 16);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 });
    await env.admin.networks.CreateNetwork({ name: 'enet', providerType: 'vxlan' });
    await env.admin.subnets.CreateSubnet({ name: 'esub', network: 'enet', cidr: '10.41.0.0/24' });
    const networks = [{ network: 'enet', port: '', fixedIp: '' }];
    for (const name of ['run', 'off', 'vol']) {
      const s = await env.admin.servers.CreateServer({ name, image: 'img', flavor: 'small', host: 'hv-2', networks });
      ids[name] = s.id;
      await waitServer(env.admin, s.id, settled);
    }
    await env.admin.servers.ServerAction({ server: 'off', action: 'stop', hard: true });
    await waitServer(env.admin, 'off', (s) => settled(s) && s.vmState === 'SHUTOFF');
    const v = await env.admin.volumes.CreateVolume({ name: 'evac-vol', sizeGib: 1 });
    volumeId = v.id;
    await waitFor(
      () => env.admin.volumes.GetVolume({ volume: v.id }),
      (x) => x.status === 'available',
      {
        what: 'the volume',
        timeoutMs: 30_000,
        intervalMs: 50,
      },
    );
    await env.admin.serverVolumes.AddServerVolume({ server: 'vol', volume: v.id, device: '' });
    await waitFor(
      () => env.admin.volumes.GetVolume({ volume: v.id }),
      (x) => x.status === 'in-use',
      {
        what: 'the volume attached',
        timeoutMs: 30_000,
        intervalMs: 50,
      },
    );
    // Booted from a volume made from the image: its root disk is that volume.
    const bfv = await env.admin.servers.CreateServer({
      name: 'bfv',
      image: 'img',
      flavor: 'small',
      host: 'hv-2',
      bootFromImageVolumeGib: 1,
    });
    ids.bfv = bfv.id;
    await waitServer(env.admin, bfv.id, settled, 30_000);
    for (const name of NAMES) before_[name] = await env.admin.servers.GetServer({ server: name });
  });
  after(async () => {
    await env?.close();
    await lab?.close();
  });

  it('refuses a host that is up, then one that is down but not disabled, changing nothing', async () => {
    await assert.rejects(
      env.admin.hosts.EvacuateHost({ host: 'hv-2', targetHost: '' }),
      (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'HOST_NOT_DOWN',
    );
    // The host dies: its agent is gone; its domains stay (killed below, as a dead host's are).
    await dead.stop({ keepHost: true });
    for (const id of Object.values(ids)) await dead.host.hv.destroy(id);
    await waitFor(
      () => env.admin.hosts.GetHost({ host: 'hv-2' }),
      (h) => h.state === 'down',
      {
        what: 'hv-2 down',
        timeoutMs: 10_000,
        intervalMs: 100,
      },
    );
    await assert.rejects(
      env.admin.hosts.EvacuateHost({ host: 'hv-2', targetHost: '' }),
      (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'HOST_NOT_DISABLED',
    );
    await assert.rejects(
      env.admin.hosts.EvacuateHost({ host: 'hv-2', targetHost: 'hv-2' }),
      (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'HOST_NOT_DISABLED',
    );
    await assert.rejects(env.admin.hosts.EvacuateHost({ host: 'nowhere', targetHost: '' }), (e) =>
      isStratoError(e, 'NOT_FOUND'),
    );
    await assert.rejects(
      env.admin.hosts.EvacuateHost({ host: 'hv-2', targetHost: 'nowhere' }),
      (e) => isStratoError(e, 'NOT_FOUND') && e.reason === 'HOST_NOT_FOUND' && /nowhere/.test(e.message),
    );
    for (const name of NAMES) {
      const s = await env.admin.servers.GetServer({ server: name });
      assert.equal(s.taskState, '', `${name} untouched`);
      assert.equal(s.host, 'hv-2');
    }
  });

  it('rebuilds every server on another host through a conductor restart', async () => {
    await env.admin.hosts.SetHostEnabled({ host: 'hv-2', enabled: false });
    await assert.rejects(
      env.admin.hosts.EvacuateHost({ host: 'hv-2', targetHost: 'hv-2' }),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'TARGET_HOST_SAME',
    );
    spare.spawnDelayMs = 1500;
    const res = await env.admin.hosts.EvacuateHost({ host: 'hv-2', targetHost: '' });
    assert.equal(res.host, 'hv-2');
    const plan = Object.fromEntries(res.servers.map((s) => [s.serverName, `${s.action} ${s.targetVmState}`]));
    assert.deepEqual(plan, {
      run: 'evacuating ACTIVE',
      off: 'evacuating SHUTOFF',
      vol: 'evacuating ACTIVE',
      bfv: 'evacuating ACTIVE',
    });
    // Asked again while it runs: listed again, nothing restarted.
    const again = await env.admin.hosts.EvacuateHost({ host: 'hv-2', targetHost: '' });
    assert.deepEqual(
      again.servers.map((s) => s.action),
      NAMES.map(() => 'evacuating'),
    );
    await waitServer(env.admin, 'run', (s) => s.host === 'hv-3' && s.taskState === 'evacuating', 15_000);
    await env.restart();
    spare.spawnDelayMs = 50;
    for (const [name, want] of [
      ['run', 'ACTIVE'],
      ['off', 'SHUTOFF'],
      ['vol', 'ACTIVE'],
      ['bfv', 'ACTIVE'],
    ]) {
      const s = await waitServer(env.admin, name as string, settled, 30_000);
      assert.equal(s.vmState, want, `${name}: ${JSON.stringify(s.fault)}`);
      assert.equal(s.host, 'hv-3');
      assert.equal(
        addressesOf(s),
        addressesOf(before_[name as string] as Server__Output),
        `${name} keeps its addresses`,
      );
      const events = (await env.admin.servers.ListServerEvents({ server: name as string })).events;
      const ev = events.find((e) => e.action === 'evacuate');
      assert.equal(ev?.result, 'success', `${name}: ${JSON.stringify(events)}`);
    }
    assert.equal(spare.instances.get(ids.off as string)?.power, 'shutdown');
    assert.equal(spare.instances.get(ids.run as string)?.power, 'running');
    // The volume went with its server; its target now admits hv-3 alone.
    assert.deepEqual(
      spare.host.spawnRequests.get(ids.vol as string)?.volumes.map((v) => v.volumeId),
      [volumeId],
    );
    assert.equal((await env.admin.volumes.GetVolume({ volume: volumeId })).status, 'in-use');
    const target = (await lab.tgtadm.targets()).find((t) => t.iqn.endsWith(volumeId));
    assert.deepEqual(target?.aclNames, ['iqn.2026-01.io.strato:host:hv-3']);
    // Usage: the dead host's claims went back once, the new host holds each once.
    const [h2, h3] = [await env.admin.hosts.GetHost({ host: 'hv-2' }), await env.admin.hosts.GetHost({ host: 'hv-3' })];
    assert.deepEqual([h2.instanceCount, h2.usage?.vcpus, h2.usage?.ramMib], [0, 0, 0]);
    assert.deepEqual([h3.instanceCount, h3.usage?.vcpus, h3.usage?.ramMib], [4, 4, 1024]);
    assert.equal(h3.usage?.diskGib, 3, 'the volume-backed server claims no local disk');
    assert.equal(spare.instances.size, 4);
    // The volume-backed server keeps its volume as its root disk (no image, no fresh disk).
    const bootVolume = before_.bfv?.volumes.find((v) => v.boot)?.volumeId ?? '';
    const bfvSpawn = spare.host.spawnRequests.get(ids.bfv as string);
    assert.equal(bfvSpawn?.bootVolume?.volumeId, bootVolume);
    const bootTarget = (await lab.tgtadm.targets()).find((t) => t.iqn.endsWith(bootVolume));
    assert.deepEqual(bootTarget?.aclNames, ['iqn.2026-01.io.strato:host:hv-3']);
  });

  it('the returning host deletes its stale copies without starting them', async () => {
    const startsBefore = dead.host.hv.calls.length;
    const back = await env.startAgent('hv-2', { underlayIp: lab.initiatorIp, host: dead.host });
    await waitFor(
      async () => back.instances.size,
      (n) => n === 0,
      { what: 'the stale copies on hv-2 to go', timeoutMs: 20_000, intervalMs: 100 },
    );
    const later = dead.host.hv.calls.slice(startsBefore);
    assert.ok(!later.some((c) => c.startsWith('start ')), `never started: ${later.join(', ')}`);
    assert.deepEqual(
      back.calls.filter((c) => c.startsWith('delete ')).sort(),
      Object.values(ids)
        .map((id) => `delete ${id}`)
        .sort(),
    );
    // Its taps go with the next network push (the ports are bound to hv-3 now).
    await waitFor(
      async () => back.host.network.state.ports.length,
      (n) => n === 0,
      { what: "hv-2's ports to go", timeoutMs: 20_000, intervalMs: 100 },
    );
    // The servers did not move or change for what hv-2 reported.
    for (const name of NAMES) {
      const s = await env.admin.servers.GetServer({ server: name });
      assert.equal(s.host, 'hv-3');
      assert.equal(s.vmState, name === 'off' ? 'SHUTOFF' : 'ACTIVE');
    }
    assert.equal((await env.admin.hosts.GetHost({ host: 'hv-2' })).instanceCount, 0);
  });
});
