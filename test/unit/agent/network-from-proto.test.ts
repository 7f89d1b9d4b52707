// The ApplyNetworkState message → the driver's plain state, at the agent's gRPC edge:
// every field maps (absent optional ones stay absent), and every missing or malformed
// field is INVALID_ARGUMENT (STATE_INVALID) naming it by its proto path. Replaces the
// tests of the JSON parser it took over from: each shape error a typed message can
// still carry is here; the rest (a string for a number, a non-array) cannot be encoded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostNetworkFromProto } from '../../../agent/server/network-from-proto.ts';
import { isStratoError } from '../../../common/errors.ts';
import type { HostNetworkState__Output } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import { desiredMessage, desiredState, NET2, PORT2 } from '../network-agent/fixtures.ts';

describe('hostNetworkFromProto', () => {
  it('maps the fixture message to the fixture state', () => {
    assert.deepEqual(hostNetworkFromProto(desiredMessage()), desiredState());
  });

  it('maps every field, optional ones included', () => {
    const m = desiredMessage();
    const net = m.networks[0]!;
    net.mtu = 1400;
    net.dhcp!.upstreamDns = ['192.0.2.53'];
    net.dhcp!.metadata = true;
    net.dhcp!.subnets.push({ cidr: '10.0.1.0/24', serverIp: '10.0.1.2', gateway: '', dns: [] });
    net.dhcp!.hosts.push({ mac: 'fa:16:3e:00:00:11', ip: '10.0.1.11', hostname: '' });
    m.networks.push({
      networkId: NET2,
      type: 'NETWORK_TYPE_FLAT',
      vni: 7,
      physicalBridge: 'br-ex',
      mtu: 0,
      vxlanPeers: [],
      dhcp: null,
    });
    const p = m.ports[0]!;
    p.portSecurity = false;
    p.rules.push(
      {
        direction: 'RULE_DIRECTION_INGRESS',
        protocol: 'RULE_PROTOCOL_TCP',
        portMin: 22,
        portMax: 23,
        remoteCidrs: [],
      },
      { direction: 'RULE_DIRECTION_INGRESS', protocol: 'RULE_PROTOCOL_ICMP', portMin: 0, remoteCidrs: ['10.0.0.0/8'] },
      { direction: 'RULE_DIRECTION_EGRESS', protocol: 'RULE_PROTOCOL_UDP', portMin: 53, remoteCidrs: ['0.0.0.0/0'] },
    );
    m.ports.push({
      portId: PORT2,
      networkId: NET2,
      mac: 'fa:16:3e:00:00:20',
      ips: [],
      rules: [],
      portSecurity: true,
      attach: { namespace: 'guest-1' },
    });

    const want = desiredState();
    const wn = want.networks[0]!;
    wn.mtu = 1400;
    wn.dhcp!.upstreamDns = ['192.0.2.53'];
    wn.dhcp!.metadata = true;
    wn.dhcp!.subnets.push({ cidr: '10.0.1.0/24', serverIp: '10.0.1.2', dns: [] });
    wn.dhcp!.hosts.push({ mac: 'fa:16:3e:00:00:11', ip: '10.0.1.11' });
    want.networks.push({ networkId: NET2, type: 'flat', physicalBridge: 'br-ex', vxlanPeers: [] });
    const wp = want.ports[0]!;
    wp.portSecurity = false;
    wp.securityGroups.push(
      { direction: 'ingress', protocol: 'tcp', portMin: 22, portMax: 23, remoteCidrs: [] },
      { direction: 'ingress', protocol: 'icmp', portMin: 0, remoteCidrs: ['10.0.0.0/8'] },
      { direction: 'egress', protocol: 'udp', portMin: 53, remoteCidrs: ['0.0.0.0/0'] },
    );
    want.ports.push({
      portId: PORT2,
      networkId: NET2,
      mac: 'fa:16:3e:00:00:20',
      ips: [],
      securityGroups: [],
      portSecurity: true,
      attach: { namespace: 'guest-1' },
    });
    assert.deepEqual(hostNetworkFromProto(m), want);
  });

  it('reads the empty message as the empty state', () => {
    assert.deepEqual(hostNetworkFromProto({ networks: [], ports: [], underlayPeers: [], routers: [] }), {
      networks: [],
      ports: [],
    });
  });

  type Msg = HostNetworkState__Output;
  const net0 = (m: Msg) => m.networks[0]!;
  const port0 = (m: Msg) => m.ports[0]!;
  const bad: [string, (m: Msg) => void, string][] = [
    ['network id missing', (m) => (net0(m).networkId = ''), 'state.networks[0].network_id'],
    ['network type unspecified', (m) => (net0(m).type = 'NETWORK_TYPE_UNSPECIFIED'), 'state.networks[0].type'],
    [
      'network type this agent does not know',
      (m) => (net0(m).type = 9 as unknown as Msg['networks'][0]['type']),
      'state.networks[0].type',
    ],
    ['vxlan without a VNI', (m) => (net0(m).vni = 0), 'state.networks[0].vni'],
    [
      'flat without a bridge',
      (m) => Object.assign(net0(m), { type: 'NETWORK_TYPE_FLAT', physicalBridge: '' }),
      'state.networks[0].physical_bridge',
    ],
    ['empty vxlan peer', (m) => (net0(m).vxlanPeers = ['192.0.2.2', '']), 'state.networks[0].vxlan_peers[1]'],
    ['dhcp without a MAC', (m) => (net0(m).dhcp!.mac = ''), 'state.networks[0].dhcp.mac'],
    [
      'dhcp subnet without a CIDR',
      (m) => (net0(m).dhcp!.subnets[0]!.cidr = ''),
      'state.networks[0].dhcp.subnets[0].cidr',
    ],
    [
      'dhcp subnet without a server address',
      (m) => (net0(m).dhcp!.subnets[0]!.serverIp = ''),
      'state.networks[0].dhcp.subnets[0].server_ip',
    ],
    ['empty dns server', (m) => (net0(m).dhcp!.subnets[0]!.dns = ['']), 'state.networks[0].dhcp.subnets[0].dns[0]'],
    ['dhcp host without a MAC', (m) => (net0(m).dhcp!.hosts[0]!.mac = ''), 'state.networks[0].dhcp.hosts[0].mac'],
    ['dhcp host without an ip', (m) => (net0(m).dhcp!.hosts[0]!.ip = ''), 'state.networks[0].dhcp.hosts[0].ip'],
    ['empty upstream resolver', (m) => (net0(m).dhcp!.upstreamDns = ['']), 'state.networks[0].dhcp.upstream_dns[0]'],
    ['port id missing', (m) => (port0(m).portId = ''), 'state.ports[0].port_id'],
    ['port network missing', (m) => (port0(m).networkId = ''), 'state.ports[0].network_id'],
    ['port MAC missing', (m) => (port0(m).mac = ''), 'state.ports[0].mac'],
    ['empty ip', (m) => (port0(m).ips = ['']), 'state.ports[0].ips[0]'],
    [
      'rule direction unspecified',
      (m) => (port0(m).rules[0]!.direction = 'RULE_DIRECTION_UNSPECIFIED'),
      'state.ports[0].rules[0].direction',
    ],
    [
      'rule direction this agent does not know',
      (m) => (port0(m).rules[0]!.direction = 3 as unknown as Msg['ports'][0]['rules'][0]['direction']),
      'state.ports[0].rules[0].direction',
    ],
    [
      'rule protocol unspecified',
      (m) => (port0(m).rules[0]!.protocol = 'RULE_PROTOCOL_UNSPECIFIED'),
      'state.ports[0].rules[0].protocol',
    ],
    ['empty remote CIDR', (m) => (port0(m).rules[0]!.remoteCidrs = ['']), 'state.ports[0].rules[0].remote_cidrs[0]'],
    ['attach without a namespace', (m) => (port0(m).attach = { namespace: '' }), 'state.ports[0].attach.namespace'],
    ['empty underlay peer', (m) => (m.underlayPeers = ['192.0.2.2', '']), 'state.underlay_peers[1]'],
  ];
  for (const [name, mutate, field] of bad) {
    it(`refuses ${name}, naming ${field}`, () => {
      const m = desiredMessage();
      mutate(m);
      assert.throws(
        () => hostNetworkFromProto(m),
        (e) =>
          isStratoError(e, 'INVALID_ARGUMENT') &&
          e.reason === 'STATE_INVALID' &&
          e.details.field === field &&
          e.message.startsWith(`${field}: `),
      );
    });
  }

  it('refuses a request without a state (never read as "remove everything")', () => {
    for (const missing of [null, undefined]) {
      assert.throws(
        () => hostNetworkFromProto(missing),
        (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'STATE_INVALID' && e.details.field === 'state',
      );
    }
  });
});
