// The per-host view computed from records made through the real API and store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeHostViews, hostNetworkView } from '../../../conductor/network/host-network-view.ts';
import { loadHostViewInput } from '../../../conductor/network/view-source.ts';
import { type NetFixture, portReq, startNetworkApi, subnetReq } from './network-fixture.ts';

const hosts = [
  { id: 'hv-1', underlayIp: '172.30.0.1' },
  { id: 'hv-2', underlayIp: '172.30.0.2' },
  { id: 'hv-3', underlayIp: '172.30.0.3' },
];

describe('host network view from the store', () => {
  let f: NetFixture;
  before(async () => {
    f = await startNetworkApi();
  });
  after(() => f?.close());

  it('wires bound ports per host with peers, DHCP entries and resolved rules', async () => {
    const m = await f.member('view');
    const n = await f.networks.CreateNetwork({ name: 'app', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const s = await f.subnets.CreateSubnet(
      subnetReq(n.id, '10.77.0.0/24', { name: 'app-sub', dnsServers: ['192.0.2.53'] }),
      m,
    );
    const mk = () => f.ports.CreatePort(portReq(n.id), m);
    const [a, b, c] = [await mk(), await mk(), await mk()];
    await f.net.ports.bind(a.id, { deviceId: 'vm-a', deviceOwner: 'compute', bindingHost: 'hv-1' });
    await f.net.ports.bind(b.id, { deviceId: 'vm-b', deviceOwner: 'compute', bindingHost: 'hv-2' });

    const views = computeHostViews(await loadHostViewInput(f.store, hosts));
    assert.deepEqual([...views.hosts.keys()].sort(), ['hv-1', 'hv-2']);
    const h1 = hostNetworkView(views, 'hv-1');
    assert.equal(h1.networks.length, 1);
    assert.equal(h1.networks[0]!.vni, n.segmentationId);
    assert.equal(h1.networks[0]!.vxlanDevice, `vxlan-${n.segmentationId}`);
    assert.deepEqual(h1.networks[0]!.vxlanPeers, ['172.30.0.2']);
    assert.deepEqual(
      h1.ports.map((p) => [p.tap, p.mac, p.fixedIps[0]!.ip]),
      [[`tap${a.id.slice(0, 11)}`, a.macAddress, a.fixedIps[0]!.ipAddress]],
    );
    const ingress = h1.ports[0]!.rules.find((r) => r.direction === 'ingress')!;
    assert.deepEqual(
      ingress.remoteCidrs,
      [a, b, c].map((p) => `${p.fixedIps[0]!.ipAddress}/32`),
      'default group: ingress from every member, bound or not',
    );
    assert.equal(hostNetworkView(views, 'hv-3').networks.length, 0);

    const dhcpHost = views.dhcpHosts.get(n.id)!;
    const d = hostNetworkView(views, dhcpHost).dhcp[0]!;
    assert.equal(d.mac, n.dhcpMacAddress);
    assert.deepEqual(
      d.subnets.map((x) => [x.serverIp, x.gatewayIp, x.dnsServers]),
      [[s.dhcpServerIp, s.gatewayIp, ['192.0.2.53']]],
    );
    assert.deepEqual(d.hosts.map((h) => h.mac).sort(), [a, b, c].map((p) => p.macAddress).sort());

    // hv-3 joins; DHCP stays where it was, and every host peers with it.
    await f.net.ports.bind(c.id, { deviceId: 'vm-c', deviceOwner: 'compute', bindingHost: 'hv-3' });
    const next = computeHostViews(await loadHostViewInput(f.store, hosts, views.dhcpHosts));
    assert.equal(next.dhcpHosts.get(n.id), dhcpHost);
    assert.deepEqual(hostNetworkView(next, 'hv-1').networks[0]!.vxlanPeers, ['172.30.0.2', '172.30.0.3']);

    // hv-2's port leaves: hv-2 loses the network, the others stop peering with it.
    await f.net.ports.unbind(b.id, 'vm-b');
    await f.ports.DeletePort({ port: b.id }, m);
    const last = computeHostViews(await loadHostViewInput(f.store, hosts, next.dhcpHosts));
    assert.deepEqual(hostNetworkView(last, 'hv-2').networks, []);
    assert.deepEqual(hostNetworkView(last, 'hv-1').networks[0]!.vxlanPeers, ['172.30.0.3']);
    assert.ok(['hv-1', 'hv-3'].includes(last.dhcpHosts.get(n.id)!));
  });
});
