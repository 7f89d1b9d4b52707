// kill -9 of the conductor in the middle of operations: on the same data dir a
// new conductor finds images, flavors, tokens and instances intact, finishes
// the interrupted boot (ACTIVE, spawned once) and the interrupted delete (which
// kept retrying while the host was down). Nothing stays in BUILD or deleting.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTestPki } from '../../harness/certs.ts';
import { FakeAgent } from '../../harness/fake-agent.ts';
import { freePort } from '../../harness/free-port.ts';
import { waitFor } from '../../harness/wait.ts';
import { type ChildConductor, startChildConductor } from './child-conductor.ts';
import { type Api, closeApi, login, settled, uploadImage, waitServer } from './helpers.ts';

describe('conductor: restart in the middle of work (kill -9)', () => {
  let dir: string;
  let args: string[];
  let child: ChildConductor | undefined;
  let admin: Api | undefined;
  let agent: FakeAgent | undefined;
  let registry: string;
  let tls: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strato-conductor-restart-'));
    tls = join(dir, 'tls');
    await makeTestPki(tls, ['hv-1']);
    const [api, reg] = [await freePort(), await freePort()];
    registry = `127.0.0.1:${reg}`;
    args = [
      '--data-dir',
      join(dir, 'data'),
      '--listen',
      `127.0.0.1:${api}`,
      '--registry-listen',
      registry,
      '--tls-dir',
      tls,
      '--heartbeat-interval-s',
      '0.3',
      '--down-time-s',
      '3',
      '--acpi-timeout-s',
      '1',
    ];
    child = await startChildConductor(args);
    const password = (await readFile(join(dir, 'data', 'admin-password'), 'utf8')).trim();
    admin = await login(`127.0.0.1:${api}`, join(tls, 'ca.crt'), 'admin', password);
    agent = await FakeAgent.start({ hostId: 'hv-1', tlsDir: tls, registry, heartbeatIntervalMs: 300 });
    await uploadImage(admin, dir, 'img', true);
    await admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 });
  });
  after(async () => {
    await agent?.stop();
    if (admin) closeApi(admin);
    await child?.kill9();
    await rm(dir, { recursive: true, force: true });
  });

  it('finishes a boot interrupted while spawning', async () => {
    const a = agent as FakeAgent;
    const api = admin as Api;
    a.spawnDelayMs = 1500;
    const created = await api.servers.CreateServer({ name: 'mid-boot', image: 'img', flavor: 'small' });
    await waitServer(api, 'mid-boot', (s) => s.taskState === 'spawning');
    await child?.kill9();
    child = await startChildConductor(args);
    // Same token: tokens, images and flavors survived.
    assert.equal((await api.images.GetImage({ image: 'img' })).status, 'active');
    assert.equal((await api.flavors.GetFlavor({ flavor: 'small' })).vcpus, 1);
    const s = await waitServer(api, created.id, settled, 15_000);
    assert.equal(s.vmState, 'ACTIVE', JSON.stringify(s.fault));
    assert.equal(s.powerState, 'RUNNING');
    assert.equal(a.instances.size, 1);
    assert.ok(a.instances.has(created.id));
    const host = await api.hosts.GetHost({ host: 'hv-1' });
    assert.equal(host.instanceCount, 1, 'claimed exactly once');
    a.spawnDelayMs = 50;
  });

  it('finishes a delete interrupted while its host was down', async () => {
    const api = admin as Api;
    const id = (await api.servers.GetServer({ server: 'mid-boot' })).id;
    const down = agent as FakeAgent;
    // The agent stops; its host (and the domain on it) stays.
    await down.stop({ keepHost: true });
    await api.servers.DeleteServer({ server: id });
    // The host is unreachable: the delete waits (and retries) in `deleting`.
    await new Promise((r) => setTimeout(r, 700));
    assert.equal((await api.servers.GetServer({ server: id })).taskState, 'deleting');
    await child?.kill9();
    child = await startChildConductor(args);
    assert.equal((await api.servers.GetServer({ server: id })).taskState, 'deleting');
    // The host comes back (a restarted agent, on a new port, registers again).
    const back = await FakeAgent.start({
      hostId: 'hv-1',
      tlsDir: tls,
      registry,
      heartbeatIntervalMs: 300,
      host: down.host,
    });
    agent = back;
    assert.equal(back.instances.get(id)?.power, 'running', 'the domain outlived its agent');
    await waitFor(
      async () => {
        const l = await api.servers.ListServers({ pageSize: 0, pageToken: '', allProjects: true });
        return l.servers.length === 0;
      },
      (done) => done,
      { what: 'the server to be gone', timeoutMs: 40_000, intervalMs: 50 },
    );
    assert.equal(back.instances.has(id), false, 'removed from the host');
    assert.equal((await api.hosts.GetHost({ host: 'hv-1' })).instanceCount, 0);
  });

  it('finishes a boot with a network interrupted while spawning: one port, bound, pushed again', async () => {
    const a = agent as FakeAgent;
    const api = admin as Api;
    await api.networks.CreateNetwork({ name: 'rnet', providerType: 'vxlan' });
    await api.subnets.CreateSubnet({ name: 'rsub', network: 'rnet', cidr: '10.40.0.0/24' });
    a.spawnDelayMs = 1500;
    const created = await api.servers.CreateServer({
      name: 'net-boot',
      image: 'img',
      flavor: 'small',
      networks: [{ network: 'rnet', port: '', fixedIp: '' }],
    });
    await waitServer(api, 'net-boot', (s) => s.taskState === 'spawning');
    const pushesBefore = a.applied.length;
    await child?.kill9();
    child = await startChildConductor(args);
    const s = await waitServer(api, created.id, settled, 15_000);
    a.spawnDelayMs = 50;
    assert.equal(s.vmState, 'ACTIVE', JSON.stringify(s.fault));
    const ports = (await api.ports.ListPorts({ network: 'rnet' })).ports;
    assert.equal(ports.length, 1, 'the port was made once');
    assert.equal(ports[0]?.deviceId, created.id);
    assert.equal(ports[0]?.bindingHost, 'hv-1');
    assert.deepEqual(
      s.ports.map((p) => p.portId),
      [ports[0]?.id],
    );
    assert.ok(a.applied.length > pushesBefore, 'the restarted conductor pushed the host again');
    assert.ok(a.lastState.ports.some((p) => p.portId === ports[0]?.id));
    await api.servers.DeleteServer({ server: created.id });
    await waitFor(
      async () => (await api.ports.ListPorts({ network: 'rnet' })).ports.length === 0,
      (done) => done,
      { what: 'the port to go with the server', intervalMs: 50 },
    );
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const code = await child?.stop();
    assert.equal(code, 0, child?.output().slice(-2000));
    assert.match(child?.output() ?? '', /"conductor stopped"/);
  });
});
