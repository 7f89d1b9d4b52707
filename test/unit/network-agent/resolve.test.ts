// Desired-state validation: bad input is refused with a precise reason before any step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { isStratoError } from '../../../common/errors.ts';
import { bridgeName, tapName } from '../../../common/network-names.ts';
import { desiredState, NET, PORT, resolve } from './fixtures.ts';

function rejects(mutate: (d: DesiredHostNetwork) => void, reason: string, code = 'INVALID_ARGUMENT'): void {
  const d = desiredState();
  mutate(d);
  assert.throws(
    () => resolve(d),
    (e: unknown) => isStratoError(e) && e.reason === reason && e.code === code,
  );
}

describe('resolveDesired', () => {
  it('defaults the MTU to underlay − 50 and applies it to bridge, VXLAN and taps', () => {
    const r = resolve(desiredState());
    assert.equal(r.networks[0]!.mtu, 1450);
    assert.equal(r.networks[0]!.vxlan!.mtu, 1450);
    assert.equal(r.ports[0]!.mtu, 1450);
  });

  it('names the bridge, VXLAN link, DHCP veths and tap from the ids (no name comes from the caller)', () => {
    const r = resolve(desiredState());
    const n = r.networks[0]!;
    assert.equal(n.bridge, bridgeName(NET));
    assert.equal(n.vxlan?.name, 'vxlan-42');
    assert.deepEqual(
      [n.dhcp?.namespace, n.dhcp?.hostEnd, n.dhcp?.nsEnd],
      [`qdhcp-${NET}`, 'dh-11111111-22', 'ns-11111111-22'],
    );
    assert.equal(r.ports[0]!.tap, tapName(PORT));
    assert.equal(r.ports[0]!.firewall.tap, tapName(PORT));
    for (const name of [n.bridge, n.vxlan!.name, n.dhcp!.hostEnd, n.dhcp!.nsEnd, r.ports[0]!.tap]) {
      assert.ok(name.length <= 15, `${name} fits an interface name`);
    }
  });

  it('leaves out a network with neither ports nor DHCP here', () => {
    const d = desiredState();
    d.ports = [];
    delete d.networks[0]!.dhcp;
    assert.deepEqual(resolve(d).networks, []);
  });

  const cases: [string, (d: DesiredHostNetwork) => void, string, string?][] = [
    ['VNI out of range', (d) => (d.networks[0]!.vni = 0x1000000), 'INVALID_VNI'],
    ['MTU above underlay − 50', (d) => (d.networks[0]!.mtu = 1500), 'INVALID_MTU'],
    ['bad MAC', (d) => (d.ports[0]!.mac = 'nope'), 'INVALID_MAC'],
    ['bad port IP', (d) => (d.ports[0]!.ips = ['10.0.0.300']), 'INVALID_IP'],
    [
      'two ports whose ids give the same tap',
      (d) => d.ports.push({ ...structuredClone(d.ports[0]!), portId: `${PORT.slice(0, 11)}-other` }),
      'DUPLICATE_TAP',
    ],
    ['a port listed twice', (d) => d.ports.push(structuredClone(d.ports[0]!)), 'DUPLICATE_TAP'],
    ['port on an unknown network', (d) => (d.ports[0]!.networkId = 'ffffffff'), 'UNKNOWN_NETWORK'],
    ['duplicate network', (d) => d.networks.push(structuredClone(d.networks[0]!)), 'DUPLICATE_NETWORK'],
    ['id with characters nft would interpret', (d) => (d.ports[0]!.portId = 'a"b'), 'INVALID_ID'],
    ['underlay peer not an address', (d) => (d.underlayPeers = ['192.0.2.2', '10.0.0.0/8']), 'INVALID_IP'],
    ['underlay peer with a scope', (d) => (d.underlayPeers = ['fe80::1%eth0']), 'INVALID_IP'],
    ['underlay peer nft would interpret', (d) => (d.underlayPeers = ['192.0.2.2 }; flush ruleset; {']), 'INVALID_IP'],
    [
      'flat bridge missing on host',
      (d) => (d.networks[0] = { networkId: NET, type: 'flat', physicalBridge: 'br-nope', vxlanPeers: [] }),
      'PHYSICAL_BRIDGE_MISSING',
      'FAILED_PRECONDITION',
    ],
  ];
  for (const [name, mutate, reason, code] of cases) it(`refuses: ${name}`, () => rejects(mutate, reason, code));
});
