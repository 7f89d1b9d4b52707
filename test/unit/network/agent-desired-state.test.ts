import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toAgentDesiredState } from '../../../conductor/network/agent-desired-state.ts';
import { computeHostViews, hostNetworkState } from '../../../conductor/network/host-network-view.ts';
import { group, network, port, rule, subnet } from './records.ts';

const N1 = '11111111-aaaa-4aaa-8aaa-000000000001';
const N2 = '22222222-bbbb-4bbb-8bbb-000000000002';

describe('agent desired state', () => {
  const net1 = network(N1, { vni: 1001, subnetIds: ['s1'] });
  const flat = network(N2, { providerType: 'flat', vni: 0, physicalBridge: 'br-ex', mtu: 1500, subnetIds: ['s2'] });
  const s1 = subnet('s1', N1, '10.0.0.0/24', { dnsServers: ['192.0.2.53'] });
  const s2 = subnet('s2', N2, '198.51.100.0/24', {
    gatewayIp: '',
    allocationPools: [{ start: '198.51.100.2', end: '198.51.100.254' }],
  });
  const g = group('g', [
    rule('r-ssh', { protocol: 'tcp', portMin: 22, portMax: 22, remoteIpPrefix: '10.0.0.0/8' }),
    rule('r-ping', { protocol: 'icmp', icmpType: 8, icmpCode: 0 }),
    rule('r-any', { direction: 'egress' }),
  ]);
  const ports = [
    port('port-a', N1, {
      bindingHost: 'h1',
      mac: 'fa:16:3e:00:00:0a',
      fixedIps: [{ subnetId: 's1', ip: '10.0.0.3' }],
      securityGroupIds: ['g'],
    }),
    port('port-b', N2, {
      bindingHost: 'h1',
      mac: 'fa:16:3e:00:00:0b',
      fixedIps: [{ subnetId: 's2', ip: '198.51.100.3' }],
    }),
  ];
  const views = computeHostViews({
    networks: [net1, flat],
    subnets: [s1, s2],
    ports,
    securityGroups: [g],
    hosts: [{ id: 'h1', underlayIp: '192.0.2.1' }],
  });

  it('maps networks, DHCP and ports to the driver shape', () => {
    const s = toAgentDesiredState(hostNetworkState(views, 'h1'));
    assert.deepEqual(s.networks, [
      {
        networkId: N1,
        type: 'vxlan',
        vni: 1001,
        mtu: 1450,
        bridge: `brq${N1.slice(0, 11)}`,
        vxlanPeers: [],
        dhcp: {
          mac: net1.dhcpMac,
          subnets: [{ cidr: '10.0.0.0/24', serverIp: '10.0.0.2', gateway: '10.0.0.1', dns: ['192.0.2.53'] }],
          hosts: [{ mac: 'fa:16:3e:00:00:0a', ip: '10.0.0.3' }],
        },
      },
      {
        networkId: N2,
        type: 'flat',
        physicalBridge: 'br-ex',
        mtu: 1500,
        bridge: 'br-ex',
        vxlanPeers: [],
        dhcp: {
          mac: flat.dhcpMac,
          subnets: [{ cidr: '198.51.100.0/24', serverIp: '198.51.100.2', dns: [] }],
          hosts: [{ mac: 'fa:16:3e:00:00:0b', ip: '198.51.100.3' }],
        },
      },
    ]);
    assert.deepEqual(s.ports[0], {
      portId: 'port-a',
      networkId: N1,
      tap: 'tapport-a',
      mac: 'fa:16:3e:00:00:0a',
      ips: ['10.0.0.3'],
      securityGroups: [
        { direction: 'ingress', protocol: 'tcp', portMin: 22, portMax: 22, remoteCidrs: ['10.0.0.0/8'] },
        { direction: 'ingress', protocol: 'icmp', portMin: 8, portMax: 0, remoteCidrs: ['0.0.0.0/0'] },
        { direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] },
      ],
    });
    assert.deepEqual(s.ports[1]!.securityGroups, [], 'no groups: nothing allowed');
  });

  it('is empty for a host with nothing bound (no VXLAN filter to feed, so no underlay peers)', () => {
    assert.deepEqual(toAgentDesiredState(hostNetworkState(views, 'h9')), { networks: [], ports: [] });
  });

  it('carries the other registered hosts’ underlay addresses for the VXLAN filter', () => {
    const withPeers = computeHostViews({
      networks: [net1, flat],
      subnets: [s1, s2],
      ports,
      securityGroups: [g],
      hosts: [
        { id: 'h1', underlayIp: '192.0.2.1' },
        { id: 'h2', underlayIp: '192.0.2.2' },
      ],
    });
    const s = toAgentDesiredState(hostNetworkState(withPeers, 'h1'));
    assert.deepEqual(s.underlayPeers, ['192.0.2.2']);
    assert.deepEqual(s.networks[0]!.vxlanPeers, [], 'h2 shares no network with h1');
  });
});
