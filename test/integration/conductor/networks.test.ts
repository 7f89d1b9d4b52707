// Servers on networks, with a real conductor and two FAKE agents that record
// what is pushed to them (test/harness/fake-agent.ts): ports made and bound to
// the host the server landed on, each host's state pushed before the spawn,
// VXLAN peers naming the other host's underlay address, DHCP entries for every
// port, addresses on the server; delete gives the addresses back and pushes
// the removal; another project's port or network is NOT_FOUND and nothing is
// made; NIC hot-plug calls AttachPort/DetachPort.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { StratoError } from '../../../common/errors.ts';
import { isCode } from '../../harness/errors.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { waitFor } from '../../harness/wait.ts';
import { type Api, closeApi, type Env, login, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

const UNDERLAY = { 'hv-1': '10.99.0.1', 'hv-2': '10.99.0.2' } as const;

const netOf = (s: DesiredHostNetwork, id: string) => s.networks.find((n) => n.networkId === id);

describe('conductor: servers on networks', () => {
  let env: Env;
  let hv1: FakeAgent;
  let hv2: FakeAgent;
  let netId = '';
  let carol: Api | undefined;

  before(async () => {
    env = await startEnv(['hv-1', 'hv-2', 'hv-old']);
    hv1 = await env.startAgent('hv-1', { underlayIp: UNDERLAY['hv-1'] });
    hv2 = await env.startAgent('hv-2', { underlayIp: UNDERLAY['hv-2'] });
    await uploadImage(env.admin, env.dir, 'img', true);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 });
    netId = (await env.admin.networks.CreateNetwork({ name: 'net1', providerType: 'vxlan' })).id;
    await env.admin.subnets.CreateSubnet({ name: 'sub1', network: 'net1', cidr: '10.10.0.0/24' });
  });
  after(async () => {
    if (carol) closeApi(carol);
    await env?.close();
  });

  it('boots on two hosts: ports bound there, states pushed before spawning, peers and DHCP entries', async () => {
    for (const [name, host] of [
      ['vm-a', 'hv-1'],
      ['vm-b', 'hv-2'],
    ] as const) {
      const c = await env.admin.servers.CreateServer({
        name,
        image: 'img',
        flavor: 'small',
        host,
        networks: [{ network: 'net1', port: '', fixedIp: '' }],
      });
      assert.equal(c.taskState, 'networking');
    }
    const a = await waitServer(env.admin, 'vm-a', settled);
    const b = await waitServer(env.admin, 'vm-b', settled);
    assert.equal(a.vmState, 'ACTIVE', JSON.stringify(a.fault));
    assert.equal(b.vmState, 'ACTIVE', JSON.stringify(b.fault));
    const [pa, pb] = [a.ports[0], b.ports[0]];
    assert.ok(pa && pb, 'each server has one NIC');
    assert.equal(pa.networkName, 'net1');
    assert.equal(pa.owned, true);
    assert.deepEqual(a.addresses, { net1: { ips: pa.ips, floatingIps: [] } });
    assert.match(pa.ips[0] ?? '', /^10\.10\.0\.\d+$/);
    assert.notEqual(pa.ips[0], pb.ips[0]);

    for (const [srv, port, host] of [
      [a, pa, 'hv-1'],
      [b, pb, 'hv-2'],
    ] as const) {
      const rec = await env.admin.ports.GetPort({ port: port.portId });
      assert.equal(rec.bindingHost, host);
      assert.equal(rec.deviceId, srv.id);
    }

    // What each agent got with the spawn, and that its state came first.
    for (const [agent, srv, port] of [
      [hv1, a, pa],
      [hv2, b, pb],
    ] as const) {
      const spec = agent.instances.get(srv.id)?.spec;
      assert.ok(spec);
      assert.equal(spec.ports.length, 1);
      const sp = spec.ports[0];
      assert.equal(sp?.portId, port.portId);
      assert.equal(sp?.mac, port.mac);
      assert.equal(sp?.bridge, `brq${netId.slice(0, 11)}`);
      assert.equal(sp?.tap, `tap${port.portId.slice(0, 11)}`);
      assert.equal(sp?.mtu, 1450);
      assert.deepEqual(sp?.ips, port.ips);
      const nd = JSON.parse(spec.networkDataJson);
      assert.equal(nd.links[0].ethernet_mac_address, port.mac);
      assert.equal(nd.networks[0].type, 'ipv4_dhcp');
      const spawnAt = agent.calls.indexOf(`spawn ${srv.id}`);
      const before = agent.calls.slice(0, spawnAt).filter((c) => c.startsWith('apply '));
      const gen = Number(before.at(-1)?.split(' ')[1]);
      const pushed = agent.applied.find((x) => x.generation === gen)?.state;
      assert.ok(
        pushed?.ports.some((p) => p.portId === port.portId),
        `${agent.hostId} got a state with its port before the spawn`,
      );
    }

    // Eventually (each host is pushed when the other's port appears) the peers name each other.
    await waitFor(
      async () => {
        const n1 = netOf(hv1.lastState, netId);
        const n2 = netOf(hv2.lastState, netId);
        return n1?.vxlanPeers[0] === UNDERLAY['hv-2'] && n2?.vxlanPeers[0] === UNDERLAY['hv-1'];
      },
      (done) => done,
      { what: 'VXLAN peers on both hosts', intervalMs: 50 },
    );
    assert.equal(netOf(hv1.lastState, netId)?.vni, netOf(hv2.lastState, netId)?.vni);
    const dhcp = [hv1, hv2].map((h) => netOf(h.lastState, netId)?.dhcp).filter((d) => d !== undefined);
    assert.equal(dhcp.length, 1, 'exactly one host serves DHCP for the network');
    const hosts = dhcp[0]?.hosts ?? [];
    for (const port of [pa, pb]) {
      assert.ok(
        hosts.some((h) => h.mac === port.mac && h.ip === port.ips[0]),
        `DHCP entry for ${port.mac}`,
      );
    }
  });

  it('deletes a server: its port and address go, and both hosts are told', async () => {
    const a = await env.admin.servers.GetServer({ server: 'vm-a' });
    const port = a.ports[0];
    assert.ok(port);
    await env.admin.servers.DeleteServer({ server: 'vm-a' });
    await waitFor(
      async () => !(await env.admin.servers.ListServers({})).servers.some((s) => s.name === 'vm-a'),
      (done) => done,
      { what: 'vm-a gone', intervalMs: 50 },
    );
    await assert.rejects(env.admin.ports.GetPort({ port: port.portId }), isCode('NOT_FOUND'));
    await waitFor(
      async () =>
        hv1.lastState.ports.length === 0 &&
        hv1.lastState.networks.length === 0 &&
        netOf(hv2.lastState, netId)?.vxlanPeers.length === 0,
      (done) => done,
      { what: 'hv-1 emptied and hv-2 without peers', intervalMs: 50 },
    );
    // The address is free again.
    const again = await env.admin.ports.CreatePort({
      name: 'reuse',
      network: 'net1',
      fixedIps: [{ subnet: '', ipAddress: port.ips[0] ?? '' }],
    });
    assert.deepEqual(
      again.fixedIps.map((f) => f.ipAddress),
      port.ips,
    );
    await env.admin.ports.DeletePort({ port: again.id });
  });

  it("refuses another project's port or network, a taken address, and makes nothing", async () => {
    await env.admin.identity.CreateProject({ name: 'green' });
    await env.admin.identity.CreateUser({
      name: 'carol',
      password: 'carol-secret-pw',
      project: 'green',
      role: 'member',
    });
    carol = await login(env.apiAddress, join(env.tls, 'ca.crt'), 'carol', 'carol-secret-pw');
    await carol.networks.CreateNetwork({ name: 'gnet', providerType: 'vxlan' });
    await carol.subnets.CreateSubnet({ name: 'gsub', network: 'gnet', cidr: '10.20.0.0/24' });
    const theirs = await carol.ports.CreatePort({ name: 'gport', network: 'gnet' });
    const count = async () => (await env.admin.servers.ListServers({ allProjects: true })).servers.length;
    const portCount = async () => (await env.admin.ports.ListPorts({ allProjects: true })).ports.length;
    const [servers0, ports0] = [await count(), await portCount()];

    await assert.rejects(
      env.admin.servers.CreateServer({
        name: 'steal',
        image: 'img',
        flavor: 'small',
        networks: [
          { network: 'net1', port: '', fixedIp: '' },
          { network: '', port: theirs.id, fixedIp: '' },
        ],
      }),
      isCode('NOT_FOUND', 'PORT_NOT_FOUND'),
    );
    await assert.rejects(
      carol.servers.CreateServer({
        name: 'peek',
        image: 'img',
        flavor: 'small',
        networks: [{ network: netId, port: '', fixedIp: '' }],
      }),
      isCode('NOT_FOUND', 'NETWORK_NOT_FOUND'),
    );
    const b = await env.admin.servers.GetServer({ server: 'vm-b' });
    await assert.rejects(
      env.admin.servers.CreateServer({
        name: 'clash',
        image: 'img',
        flavor: 'small',
        networks: [{ network: 'net1', port: '', fixedIp: b.ports[0]?.ips[0] ?? '' }],
      }),
      isCode('ALREADY_EXISTS', 'IP_IN_USE'),
    );
    await assert.rejects(
      env.admin.servers.CreateServer({
        name: 'outside',
        image: 'img',
        flavor: 'small',
        networks: [{ network: 'net1', port: '', fixedIp: '192.168.1.1' }],
      }),
      isCode('INVALID_ARGUMENT'),
    );
    assert.equal(await count(), servers0);
    assert.equal(await portCount(), ports0);
    assert.equal((await carol.ports.GetPort({ port: theirs.id })).deviceId, '');
  });

  it('keeps a port the user gave, unbound, when the server goes', async () => {
    const mine = await env.admin.ports.CreatePort({ name: 'mine', network: 'net1' });
    await env.admin.servers.CreateServer({
      name: 'vm-c',
      image: 'img',
      flavor: 'small',
      networks: [{ network: '', port: 'mine', fixedIp: '' }],
    });
    const c = await waitServer(env.admin, 'vm-c', settled);
    assert.equal(c.vmState, 'ACTIVE', JSON.stringify(c.fault));
    assert.equal(c.ports[0]?.portId, mine.id);
    assert.equal(c.ports[0]?.owned, false);
    assert.equal((await env.admin.ports.GetPort({ port: mine.id })).deviceId, c.id);
    await assert.rejects(env.admin.ports.DeletePort({ port: mine.id }), isCode('FAILED_PRECONDITION', 'PORT_IN_USE'));
    await env.admin.servers.DeleteServer({ server: 'vm-c' });
    await waitFor(
      async () => !(await env.admin.servers.ListServers({})).servers.some((s) => s.name === 'vm-c'),
      (done) => done,
      { what: 'vm-c gone', intervalMs: 50 },
    );
    const after = await env.admin.ports.GetPort({ port: mine.id });
    assert.equal(after.deviceId, '');
    assert.equal(after.bindingHost, '');
    await env.admin.ports.DeletePort({ port: mine.id });
  });

  it('boots on an agent that does not serve AgentNetwork yet (UNIMPLEMENTED is tolerated)', async () => {
    const old = await env.startAgent('hv-old', { networkUnimplemented: true });
    try {
      await env.admin.servers.CreateServer({
        name: 'vm-old',
        image: 'img',
        flavor: 'small',
        host: 'hv-old',
        networks: [{ network: 'net1', port: '', fixedIp: '' }],
      });
      const s = await waitServer(env.admin, 'vm-old', settled);
      assert.equal(s.vmState, 'ACTIVE', JSON.stringify(s.fault));
      assert.equal(old.instances.get(s.id)?.spec.ports.length, 1);
      assert.equal(old.applied.length, 0);
      await env.admin.servers.DeleteServer({ server: 'vm-old' });
      await waitFor(
        async () => !(await env.admin.servers.ListServers({})).servers.some((x) => x.name === 'vm-old'),
        (done) => done,
        { what: 'vm-old gone', intervalMs: 50 },
      );
    } finally {
      await old.stop();
    }
  });

  it('hot-plugs and unplugs a NIC through AttachPort/DetachPort', async () => {
    await env.admin.networks.CreateNetwork({ name: 'net2', providerType: 'vxlan' });
    await env.admin.subnets.CreateSubnet({ name: 'sub2', network: 'net2', cidr: '10.30.0.0/24' });
    const accepted = await env.admin.servers.AddServerPort({
      server: 'vm-b',
      network: 'net2',
      port: '',
      fixedIp: '10.30.0.50',
    });
    assert.equal(accepted.taskState, 'attaching-port');
    const b = await waitServer(env.admin, 'vm-b', settled);
    assert.equal(b.ports.length, 2);
    const added = b.ports[1];
    assert.ok(added);
    assert.deepEqual(added.ips, ['10.30.0.50']);
    assert.deepEqual(b.addresses['net2'], { ips: ['10.30.0.50'], floatingIps: [] });
    assert.ok(hv2.calls.includes(`attach ${b.id} ${added.portId}`));
    assert.ok(hv2.plugged.get(b.id)?.some((p) => p.portId === added.portId));
    assert.ok(
      hv2.lastState.ports.some((p) => p.portId === added.portId),
      'pushed before or with the attach',
    );
    assert.equal((await env.admin.ports.GetPort({ port: added.portId })).bindingHost, 'hv-2');

    await env.admin.servers.RemoveServerPort({ server: 'vm-b', port: added.portId });
    const b2 = await waitServer(env.admin, 'vm-b', settled);
    assert.equal(b2.ports.length, 1);
    assert.ok(hv2.calls.includes(`detach ${b.id} ${added.portId}`));
    assert.equal(hv2.plugged.get(b.id)?.length, 1);
    await assert.rejects(env.admin.ports.GetPort({ port: added.portId }), isCode('NOT_FOUND'));
    await waitFor(
      async () => !hv2.lastState.ports.some((p) => p.portId === added.portId),
      (done) => done,
      { what: 'hv-2 no longer has the port', intervalMs: 50 },
    );

    // A failed attach leaves the server as it was and the port is not kept.
    hv2.failPlug = new StratoError('INTERNAL', 'HYPERVISOR_REFUSED', 'no free PCI slot');
    try {
      await env.admin.servers.AddServerPort({ server: 'vm-b', network: 'net2', port: '', fixedIp: '10.30.0.51' });
      const b3 = await waitServer(env.admin, 'vm-b', settled);
      assert.equal(b3.ports.length, 1);
      const events = (await env.admin.servers.ListServerEvents({ server: 'vm-b' })).events;
      assert.match(events.at(-1)?.error ?? '', /HYPERVISOR_REFUSED/);
    } finally {
      hv2.failPlug = undefined;
    }
    const left = (await env.admin.ports.ListPorts({ network: 'net2' })).ports;
    assert.deepEqual(left, []);
    await assert.rejects(
      env.admin.servers.RemoveServerPort({ server: 'vm-b', port: added.portId }),
      isCode('NOT_FOUND'),
    );
  });
});
