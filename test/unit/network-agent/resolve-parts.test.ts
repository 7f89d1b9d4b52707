// The parts resolveDesired is made of, each on its own: table tests over plain data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ResolveContext,
  resolveFlatNetwork,
  resolveNetworks,
  resolvePorts,
  resolveUnderlay,
  resolveVxlanNetwork,
  type Underlay,
  vxlanSources,
} from '../../../agent/network/linux/resolve.ts';
import type { NetworkSpec } from '../../../agent/network/network-driver.ts';
import { isStratoError } from '../../../common/errors.ts';
import { bridgeName, tapName } from '../../../common/network-names.ts';
import { desiredState, NET, NET2, PORT, PORT2, resolve, STATE_DIR } from './fixtures.ts';

const underlay: Underlay = { local: '192.0.2.1', dev: 'eth0', mtu: 1500 };
const ctx: ResolveContext = {
  facts: { underlayDevice: 'eth0', underlayIp: '192.0.2.1' },
  underlayMtu: 1500,
  stateDir: STATE_DIR,
  linkMtu: (n) => ({ 'br-ex': 9000 })[n],
};
const vx = (o: Partial<NetworkSpec> = {}): NetworkSpec => ({
  networkId: NET,
  type: 'vxlan',
  vni: 42,
  vxlanPeers: [],
  ...o,
});
const refused =
  (reason: string, code = 'INVALID_ARGUMENT') =>
  (e: unknown) =>
    isStratoError(e) && e.code === code && e.reason === reason;

describe('resolve parts', () => {
  it('resolveUnderlay checks the facts', () => {
    assert.deepEqual(resolveUnderlay(ctx), underlay);
    assert.throws(
      () => resolveUnderlay({ ...ctx, facts: { ...ctx.facts, underlayIp: 'nope' } }),
      refused('INVALID_IP'),
    );
    assert.throws(
      () => resolveUnderlay({ ...ctx, facts: { ...ctx.facts, underlayDevice: 'a device' } }),
      refused('INVALID_INTERFACE_NAME'),
    );
  });

  const vxlanCases: [string, NetworkSpec, Underlay, Partial<ReturnType<typeof resolveVxlanNetwork>> | string][] = [
    ['default MTU: underlay − 50', vx(), underlay, { mtu: 1450, bridge: bridgeName(NET), managedBridge: true }],
    ['an MTU below the limit is kept', vx({ mtu: 1400 }), underlay, { mtu: 1400 }],
    [
      'peers deduplicated, sorted, own address dropped',
      vx({ vxlanPeers: ['192.0.2.3', '192.0.2.1', '192.0.2.2', '192.0.2.3'] }),
      underlay,
      { peers: ['192.0.2.2', '192.0.2.3'] },
    ],
    ['VNI 0', vx({ vni: 0 }), underlay, 'INVALID_VNI'],
    ['VNI absent', vx({ vni: undefined }), underlay, 'INVALID_VNI'],
    ['MTU above underlay − 50', vx({ mtu: 1451 }), underlay, 'INVALID_MTU'],
    ['MTU below 576', vx({ mtu: 500 }), underlay, 'INVALID_MTU'],
    ['bad peer', vx({ vxlanPeers: ['10.0.0.0/8'] }), underlay, 'INVALID_IP'],
    ['no underlay device', vx(), { ...underlay, mtu: Number.NaN }, 'UNDERLAY_MISSING'],
  ];
  for (const [name, spec, u, want] of vxlanCases) {
    it(`resolveVxlanNetwork: ${name}`, () => {
      if (typeof want === 'string') {
        const code = want === 'UNDERLAY_MISSING' ? 'FAILED_PRECONDITION' : 'INVALID_ARGUMENT';
        assert.throws(() => resolveVxlanNetwork(spec, u), refused(want, code));
        return;
      }
      const r = resolveVxlanNetwork(spec, u);
      for (const [k, v] of Object.entries(want)) assert.deepEqual(r[k as keyof typeof r], v, k);
      assert.deepEqual(r.vxlan, { name: 'vxlan-42', vni: 42, local: '192.0.2.1', dev: 'eth0', mtu: 1450 });
    });
  }

  it('resolveFlatNetwork: the operator’s bridge and its MTU; a missing bridge is a precondition', () => {
    const flat: NetworkSpec = { networkId: NET2, type: 'flat', physicalBridge: 'br-ex', vxlanPeers: [] };
    assert.deepEqual(resolveFlatNetwork(flat, ctx.linkMtu), {
      networkId: NET2,
      bridge: 'br-ex',
      managedBridge: false,
      mtu: 9000,
      peers: [],
    });
    assert.equal(resolveFlatNetwork({ ...flat, mtu: 1500 }, ctx.linkMtu).mtu, 1500);
    assert.throws(
      () => resolveFlatNetwork({ ...flat, physicalBridge: 'br-nope' }, ctx.linkMtu),
      refused('PHYSICAL_BRIDGE_MISSING', 'FAILED_PRECONDITION'),
    );
    assert.throws(
      () => resolveFlatNetwork({ ...flat, physicalBridge: undefined }, ctx.linkMtu),
      refused('INVALID_INTERFACE_NAME'),
    );
  });

  it('resolveNetworks: keeps networks with a port or DHCP here, but checks every listed id', () => {
    const d = desiredState();
    d.networks.push(vx({ networkId: NET2, vni: 0 }));
    assert.deepEqual(
      resolveNetworks(d, underlay, ctx).map((n) => n.networkId),
      [NET],
      'an unused network is not resolved (its bad VNI does not matter)',
    );
    d.networks.push(vx({ networkId: 'a b' }));
    assert.throws(() => resolveNetworks(d, underlay, ctx), refused('INVALID_ID'));
  });

  it('resolveNetworks: refuses two flat networks on one bridge', () => {
    const d = desiredState();
    const flat = (networkId: string): NetworkSpec => ({
      networkId,
      type: 'flat',
      physicalBridge: 'br-ex',
      vxlanPeers: [],
    });
    d.networks = [flat(NET), flat(NET2)];
    d.ports.push({ ...structuredClone(d.ports[0]!), portId: PORT2, networkId: NET2 });
    assert.throws(() => resolveNetworks(d, underlay, ctx), refused('DUPLICATE_BRIDGE'));
  });

  it('resolvePorts: each port on its network with a tap of its own', () => {
    const r = resolve(desiredState());
    const ports = desiredState().ports;
    assert.deepEqual(
      resolvePorts(ports, r.networks).map((p) => [p.portId, p.tap, p.bridge, p.hostMac]),
      [[PORT, tapName(PORT), bridgeName(NET), 'fe:16:3e:00:00:10']],
    );
    assert.throws(() => resolvePorts(ports, []), refused('UNKNOWN_NETWORK'));
    const twin = { ...structuredClone(ports[0]!), portId: `${PORT.slice(0, 11)}zz` };
    assert.throws(
      () => resolvePorts([...ports, twin], r.networks),
      (e) =>
        refused('DUPLICATE_TAP')(e) &&
        (e as Error).message.includes(PORT) &&
        (e as Error).message.includes(twin.portId),
    );
  });

  it('vxlanSources: registered hosts and peers, canonical, sorted, own address left out', () => {
    const r = resolve(desiredState());
    assert.deepEqual(vxlanSources(['192.0.2.9', '192.0.2.1', '2001:DB8::1'], r.networks, '192.0.2.1'), [
      '192.0.2.2',
      '192.0.2.3',
      '192.0.2.9',
      '2001:db8::1',
    ]);
    assert.deepEqual(vxlanSources([], [], '192.0.2.1'), []);
    assert.throws(() => vxlanSources(['fe80::1%eth0'], [], '192.0.2.1'), refused('INVALID_IP'));
  });
});
