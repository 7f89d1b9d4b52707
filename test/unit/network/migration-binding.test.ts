// A moving server's port (PortRecord.migrationHost): wired on its host AND on the
// move's destination, which joins the network (VXLAN peers both ways), until the
// move ends and the port has one host again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tapName } from '../../../common/network-names.ts';
import { computeHostViews, hostNetworkView } from '../../../conductor/network/host-network-view.ts';
import { network, port, subnet } from './records.ts';

const N1 = '11111111-aaaa-4aaa-8aaa-000000000001';
const hosts = [
  { id: 'h1', underlayIp: '192.0.2.1' },
  { id: 'h2', underlayIp: '192.0.2.2' },
];
const net1 = network(N1, { vni: 1001, subnetIds: ['s1'] });
const sub1 = subnet('s1', N1, '10.0.0.0/24');
const moving = (migrationHost: string) =>
  port('port-01', N1, {
    bindingHost: 'h1',
    migrationHost,
    mac: 'fa:16:3e:00:00:01',
    fixedIps: [{ subnetId: 's1', ip: '10.0.0.3' }],
  });
const views = (migrationHost: string) =>
  computeHostViews({ networks: [net1], subnets: [sub1], ports: [moving(migrationHost)], securityGroups: [], hosts });

describe('host network view: a port during a move', () => {
  it('is wired on both hosts, which peer on the network', () => {
    const v = views('h2');
    for (const [h, peer] of [
      ['h1', '192.0.2.2'],
      ['h2', '192.0.2.1'],
    ] as const) {
      const view = hostNetworkView(v, h);
      assert.deepEqual(
        view.ports.map((x) => x.tap),
        [tapName('port-01')],
        `${h} has the tap`,
      );
      assert.deepEqual(view.networks[0]?.vxlanPeers, [peer]);
    }
  });

  it('is wired on its host only once the move ended', () => {
    const v = views('');
    assert.equal(hostNetworkView(v, 'h1').ports.length, 1);
    assert.deepEqual(hostNetworkView(v, 'h2').ports, []);
    assert.deepEqual(hostNetworkView(v, 'h2').networks, []);
  });
});
