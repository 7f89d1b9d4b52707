// The parts computeHostViews is made of, each on its own: table tests over plain records.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseDhcpHost,
  dhcpServer,
  dhcpSubnetsOf,
  hostNetwork,
  hostPort,
  hostsByNetwork,
  networkBridge,
  vxlanPeersOf,
} from '../../../conductor/network/host-network-view.ts';
import { network, port, subnet } from './records.ts';

const N1 = '11111111-aaaa-4aaa-8aaa-000000000001';
const underlay = new Map([
  ['h1', '192.0.2.1'],
  ['h2', '192.0.2.2'],
  ['h3', '192.0.2.10'],
  ['h4', '192.0.2.9'],
]);

describe('host view parts', () => {
  it('hostsByNetwork: bound hosts per network, once each, in id order', () => {
    const ports = [
      port('p1', 'n1', { bindingHost: 'h2' }),
      port('p2', 'n1', { bindingHost: 'h1' }),
      port('p3', 'n1', { bindingHost: 'h2' }),
      port('p4', 'n2', { bindingHost: '' }),
      port('p5', 'n3', { bindingHost: 'h3' }),
    ];
    assert.deepEqual(
      [...hostsByNetwork(ports)],
      [
        ['n1', ['h1', 'h2']],
        ['n3', ['h3']],
      ],
    );
  });

  const peerCases: [string, string, string[], string[]][] = [
    ['the others, by address', 'h1', ['h1', 'h2', 'h3', 'h4'], ['192.0.2.2', '192.0.2.9', '192.0.2.10']],
    ['alone: none', 'h1', ['h1'], []],
    ['a host without an address is left out', 'h1', ['h1', 'hx', 'h2'], ['192.0.2.2']],
    ['a host not on the network still gets them all', 'h9', ['h1', 'h2'], ['192.0.2.1', '192.0.2.2']],
  ];
  for (const [name, host, netHosts, want] of peerCases) {
    it(`vxlanPeersOf: ${name}`, () => assert.deepEqual(vxlanPeersOf(host, netHosts, underlay), want));
  }

  const dhcpCases: [string, string[], string | undefined, (h: string | undefined) => boolean][] = [
    ['no candidate: nobody', [], undefined, (h) => h === undefined],
    ['keeps the previous host while it qualifies', ['h1', 'h2', 'h3'], 'h3', (h) => h === 'h3'],
    ['moves when the previous host left', ['h1', 'h2'], 'h3', (h) => h === 'h1' || h === 'h2'],
    ['one candidate: that one', ['h2'], undefined, (h) => h === 'h2'],
  ];
  for (const [name, candidates, previous, ok] of dhcpCases) {
    it(`chooseDhcpHost: ${name}`, () => assert.ok(ok(chooseDhcpHost(N1, candidates, previous))));
  }

  it('chooseDhcpHost: the rendezvous winner does not depend on the candidates’ order', () => {
    const a = chooseDhcpHost(N1, ['h1', 'h2', 'h3', 'h4'], undefined);
    assert.equal(chooseDhcpHost(N1, ['h4', 'h3', 'h2', 'h1'], undefined), a);
    // Removing a loser keeps the winner (few networks move when hosts come and go).
    const loser = ['h1', 'h2', 'h3', 'h4'].find((h) => h !== a)!;
    assert.equal(
      chooseDhcpHost(
        N1,
        ['h1', 'h2', 'h3', 'h4'].filter((h) => h !== loser),
        undefined,
      ),
      a,
    );
  });

  it('dhcpSubnetsOf: DHCP-enabled subnets with a server address, in the network’s order, unknown ids skipped', () => {
    const subnets = new Map([
      ['s1', subnet('s1', N1, '10.0.0.0/24')],
      ['s2', subnet('s2', N1, '10.0.1.0/24', { enableDhcp: false })],
      ['s3', subnet('s3', N1, '10.0.2.0/24', { dhcpIp: '' })],
      ['s4', subnet('s4', N1, '10.0.3.0/24')],
    ]);
    const net = network(N1, { subnetIds: ['s4', 's2', 'gone', 's3', 's1'] });
    assert.deepEqual(
      dhcpSubnetsOf(net, subnets).map((s) => s.id),
      ['s4', 's1'],
    );
  });

  it('networkBridge: brq… for vxlan, the operator’s for flat', () => {
    assert.equal(networkBridge(network(N1)), 'brq11111111-aa');
    assert.equal(networkBridge(network(N1, { providerType: 'flat', physicalBridge: 'br-ex' })), 'br-ex');
  });

  it('hostNetwork: a vxlan network with its peers and DHCP server; a flat one without VXLAN', () => {
    const s1 = subnet('s1', N1, '10.0.0.0/24');
    assert.deepEqual(hostNetwork(network(N1, { vni: 7 }), 'h1', ['h1', 'h2'], underlay, [s1]), {
      networkId: N1,
      providerType: 'vxlan',
      vni: 7,
      mtu: 1450,
      bridge: 'brq11111111-aa',
      vxlanDevice: 'vxlan-7',
      vxlanPeers: ['192.0.2.2'],
      dhcpServer: { mac: 'fa:16:3e:00:00:01', ips: ['10.0.0.2'] },
    });
    const flat = network(N1, { providerType: 'flat', vni: 0, physicalBridge: 'br-ex' });
    assert.deepEqual(hostNetwork(flat, 'h1', ['h1', 'h2'], underlay, []), {
      networkId: N1,
      providerType: 'flat',
      vni: 0,
      mtu: 1450,
      bridge: 'br-ex',
      vxlanDevice: '',
      vxlanPeers: [],
      dhcpServer: undefined,
    });
  });

  it('dhcpServer: static leases for the network’s ports on DHCP subnets only', () => {
    const s1 = subnet('s1', N1, '10.0.0.0/24', { dnsServers: ['192.0.2.53'] });
    const ports = [
      port('p1', N1, {
        mac: 'fa:16:3e:00:00:11',
        fixedIps: [
          { subnetId: 's1', ip: '10.0.0.11' },
          { subnetId: 's2', ip: '10.0.1.11' },
        ],
      }),
      port('p2', 'other', { fixedIps: [{ subnetId: 's1', ip: '10.0.0.12' }] }),
    ];
    assert.deepEqual(dhcpServer(network(N1), [s1], ports, true), {
      networkId: N1,
      namespace: `qdhcp-${N1}`,
      bridge: 'brq11111111-aa',
      hostVeth: 'dh-11111111-aa',
      namespaceVeth: 'ns-11111111-aa',
      mac: 'fa:16:3e:00:00:01',
      mtu: 1450,
      subnets: [
        {
          subnetId: 's1',
          cidr: '10.0.0.0/24',
          serverIp: '10.0.0.2',
          prefixLength: 24,
          gatewayIp: '10.0.0.1',
          dnsServers: ['192.0.2.53'],
        },
      ],
      hosts: [{ portId: 'p1', mac: 'fa:16:3e:00:00:11', ip: '10.0.0.11' }],
      metadata: true,
    });
    assert.equal(dhcpServer(network(N1), [s1], ports).metadata, false, 'metadata only when asked for');
  });

  it('hostPort: addresses with prefix and gateway (a /32 without one for an unknown subnet), rules as given', () => {
    const subnets = new Map([['s1', subnet('s1', N1, '10.0.0.0/24')]]);
    const p = port('port-0123456789', N1, {
      deviceId: 'vm-1',
      mac: 'fa:16:3e:00:00:11',
      fixedIps: [
        { subnetId: 's1', ip: '10.0.0.11' },
        { subnetId: 'gone', ip: '10.9.0.1' },
      ],
      securityGroupIds: ['g'],
    });
    assert.deepEqual(hostPort(p, network(N1), subnets, []), {
      portId: 'port-0123456789',
      networkId: N1,
      deviceId: 'vm-1',
      tap: 'tapport-012345',
      bridge: 'brq11111111-aa',
      mac: 'fa:16:3e:00:00:11',
      mtu: 1450,
      fixedIps: [
        { subnetId: 's1', ip: '10.0.0.11', prefixLength: 24, gatewayIp: '10.0.0.1' },
        { subnetId: 'gone', ip: '10.9.0.1', prefixLength: 32, gatewayIp: '' },
      ],
      securityGroupIds: ['g'],
      rules: [],
    });
  });
});
