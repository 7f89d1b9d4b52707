// The conductor's per-host view as the ApplyNetworkState message: every field of the
// typed contract, and the contract end to end — what the conductor builds, encoded and
// decoded by the real protobuf codec and read by the agent's edge converter, is the
// driver's plain state the conductor meant.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { computeHostViews, hostNetworkView } from '../../../conductor/network/host-network-view.ts';
import { hostNetworkToProto } from '../../../conductor/network-push/desired-state-proto.ts';
import { desiredHostState, EMPTY_STATE_HASH } from '../../../conductor/network-push/push-plan.ts';
import { group, network, port, rule, subnet } from '../network/records.ts';
import { type AgentReader, agentReader } from './wire.ts';

const N1 = '11111111-aaaa-4aaa-8aaa-000000000001';
const N2 = '22222222-bbbb-4bbb-8bbb-000000000002';

describe('desired host state as a proto message', () => {
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
  const hosts = [
    { id: 'h1', underlayIp: '192.0.2.1' },
    { id: 'h2', underlayIp: '192.0.2.2' },
  ];
  const views = computeHostViews({ networks: [net1, flat], subnets: [s1, s2], ports, securityGroups: [g], hosts });
  const message = hostNetworkToProto(hostNetworkView(views, 'h1'));

  it('carries networks, DHCP, ports, rules and underlay peers by id, with no interface names', () => {
    assert.deepEqual(message, {
      networks: [
        {
          networkId: N1,
          type: 'NETWORK_TYPE_VXLAN',
          vni: 1001,
          mtu: 1450,
          vxlanPeers: [],
          dhcp: {
            mac: net1.dhcpMac,
            subnets: [{ cidr: '10.0.0.0/24', serverIp: '10.0.0.2', gateway: '10.0.0.1', dns: ['192.0.2.53'] }],
            hosts: [{ mac: 'fa:16:3e:00:00:0a', ip: '10.0.0.3' }],
            metadata: true,
          },
        },
        {
          networkId: N2,
          type: 'NETWORK_TYPE_FLAT',
          physicalBridge: 'br-ex',
          mtu: 1500,
          vxlanPeers: [],
          dhcp: {
            mac: flat.dhcpMac,
            subnets: [{ cidr: '198.51.100.0/24', serverIp: '198.51.100.2', gateway: '', dns: [] }],
            hosts: [{ mac: 'fa:16:3e:00:00:0b', ip: '198.51.100.3' }],
            metadata: true,
          },
        },
      ],
      ports: [
        {
          portId: 'port-a',
          networkId: N1,
          mac: 'fa:16:3e:00:00:0a',
          ips: ['10.0.0.3'],
          rules: [
            {
              direction: 'RULE_DIRECTION_INGRESS',
              protocol: 'RULE_PROTOCOL_TCP',
              portMin: 22,
              portMax: 22,
              remoteCidrs: ['10.0.0.0/8'],
            },
            {
              direction: 'RULE_DIRECTION_INGRESS',
              protocol: 'RULE_PROTOCOL_ICMP',
              portMin: 8,
              portMax: 0,
              remoteCidrs: ['0.0.0.0/0'],
            },
            { direction: 'RULE_DIRECTION_EGRESS', protocol: 'RULE_PROTOCOL_ANY', remoteCidrs: ['0.0.0.0/0'] },
          ],
        },
        { portId: 'port-b', networkId: N2, mac: 'fa:16:3e:00:00:0b', ips: ['198.51.100.3'], rules: [] },
      ],
      underlayPeers: ['192.0.2.2'],
    });
  });

  it('is the bare empty state for a host with nothing bound (no VXLAN filter to feed, so no underlay peers)', () => {
    assert.deepEqual(hostNetworkToProto(hostNetworkView(views, 'h9')), { networks: [], ports: [], underlayPeers: [] });
    assert.deepEqual(hostNetworkToProto(hostNetworkView(views, 'h2')), { networks: [], ports: [], underlayPeers: [] });
    // What keeps an empty host from being pushed at all until it gets a port (push-plan.ts).
    assert.equal(desiredHostState(hostNetworkToProto(hostNetworkView(views, 'h9'))).hash, EMPTY_STATE_HASH);
  });

  describe('over the wire, read by the agent', () => {
    let read: AgentReader;
    before(async () => {
      read = await agentReader();
    });

    it('is the driver state the conductor meant', () => {
      assert.deepEqual(read({ hostId: 'h1', generation: '1', state: message }), {
        networks: [
          {
            networkId: N1,
            type: 'vxlan',
            vni: 1001,
            mtu: 1450,
            vxlanPeers: [],
            dhcp: {
              mac: net1.dhcpMac,
              subnets: [{ cidr: '10.0.0.0/24', serverIp: '10.0.0.2', gateway: '10.0.0.1', dns: ['192.0.2.53'] }],
              hosts: [{ mac: 'fa:16:3e:00:00:0a', ip: '10.0.0.3' }],
              // No router joins it: its DHCP namespace serves the metadata service.
              metadata: true,
            },
          },
          {
            networkId: N2,
            type: 'flat',
            physicalBridge: 'br-ex',
            mtu: 1500,
            vxlanPeers: [],
            dhcp: {
              mac: flat.dhcpMac,
              subnets: [{ cidr: '198.51.100.0/24', serverIp: '198.51.100.2', dns: [] }],
              hosts: [{ mac: 'fa:16:3e:00:00:0b', ip: '198.51.100.3' }],
              metadata: true,
            },
          },
        ],
        ports: [
          {
            portId: 'port-a',
            networkId: N1,
            mac: 'fa:16:3e:00:00:0a',
            ips: ['10.0.0.3'],
            securityGroups: [
              { direction: 'ingress', protocol: 'tcp', portMin: 22, portMax: 22, remoteCidrs: ['10.0.0.0/8'] },
              { direction: 'ingress', protocol: 'icmp', portMin: 8, portMax: 0, remoteCidrs: ['0.0.0.0/0'] },
              { direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] },
            ],
          },
          { portId: 'port-b', networkId: N2, mac: 'fa:16:3e:00:00:0b', ips: ['198.51.100.3'], securityGroups: [] },
        ],
        underlayPeers: ['192.0.2.2'],
      });
    });

    it('reads an empty host as the empty state', () => {
      assert.deepEqual(
        read({ hostId: 'h9', generation: '1', state: hostNetworkToProto(hostNetworkView(views, 'h9')) }),
        {
          networks: [],
          ports: [],
        },
      );
    });
  });
});
