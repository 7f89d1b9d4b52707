// NIC hot-plug on a running instance: a guest on network A gets a port of network B
// plugged (AddServerPort): its console shows the new NIC and the port's address from
// B's dnsmasq, and `server show` lists both networks; unplugging (RemoveServerPort)
// makes the NIC disappear in the guest and B vanish from the addresses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Server__Output } from '../../common/gen/strato/compute/v1/Server.ts';
import { useCloud } from './lib/fixture.ts';
import { script } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const IP_A = '10.82.0.10';
const IP_B = '10.83.0.20';
const IP_PEER = '10.83.0.21';
const GUEST_TIMEOUT_MS = 120_000;

const addressesOf = (s: Server__Output) =>
  Object.fromEntries(Object.entries(s.addresses).map(([net, a]) => [net, [...a.ips].sort()]));

describe('NIC hot-plug (e2e: AddServerPort / RemoveServerPort on a running TCG guest)', { timeout: 600_000 }, () => {
  const cloud = useCloud({ hosts: 2 });
  const world = new NetWorld(cloud);
  cloud.beforeStop(() => world.cleanUp());
  let g: NetGuest;
  let portB: string;

  it('boots a guest on network A and a peer on network B on the same host', async () => {
    const cl = cloud();
    const host = cl.hosts[0]!.id;
    const [netA, netB] = [await world.network('hp-a', '10.82.0.0/24'), await world.network('hp-b', '10.83.0.0/24')];
    const pa = await world.port('hp-a-port', netA.id, IP_A);
    const pb = await world.port('hp-b-port', netB.id, IP_B);
    const peer = await world.port('hp-peer-port', netB.id, IP_PEER);
    portB = pb.id;
    // The guest pings the peer on B forever; answers start once eth1 exists.
    const loop = `(while :; do if ping -c 1 -W 1 ${IP_PEER} >/dev/null 2>&1; then echo E2E-PEER ok; fi; sleep 1; done) &`;
    [g] = await Promise.all([
      world.boot('hp-guest', host, pa, script([loop])),
      world.boot('hp-peer', host, peer, script(['echo E2E-PEER-UP'])),
    ]);
    await cl.servers.waitForConsole(g.id, `STRATO-ADDR eth0 ${IP_A}/24`, GUEST_TIMEOUT_MS);
    const s = await cl.servers.get(g.id);
    assert.deepEqual(addressesOf(s), { 'hp-a': [IP_A] });
  });

  it('AddServerPort plugs a NIC the guest sees, with the port address by DHCP', async () => {
    const cl = cloud();
    await cl.admin.servers.AddServerPort({ server: g.id, port: portB });
    const s = await cl.servers.waitFor(
      g.id,
      (s) => s.taskState === '' && Object.keys(s.addresses).length === 2,
      60_000,
      'two networks in addresses',
    );
    assert.equal(s.vmState, 'ACTIVE');
    assert.deepEqual(addressesOf(s), { 'hp-a': [IP_A], 'hp-b': [IP_B] });
    const mac = s.ports.find((p) => p.portId === portB)?.mac;
    assert.ok(mac, `port ${portB} in ${JSON.stringify(s.ports)}`);
    const nic = await cl.servers.waitForConsole(g.id, 'STRATO-NIC eth1', GUEST_TIMEOUT_MS);
    assert.match(nic, new RegExp(`STRATO-NIC eth1 ${mac}`), nic);
    await cl.servers.waitForConsole(g.id, `STRATO-ADDR eth1 ${IP_B}/24`, GUEST_TIMEOUT_MS);
    // Traffic on B from the new NIC to the peer on the same host.
    await cl.servers.waitForConsole(g.id, 'E2E-PEER ok', 60_000);
  });

  it('RemoveServerPort unplugs it: the NIC is gone in the guest and B from the addresses', async () => {
    const cl = cloud();
    await cl.admin.servers.RemoveServerPort({ server: g.id, port: portB });
    const s = await cl.servers.waitFor(
      g.id,
      (s) => s.taskState === '' && Object.keys(s.addresses).length === 1,
      60_000,
      'one network in addresses',
    );
    assert.equal(s.vmState, 'ACTIVE');
    assert.deepEqual(addressesOf(s), { 'hp-a': [IP_A] });
    assert.equal(s.ports.length, 1);
    await cl.servers.waitForConsole(g.id, 'STRATO-NIC-GONE eth1', GUEST_TIMEOUT_MS);
    // A port given to the server is unbound and kept.
    const p = await cl.admin.ports.GetPort({ port: portB });
    assert.equal(p.deviceId, '', `port still bound to ${p.deviceId}`);
  });
});
