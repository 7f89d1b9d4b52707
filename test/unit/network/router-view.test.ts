// Routers and floating IPs in the per-host view (host-network-view.ts with
// router-view.ts) and in the pushed message (desired-state-proto.ts): which host
// gets which router and which networks' links, VXLAN peers both ways, router
// ports kept out of ports and DHCP, floating IPs per router, and where metadata
// is served.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostNetworkToProto } from '../../../conductor/network-push/desired-state-proto.ts';
import { desiredHostState, EMPTY_STATE_HASH } from '../../../conductor/network-push/push-plan.ts';
import {
  computeHostViews,
  type HostViewInput,
  hostNetworkView,
  servesMetadata,
} from '../../../conductor/network/host-network-view.ts';
import type { RouterInterfaceRecord } from '../../../conductor/network/model.ts';
import { network, port, subnet } from './records.ts';
import { floatingIp, gatewayOwner, router, routerPort } from './router-records.ts';

const T1 = '11111111-aaaa-4aaa-8aaa-000000000001';
const T2 = '22222222-bbbb-4bbb-8bbb-000000000002';
const EXT = '33333333-cccc-4ccc-8ccc-000000000003';
const hosts = [
  { id: 'h1', underlayIp: '192.0.2.1' },
  { id: 'h2', underlayIp: '192.0.2.2' },
  { id: 'net-a', underlayIp: '192.0.2.20' },
  { id: 'net-b', underlayIp: '192.0.2.30' },
];

const t1 = network(T1, { vni: 1001, subnetIds: ['s1'] });
const t2 = network(T2, { vni: 1002, subnetIds: ['s2'], dhcpMac: 'fa:16:3e:00:00:02' });
const ext = network(EXT, {
  providerType: 'flat',
  vni: 0,
  physicalBridge: 'br-ex',
  mtu: 1500,
  subnetIds: ['sx'],
  external: true,
});
const s1 = subnet('s1', T1, '10.0.0.0/24');
const s2 = subnet('s2', T2, '10.1.0.0/24');
const sx = subnet('sx', EXT, '203.0.113.0/24', { enableDhcp: false, dhcpIp: '' });

const guest = (id: string, net: string, sub: string, host: string, ip: string) =>
  port(id, net, {
    bindingHost: host,
    mac: `fa:16:3e:00:00:${id.slice(-2)}`,
    fixedIps: [{ subnetId: sub, ip }],
    deviceId: `vm-${id}`,
    deviceOwner: 'compute:strato',
  });
const iface = (portId: string, networkId: string, subnetId: string, ip: string): RouterInterfaceRecord => ({
  portId,
  networkId,
  subnetId,
  ip,
});

// Guests of T1 on h1 and h2; router r1 on net-a (no guest there) joins T1 and EXT.
const guests = [guest('g-01', T1, 's1', 'h1', '10.0.0.3'), guest('g-02', T1, 's1', 'h2', '10.0.0.4')];
const r1Ports = [
  routerPort('ri-11', T1, 's1', '10.0.0.1', 'r1', { bindingHost: 'net-a' }),
  routerPort('rg-11', EXT, 'sx', '203.0.113.10', 'r1', { bindingHost: 'net-a', ...gatewayOwner }),
];
const r1 = router('r1', 'net-a', {
  interfaces: [iface('ri-11', T1, 's1', '10.0.0.1')],
  gateway: { networkId: EXT, subnetId: 'sx', portId: 'rg-11', ip: '203.0.113.10', enableSnat: true },
});

function input(o: Partial<HostViewInput>): HostViewInput {
  return {
    networks: [t1, t2, ext],
    subnets: [s1, s2, sx],
    ports: [...guests, ...r1Ports],
    securityGroups: [],
    routers: [r1],
    floatingIps: [],
    hosts,
    ...o,
  };
}

describe('host network view: routers', () => {
  it('puts a router on its host with no ports there: the links of every network it has a leg on', () => {
    const v = computeHostViews(input({}));
    const a = hostNetworkView(v, 'net-a');
    assert.deepEqual(
      a.networks.map((n) => [n.networkId, n.bridge, n.vxlanPeers]),
      [
        [T1, 'brq11111111-aa', ['192.0.2.1', '192.0.2.2']],
        [EXT, 'br-ex', []],
      ],
    );
    assert.deepEqual(a.ports, [], 'a router leg is no tap');
    assert.deepEqual(a.dhcp, [], 'a router makes its host no DHCP candidate');
    assert.deepEqual(a.routers, [
      {
        routerId: 'r1',
        hostId: 'net-a',
        namespace: 'qrouter-r1',
        interfaces: [
          { portId: 'ri-11', networkId: T1, subnetId: 's1', mac: 'fa:16:3e:77:00:11', ipCidr: '10.0.0.1/24' },
        ],
        gateway: {
          portId: 'rg-11',
          networkId: EXT,
          subnetId: 'sx',
          mac: 'fa:16:3e:77:00:11',
          ipCidr: '203.0.113.10/24',
          gatewayIp: '203.0.113.1',
          enableSnat: true,
        },
        floatingIps: [],
        metadata: true,
      },
    ]);
  });

  it('makes the router host a VXLAN peer of the guests’ hosts, and keeps router ports out of ports and DHCP', () => {
    const v = computeHostViews(input({}));
    for (const [h, peers] of [
      ['h1', ['192.0.2.2', '192.0.2.20']],
      ['h2', ['192.0.2.1', '192.0.2.20']],
    ] as const) {
      const view = hostNetworkView(v, h);
      assert.deepEqual(
        view.networks.map((n) => n.networkId),
        [T1],
        `${h} has no leg on the external network`,
      );
      assert.deepEqual(view.networks[0]!.vxlanPeers, peers);
      assert.deepEqual(view.routers, []);
    }
    const all = [...v.hosts.values()];
    assert.deepEqual(all.flatMap((h) => h.ports.map((p) => p.portId)).sort(), ['g-01', 'g-02']);
    const dhcp = all.flatMap((h) => h.dhcp);
    assert.equal(dhcp.length, 1);
    assert.deepEqual(
      dhcp[0]!.hosts.map((h) => h.portId),
      ['g-01', 'g-02'],
      'no lease for the router’s address',
    );
    assert.ok(['h1', 'h2'].includes(v.dhcpHosts.get(T1)!));
  });

  it('keeps a port the router names out of ports even when its owner is unset, and one owned by a router but not yet named', () => {
    const unnamed = routerPort('ri-99', T1, 's1', '10.0.0.9', 'r9', { bindingHost: 'h1' });
    const named = { ...r1Ports[0]!, deviceOwner: '', bindingHost: 'h1' };
    const v = computeHostViews(input({ ports: [...guests, named, r1Ports[1]!, unnamed] }));
    assert.deepEqual(
      hostNetworkView(v, 'h1').ports.map((p) => p.portId),
      ['g-01'],
    );
  });

  it('places two routers on their own hosts, ordered by id on a shared host', () => {
    const t2Guest = guest('g-03', T2, 's2', 'h2', '10.1.0.3');
    const r2Port = routerPort('ri-22', T2, 's2', '10.1.0.1', 'r2', { bindingHost: 'net-b' });
    const r2 = router('r2', 'net-b', { interfaces: [iface('ri-22', T2, 's2', '10.1.0.1')] });
    const v = computeHostViews(input({ ports: [...guests, t2Guest, ...r1Ports, r2Port], routers: [r2, r1] }));
    assert.deepEqual(
      hostNetworkView(v, 'net-a').routers.map((r) => r.routerId),
      ['r1'],
    );
    const b = hostNetworkView(v, 'net-b');
    assert.deepEqual(
      b.routers.map((r) => [r.routerId, r.gateway, r.interfaces.map((i) => i.ipCidr), r.metadata]),
      [['r2', undefined, ['10.1.0.1/24'], true]],
    );
    assert.deepEqual(
      b.networks.map((n) => [n.networkId, n.vxlanPeers]),
      [[T2, ['192.0.2.2']]],
    );
    const h2 = hostNetworkView(v, 'h2');
    assert.deepEqual(
      h2.networks.map((n) => [n.networkId, n.vxlanPeers]),
      [
        [T1, ['192.0.2.1', '192.0.2.20']],
        [T2, ['192.0.2.30']],
      ],
    );

    // Both on one host: one view, routers by id whatever the input order.
    const shared = computeHostViews(
      input({
        ports: [...guests, t2Guest, ...r1Ports, r2Port],
        routers: [{ ...r2, hostId: 'net-a' }, r1],
      }),
    );
    assert.deepEqual(
      hostNetworkView(shared, 'net-a').routers.map((r) => r.routerId),
      ['r1', 'r2'],
    );
    assert.deepEqual(
      hostNetworkView(shared, 'net-a').networks.map((n) => n.networkId),
      [T1, T2, EXT],
    );
    assert.equal(hostNetworkView(shared, 'net-b').routers.length, 0);
  });

  it('maps the router’s associated floating IPs, floating → fixed, by address', () => {
    const fips = [
      floatingIp('f1', EXT, '203.0.113.30', { portId: 'g-02', fixedIp: '10.0.0.4', routerId: 'r1' }),
      floatingIp('f2', EXT, '203.0.113.21', { portId: 'g-01', fixedIp: '10.0.0.3', routerId: 'r1' }),
      // Left out: unassociated, another router's, a fixed address behind no interface, an address off the gateway's subnet.
      floatingIp('f3', EXT, '203.0.113.22'),
      floatingIp('f4', EXT, '203.0.113.23', { portId: 'g-09', fixedIp: '10.0.0.9', routerId: 'r9' }),
      floatingIp('f5', EXT, '203.0.113.24', { portId: 'g-08', fixedIp: '10.9.0.8', routerId: 'r1' }),
      floatingIp('f6', EXT, '198.51.100.7', { portId: 'g-01', fixedIp: '10.0.0.3', routerId: 'r1' }),
    ];
    const v = computeHostViews(input({ floatingIps: fips }));
    assert.deepEqual(hostNetworkView(v, 'net-a').routers[0]!.floatingIps, [
      { floatingIp: '203.0.113.21', fixedIp: '10.0.0.3' },
      { floatingIp: '203.0.113.30', fixedIp: '10.0.0.4' },
    ]);
    // Without a gateway a router carries none (the contract requires one).
    const noGw = computeHostViews(input({ floatingIps: fips, routers: [{ ...r1, gateway: undefined }] }));
    assert.deepEqual(hostNetworkView(noGw, 'net-a').routers[0]!.floatingIps, []);
    assert.deepEqual(
      hostNetworkView(noGw, 'net-a').networks.map((n) => n.networkId),
      [T1],
      'no gateway: no external link',
    );
  });

  it('leaves out legs whose records are gone or do not fit', () => {
    const v = computeHostViews(
      input({
        ports: guests,
        routers: [r1, router('r2', 'net-b', { interfaces: [iface('ri-22', T2, 's1', '10.0.0.1')] })],
      }),
    );
    const r = hostNetworkView(v, 'net-a').routers[0]!;
    assert.deepEqual(r.interfaces, []);
    assert.equal(r.gateway, undefined);
    assert.equal(r.metadata, false, 'no interface, nothing to serve');
    assert.deepEqual(hostNetworkView(v, 'net-a').networks, []);
    assert.deepEqual(hostNetworkView(v, 'net-b').routers[0]!.interfaces, [], 'port and subnet on other networks');
  });

  it('gives equal output for shuffled input', () => {
    const fips = [
      floatingIp('f1', EXT, '203.0.113.30', { portId: 'g-02', fixedIp: '10.0.0.4', routerId: 'r1' }),
      floatingIp('f2', EXT, '203.0.113.21', { portId: 'g-01', fixedIp: '10.0.0.3', routerId: 'r1' }),
    ];
    const a = computeHostViews(input({ floatingIps: fips }));
    const b = computeHostViews(
      input({
        floatingIps: [...fips].reverse(),
        ports: [...guests, ...r1Ports].reverse(),
        networks: [ext, t2, t1],
        hosts: [...hosts].reverse(),
      }),
    );
    for (const h of ['h1', 'h2', 'net-a']) {
      assert.equal(
        desiredHostState(hostNetworkToProto(hostNetworkView(a, h))).hash,
        desiredHostState(hostNetworkToProto(hostNetworkView(b, h))).hash,
      );
    }
  });
});

describe('host network view: where metadata is served', () => {
  const t2Guest = guest('g-03', T2, 's2', 'h2', '10.1.0.3');

  it('from the DHCP namespace of a network no router joins, from the router where one does', () => {
    const v = computeHostViews(input({ ports: [...guests, t2Guest, ...r1Ports] }));
    const dhcpOf = (net: string) => hostNetworkView(v, v.dhcpHosts.get(net)!).dhcp.find((d) => d.networkId === net)!;
    assert.equal(dhcpOf(T1).metadata, false, 'r1 joins T1');
    assert.equal(dhcpOf(T2).metadata, true, 'no router on T2');
    assert.equal(servesMetadata(hostNetworkView(v, 'net-a'), T1), true);
    assert.equal(servesMetadata(hostNetworkView(v, 'net-a'), EXT), false, 'a gateway serves no metadata');
    assert.equal(servesMetadata(hostNetworkView(v, v.dhcpHosts.get(T1)!), T1), false);
    assert.equal(servesMetadata(hostNetworkView(v, 'h2'), T2), true, 'h2 serves T2’s DHCP');
    assert.equal(servesMetadata(hostNetworkView(v, 'h1'), T2), false);
  });

  it('goes back to DHCP when the router has no interface there or runs nowhere', () => {
    for (const r of [
      { ...r1, interfaces: [] },
      { ...r1, hostId: '' },
    ]) {
      const v = computeHostViews(input({ routers: [r] }));
      const d = hostNetworkView(v, v.dhcpHosts.get(T1)!).dhcp[0]!;
      assert.equal(d.metadata, true);
      assert.equal(servesMetadata(hostNetworkView(v, 'net-a'), T1), false);
    }
  });
});

describe('routers in the pushed message', () => {
  it('carries the router by ids and addresses, and the DHCP metadata flag', () => {
    const fips = [floatingIp('f2', EXT, '203.0.113.21', { portId: 'g-01', fixedIp: '10.0.0.3', routerId: 'r1' })];
    const v = computeHostViews(input({ floatingIps: fips }));
    const msg = hostNetworkToProto(hostNetworkView(v, 'net-a'));
    assert.deepEqual(msg.routers, [
      {
        routerId: 'r1',
        interfaces: [{ portId: 'ri-11', networkId: T1, mac: 'fa:16:3e:77:00:11', ipCidr: '10.0.0.1/24' }],
        floatingIps: [{ floatingIp: '203.0.113.21', fixedIp: '10.0.0.3' }],
        metadata: true,
        gateway: {
          portId: 'rg-11',
          networkId: EXT,
          mac: 'fa:16:3e:77:00:11',
          ipCidr: '203.0.113.10/24',
          gatewayIp: '203.0.113.1',
          enableSnat: true,
        },
      },
    ]);
    assert.deepEqual(
      msg.networks?.map((n) => [n.networkId, n.type, n.dhcp]),
      [
        [T1, 'NETWORK_TYPE_VXLAN', undefined],
        [EXT, 'NETWORK_TYPE_FLAT', undefined],
      ],
    );
    assert.deepEqual(msg.ports, []);
    const dhcpHost = hostNetworkToProto(hostNetworkView(v, v.dhcpHosts.get(T1)!));
    assert.equal(dhcpHost.networks?.[0]?.dhcp?.metadata, false);
    assert.equal(
      'routers' in dhcpHost,
      false,
      'no routers, no field: the message of a host without routers is unchanged',
    );
    assert.equal(desiredHostState(hostNetworkToProto(hostNetworkView(v, 'nobody'))).hash, EMPTY_STATE_HASH);
  });
});
