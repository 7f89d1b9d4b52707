// state_json parsing: a full HostNetworkState round-trips; every shape error is
// INVALID_ARGUMENT (STATE_INVALID) naming the field, unknown fields included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHostNetworkState } from '../../../agent/network/network-state-json.ts';
import { isStratoError } from '../../../common/errors.ts';
import { desiredState } from '../network-agent/fixtures.ts';

test('a full desired state round-trips unchanged', () => {
  const s = desiredState();
  s.ports[0]!.portSecurity = false;
  s.ports[0]!.securityGroups.push({ direction: 'ingress', protocol: 'tcp', portMin: 22, portMax: 23, remoteCidrs: [] });
  s.networks[0]!.mtu = 1400;
  s.networks[0]!.dhcp!.upstreamDns = ['192.0.2.53'];
  s.networks.push({ networkId: 'n2', type: 'flat', physicalBridge: 'br-ex', bridge: 'br-ex', vxlanPeers: [] });
  assert.deepEqual(parseHostNetworkState(JSON.stringify(s)), s);
  assert.deepEqual(parseHostNetworkState('{"networks":[],"ports":[]}'), { networks: [], ports: [] });
});

test('vxlanPeers may be omitted (no other host)', () => {
  const s = desiredState() as unknown as { networks: Record<string, unknown>[] };
  delete s.networks[0]!.vxlanPeers;
  assert.deepEqual(parseHostNetworkState(JSON.stringify(s)).networks[0]!.vxlanPeers, []);
});

// biome-ignore lint/suspicious/noExplicitAny: the tests break the document's shape on purpose
type Doc = Record<string, any>;
const net0 = (s: Doc): Doc => s.networks[0];
const port0 = (s: Doc): Doc => s.ports[0];
const bad: [string, (s: Doc) => unknown, string][] = [
  ['not an object', () => [], '$'],
  ['networks missing', (s) => ({ ports: s.ports }), '$.networks'],
  ['unknown top-level field', (s) => ({ ...s, routers: [] }), '$.routers'],
  ['unknown port field', (s) => set(port0(s), 'vlan', 5, s), '$.ports[0].vlan'],
  ['network type', (s) => set(net0(s), 'type', 'vlan', s), '$.networks[0].type'],
  ['vni a string', (s) => set(net0(s), 'vni', '42', s), '$.networks[0].vni'],
  ['mtu fractional', (s) => set(net0(s), 'mtu', 1450.5, s), '$.networks[0].mtu'],
  ['ips not an array', (s) => set(port0(s), 'ips', '10.0.0.10', s), '$.ports[0].ips'],
  ['empty ip', (s) => set(port0(s), 'ips', [''], s), '$.ports[0].ips[0]'],
  [
    'rule direction',
    (s) => set(port0(s).securityGroups[0], 'direction', 'both', s),
    '$.ports[0].securityGroups[0].direction',
  ],
  ['portSecurity a string', (s) => set(port0(s), 'portSecurity', 'no', s), '$.ports[0].portSecurity'],
  ['dhcp host without ip', (s) => set(net0(s).dhcp.hosts[0], 'ip', undefined, s), '$.networks[0].dhcp.hosts[0].ip'],
  ['underlayPeers not an array', (s) => set(s, 'underlayPeers', '192.0.2.2', s), '$.underlayPeers'],
  ['empty underlay peer', (s) => set(s, 'underlayPeers', ['192.0.2.2', ''], s), '$.underlayPeers[1]'],
];

/** Sets `obj[key]` (undefined drops it from the JSON) and returns the whole document. */
function set(obj: Doc, key: string, value: unknown, doc: Doc): Doc {
  obj[key] = value;
  return doc;
}

for (const [name, mutate, field] of bad) {
  test(`refused: ${name}`, () => {
    const doc = mutate(desiredState() as unknown as Doc);
    assert.throws(
      () => parseHostNetworkState(JSON.stringify(doc)),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'STATE_INVALID' && e.details.field === field,
    );
  });
}

test('refused: not JSON', () => {
  assert.throws(
    () => parseHostNetworkState('{"networks": ['),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'STATE_INVALID' && /not JSON/.test(e.message),
  );
});
