import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bridgeName, tapName } from '../../../common/network-names.ts';
import { computeHostViews, type HostViewInput, hostNetworkView } from '../../../conductor/network/host-network-view.ts';
import { group, network, port, rule, subnet } from './records.ts';

const N1 = '11111111-aaaa-4aaa-8aaa-000000000001';
const N2 = '22222222-bbbb-4bbb-8bbb-000000000002';
const hosts = [
  { id: 'h1', underlayIp: '192.0.2.1' },
  { id: 'h2', underlayIp: '192.0.2.2' },
  { id: 'h3', underlayIp: '192.0.2.10' },
  { id: 'h4', underlayIp: '192.0.2.9' },
];

function input(o: Partial<HostViewInput>): HostViewInput {
  return { networks: [], subnets: [], ports: [], securityGroups: [], hosts, ...o };
}

const net1 = network(N1, { vni: 1001, subnetIds: ['s1'] });
const sub1 = subnet('s1', N1, '10.0.0.0/24');
const p = (id: string, host: string, ip: string, o = {}) =>
  port(id, N1, { bindingHost: host, mac: `fa:16:3e:00:00:${id.slice(-2)}`, fixedIps: [{ subnetId: 's1', ip }], ...o });

describe('host network view: links', () => {
  it('is empty without bound ports', () => {
    const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports: [p('port-00', '', '10.0.0.3')] }));
    assert.equal(v.hosts.size, 0);
    assert.deepEqual(hostNetworkView(v, 'h1'), {
      hostId: 'h1',
      networks: [],
      ports: [],
      dhcp: [],
      routers: [],
      underlayPeers: ['192.0.2.2', '192.0.2.9', '192.0.2.10'],
    });
  });

  it('gives every host the underlay addresses of ALL other registered hosts, peers or not', () => {
    const v = computeHostViews(
      input({
        networks: [net1],
        subnets: [sub1],
        ports: [p('port-01', 'h1', '10.0.0.3'), p('port-02', 'h2', '10.0.0.4')],
      }),
    );
    const h1 = hostNetworkView(v, 'h1');
    assert.deepEqual(h1.networks[0]!.vxlanPeers, ['192.0.2.2'], 'the network’s peer');
    assert.deepEqual(h1.underlayPeers, ['192.0.2.2', '192.0.2.9', '192.0.2.10'], 'h3 and h4 have no port yet');
    assert.deepEqual(hostNetworkView(v, 'h3').underlayPeers, ['192.0.2.1', '192.0.2.2', '192.0.2.9']);
    // h3 joining the network changes peers, not the registered set: h1's filter needs no update.
    const joined = computeHostViews(
      input({
        networks: [net1],
        subnets: [sub1],
        ports: [p('port-01', 'h1', '10.0.0.3'), p('port-02', 'h2', '10.0.0.4'), p('port-03', 'h3', '10.0.0.5')],
      }),
    );
    assert.deepEqual(hostNetworkView(joined, 'h1').networks[0]!.vxlanPeers, ['192.0.2.2', '192.0.2.10']);
    assert.deepEqual(hostNetworkView(joined, 'h1').underlayPeers, h1.underlayPeers);
  });

  it('puts a network on each host with a port, peering with the other hosts only', () => {
    const v = computeHostViews(
      input({
        networks: [net1],
        subnets: [sub1],
        ports: [p('port-01', 'h1', '10.0.0.3'), p('port-02', 'h2', '10.0.0.4'), p('port-03', 'h1', '10.0.0.5')],
      }),
    );
    assert.deepEqual([...v.hosts.keys()].sort(), ['h1', 'h2']);
    const h1 = hostNetworkView(v, 'h1');
    assert.equal(h1.networks.length, 1);
    const n = h1.networks[0]!;
    assert.equal(n.bridge, 'brq11111111-aa');
    assert.equal(n.bridge.length <= 15, true);
    assert.equal(n.vxlanDevice, 'vxlan-1001');
    assert.equal(n.vni, 1001);
    assert.equal(n.mtu, 1450);
    assert.deepEqual(n.vxlanPeers, ['192.0.2.2']);
    assert.deepEqual(hostNetworkView(v, 'h2').networks[0]!.vxlanPeers, ['192.0.2.1']);
    assert.deepEqual(
      h1.ports.map((x) => x.portId),
      ['port-01', 'port-03'],
    );
    assert.deepEqual(
      hostNetworkView(v, 'h2').ports.map((x) => x.tap),
      ['tapport-02'],
    );
  });

  it('orders peers by address and leaves out hosts without a known underlay address', () => {
    const ports = [
      p('port-01', 'h1', '10.0.0.3'),
      p('port-02', 'h3', '10.0.0.4'),
      p('port-03', 'h4', '10.0.0.5'),
      p('port-04', 'hx', '10.0.0.6'),
    ];
    const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports }));
    assert.deepEqual(hostNetworkView(v, 'h1').networks[0]!.vxlanPeers, ['192.0.2.9', '192.0.2.10']);
    assert.deepEqual(
      hostNetworkView(v, 'hx').networks[0]!.vxlanPeers,
      ['192.0.2.1', '192.0.2.9', '192.0.2.10'],
      'hx still gets its own state',
    );
  });

  it('drops a host from the peers when its last port leaves', () => {
    const before = computeHostViews(
      input({
        networks: [net1],
        subnets: [sub1],
        ports: [p('port-01', 'h1', '10.0.0.3'), p('port-02', 'h2', '10.0.0.4')],
      }),
    );
    const after = computeHostViews(
      input({ networks: [net1], subnets: [sub1], ports: [p('port-01', 'h1', '10.0.0.3')] }),
    );
    assert.deepEqual(hostNetworkView(before, 'h1').networks[0]!.vxlanPeers, ['192.0.2.2']);
    assert.deepEqual(hostNetworkView(after, 'h1').networks[0]!.vxlanPeers, []);
    assert.deepEqual(hostNetworkView(after, 'h2').networks, [], 'h2 removes its links');
  });

  it('wires a flat network on the operator bridge without VXLAN', () => {
    const flat = network(N2, { providerType: 'flat', vni: 0, physicalBridge: 'br-ex', mtu: 1500, subnetIds: [] });
    const v = computeHostViews(
      input({
        networks: [flat],
        ports: [port('port-09', N2, { bindingHost: 'h1' }), port('port-08', N2, { bindingHost: 'h2' })],
      }),
    );
    const n = hostNetworkView(v, 'h1').networks[0]!;
    assert.equal(n.bridge, 'br-ex');
    assert.equal(n.vxlanDevice, '');
    assert.deepEqual(n.vxlanPeers, []);
    assert.equal(hostNetworkView(v, 'h1').ports[0]!.bridge, 'br-ex');
    assert.equal(n.dhcpServer, undefined, 'no subnet, no DHCP');
  });

  it('keeps two networks with the same CIDR apart', () => {
    const net2 = network(N2, { vni: 1002, subnetIds: ['s2'], dhcpMac: 'fa:16:3e:00:00:02' });
    const sub2 = subnet('s2', N2, '10.0.0.0/24');
    const ports = [
      p('port-01', 'h1', '10.0.0.3'),
      port('port-02', N2, { bindingHost: 'h1', fixedIps: [{ subnetId: 's2', ip: '10.0.0.3' }] }),
    ];
    const v = computeHostViews(input({ networks: [net1, net2], subnets: [sub1, sub2], ports }));
    const h1 = hostNetworkView(v, 'h1');
    assert.deepEqual(
      h1.networks.map((n) => [n.bridge, n.vxlanDevice]),
      [
        [bridgeName(N1), 'vxlan-1001'],
        [bridgeName(N2), 'vxlan-1002'],
      ],
    );
    assert.deepEqual(
      h1.ports.map((x) => [x.portId, x.bridge]),
      [
        ['port-01', bridgeName(N1)],
        ['port-02', bridgeName(N2)],
      ],
    );
    assert.deepEqual(
      h1.dhcp.map((d) => [d.networkId, d.hosts.map((h) => h.portId)]),
      [
        [N1, ['port-01']],
        [N2, ['port-02']],
      ],
    );
  });

  it('describes port addresses with prefix length and gateway, and skips ports of unknown networks', () => {
    const v = computeHostViews(
      input({
        networks: [net1],
        subnets: [sub1],
        ports: [p('port-01', 'h1', '10.0.0.3'), port('port-07', 'gone', { bindingHost: 'h1' })],
      }),
    );
    const ports = hostNetworkView(v, 'h1').ports;
    assert.equal(ports.length, 1);
    assert.deepEqual(ports[0]!.fixedIps, [{ subnetId: 's1', ip: '10.0.0.3', prefixLength: 24, gatewayIp: '10.0.0.1' }]);
    assert.equal(ports[0]!.mtu, 1450);
    assert.equal(tapName('abcdefghijklmnop'), 'tapabcdefghijk');
  });

  it('gives equal output for shuffled input', () => {
    const ports = [p('port-01', 'h1', '10.0.0.3'), p('port-02', 'h2', '10.0.0.4'), p('port-03', 'h3', '10.0.0.5')];
    const a = computeHostViews(input({ networks: [net1], subnets: [sub1], ports }));
    const b = computeHostViews(
      input({ networks: [net1], subnets: [sub1], ports: [...ports].reverse(), hosts: [...hosts].reverse() }),
    );
    for (const h of ['h1', 'h2', 'h3']) assert.deepEqual(hostNetworkView(a, h), hostNetworkView(b, h));
    assert.deepEqual(a.dhcpHosts, b.dhcpHosts);
  });
});

describe('host network view: DHCP', () => {
  const ports = [p('port-01', 'h1', '10.0.0.3'), p('port-02', 'h2', '10.0.0.4'), p('port-03', '', '10.0.0.5')];

  it('serves DHCP on exactly one host with a port, with static entries for every port', () => {
    const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports }));
    const host = v.dhcpHosts.get(N1);
    assert.ok(host === 'h1' || host === 'h2');
    const servers = ['h1', 'h2'].flatMap((h) => hostNetworkView(v, h).dhcp);
    assert.equal(servers.length, 1);
    const d = servers[0]!;
    assert.equal(d.namespace, `qdhcp-${N1}`);
    assert.equal(d.bridge, bridgeName(N1));
    assert.ok(d.hostVeth.length <= 15 && d.namespaceVeth.length <= 15);
    assert.equal(d.mac, net1.dhcpMac);
    assert.deepEqual(d.subnets, [
      {
        subnetId: 's1',
        cidr: '10.0.0.0/24',
        serverIp: '10.0.0.2',
        prefixLength: 24,
        gatewayIp: '10.0.0.1',
        dnsServers: [],
      },
    ]);
    assert.deepEqual(d.hosts, [
      { portId: 'port-01', mac: 'fa:16:3e:00:00:01', ip: '10.0.0.3' },
      { portId: 'port-02', mac: 'fa:16:3e:00:00:02', ip: '10.0.0.4' },
      { portId: 'port-03', mac: 'fa:16:3e:00:00:03', ip: '10.0.0.5' },
    ]);
    assert.deepEqual(hostNetworkView(v, 'h1').networks[0]!.dhcpServer, { mac: net1.dhcpMac, ips: ['10.0.0.2'] });
  });

  it('keeps the previous DHCP host while it still has a port, and moves when it leaves', () => {
    for (const prev of ['h1', 'h2']) {
      const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports, dhcpHosts: new Map([[N1, prev]]) }));
      assert.equal(v.dhcpHosts.get(N1), prev);
    }
    const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports, dhcpHosts: new Map([[N1, 'h3']]) }));
    assert.ok(['h1', 'h2'].includes(v.dhcpHosts.get(N1)!), 'h3 has no port: DHCP moves');
  });

  it('does not move DHCP when a host joins', () => {
    const first = computeHostViews(input({ networks: [net1], subnets: [sub1], ports: ports.slice(0, 1) }));
    assert.equal(first.dhcpHosts.get(N1), 'h1');
    const more = [...ports, p('port-04', 'h3', '10.0.0.6'), p('port-05', 'h4', '10.0.0.7')];
    const next = computeHostViews(
      input({ networks: [net1], subnets: [sub1], ports: more, dhcpHosts: first.dhcpHosts }),
    );
    assert.equal(next.dhcpHosts.get(N1), 'h1');
  });

  it('only picks hosts with a known underlay address', () => {
    const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports: [p('port-01', 'hx', '10.0.0.3')] }));
    assert.equal(v.dhcpHosts.size, 0);
    assert.deepEqual(hostNetworkView(v, 'hx').dhcp, []);
  });

  it('serves only DHCP-enabled subnets', () => {
    const net = network(N1, { vni: 1001, subnetIds: ['s1', 's2'] });
    const s2 = subnet('s2', N1, '10.0.1.0/24', { enableDhcp: false, dhcpIp: '' });
    const both = p('port-01', 'h1', '10.0.0.3', {
      fixedIps: [
        { subnetId: 's1', ip: '10.0.0.3' },
        { subnetId: 's2', ip: '10.0.1.3' },
      ],
    });
    const v = computeHostViews(input({ networks: [net], subnets: [sub1, s2], ports: [both] }));
    const d = hostNetworkView(v, 'h1').dhcp[0]!;
    assert.deepEqual(
      d.subnets.map((s) => s.subnetId),
      ['s1'],
    );
    assert.deepEqual(
      d.hosts.map((h) => h.ip),
      ['10.0.0.3'],
    );
    const noDhcp = computeHostViews(
      input({ networks: [network(N1, { subnetIds: ['s2'] })], subnets: [s2], ports: [both] }),
    );
    assert.deepEqual(hostNetworkView(noDhcp, 'h1').dhcp, []);
    assert.equal(hostNetworkView(noDhcp, 'h1').networks[0]!.dhcpServer, undefined);
  });

  it('spreads networks over hosts (rendezvous hashing)', () => {
    const nets = Array.from({ length: 40 }, (_, i) =>
      network(`net-${String(i).padStart(4, '0')}`, { subnetIds: [`s${i}`] }),
    );
    const subs = nets.map((n, i) => subnet(`s${i}`, n.id, '10.0.0.0/24'));
    const prts = nets.flatMap((n, i) =>
      ['h1', 'h2', 'h3', 'h4'].map((h, j) =>
        port(`p-${i}-${j}`, n.id, { bindingHost: h, fixedIps: [{ subnetId: `s${i}`, ip: `10.0.0.${10 + j}` }] }),
      ),
    );
    const v = computeHostViews(input({ networks: nets, subnets: subs, ports: prts }));
    const counts = new Map<string, number>();
    for (const h of v.dhcpHosts.values()) counts.set(h, (counts.get(h) ?? 0) + 1);
    assert.equal(counts.size, 4, `every host serves some networks: ${JSON.stringify([...counts])}`);
  });
});

describe('host network view: security groups', () => {
  const def = group('g-def', [
    rule('r-in', { remoteIpPrefix: '', remoteGroupId: 'g-def' }),
    rule('r-out', { direction: 'egress' }),
  ]);
  const web = group('g-web', [
    rule('r-http', { protocol: 'tcp', portMin: 80, portMax: 80, remoteIpPrefix: '198.51.100.0/24' }),
    rule('r-ping', { protocol: 'icmp', icmpType: 8, remoteIpPrefix: '0.0.0.0/0' }),
    rule('r-app', { protocol: 'tcp', portMin: 8080, portMax: 8081, remoteIpPrefix: '', remoteGroupId: 'g-app' }),
  ]);

  it('resolves remote groups to member addresses of every member port, bound or not', () => {
    const ports = [
      p('port-01', 'h1', '10.0.0.3', { securityGroupIds: ['g-def'] }),
      p('port-02', 'h2', '10.0.0.4', { securityGroupIds: ['g-def'] }),
      p('port-03', '', '10.0.0.20', { securityGroupIds: ['g-def'] }),
      p('port-04', 'h1', '10.0.0.9', { securityGroupIds: ['g-web'] }),
    ];
    const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports, securityGroups: [def, web] }));
    const [a, d] = hostNetworkView(v, 'h1').ports;
    assert.deepEqual(a!.rules, [
      {
        ruleId: 'r-in',
        direction: 'ingress',
        protocol: 'any',
        portMin: 0,
        portMax: 0,
        icmpType: null,
        icmpCode: null,
        remoteCidrs: ['10.0.0.3/32', '10.0.0.4/32', '10.0.0.20/32'],
      },
      {
        ruleId: 'r-out',
        direction: 'egress',
        protocol: 'any',
        portMin: 0,
        portMax: 0,
        icmpType: null,
        icmpCode: null,
        remoteCidrs: ['0.0.0.0/0'],
      },
    ]);
    // g-app has no members: its rule admits nobody and is left out.
    assert.deepEqual(
      d!.rules.map((r) => [r.ruleId, r.remoteCidrs]),
      [
        ['r-http', ['198.51.100.0/24']],
        ['r-ping', ['0.0.0.0/0']],
      ],
    );
    assert.equal(d!.rules[1]!.icmpType, 8);
  });

  it('changes the resolved rules of every member when a member joins', () => {
    const ports = [p('port-01', 'h1', '10.0.0.3', { securityGroupIds: ['g-def'] })];
    const before = computeHostViews(input({ networks: [net1], subnets: [sub1], ports, securityGroups: [def] }));
    const after = computeHostViews(
      input({
        networks: [net1],
        subnets: [sub1],
        ports: [...ports, p('port-02', 'h2', '10.0.0.4', { securityGroupIds: ['g-def'] })],
        securityGroups: [def],
      }),
    );
    assert.deepEqual(hostNetworkView(before, 'h1').ports[0]!.rules[0]!.remoteCidrs, ['10.0.0.3/32']);
    assert.deepEqual(hostNetworkView(after, 'h1').ports[0]!.rules[0]!.remoteCidrs, ['10.0.0.3/32', '10.0.0.4/32']);
  });

  it('gives a port without groups no rules (everything dropped), and ignores unknown groups', () => {
    const ports = [p('port-01', 'h1', '10.0.0.3'), p('port-02', 'h1', '10.0.0.4', { securityGroupIds: ['g-missing'] })];
    const v = computeHostViews(input({ networks: [net1], subnets: [sub1], ports, securityGroups: [] }));
    assert.deepEqual(
      hostNetworkView(v, 'h1').ports.map((x) => x.rules),
      [[], []],
    );
  });

  it('fails closed on a corrupt remote prefix', () => {
    const bad = group('g-bad', [rule('r-bad', { remoteIpPrefix: 'nonsense' })]);
    const v = computeHostViews(
      input({
        networks: [net1],
        subnets: [sub1],
        ports: [p('port-01', 'h1', '10.0.0.3', { securityGroupIds: ['g-bad'] })],
        securityGroups: [bad],
      }),
    );
    assert.deepEqual(hostNetworkView(v, 'h1').ports[0]!.rules, []);
  });
});
