// network_data.json for the config drive, in Nova's layout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNetworkData, netmaskOf } from '../../../conductor/compute/network-data.ts';

describe('network_data.json', () => {
  it('is empty without NICs', () => {
    assert.deepEqual(buildNetworkData([]), { links: [], networks: [], services: [] });
  });

  it('describes a DHCP NIC by its link and leaves the address to DHCP', () => {
    const nd = buildNetworkData([
      {
        portId: 'p1',
        networkId: 'n1',
        mac: 'fa:16:3e:00:00:01',
        mtu: 1450,
        tap: 'tapp1',
        ips: [{ ip: '10.0.0.5', cidr: '10.0.0.0/24', gatewayIp: '10.0.0.1', dnsServers: ['10.0.0.2'], dhcp: true }],
      },
    ]);
    assert.deepEqual(nd, {
      links: [{ id: 'tapp1', vif_id: 'p1', type: 'bridge', mtu: 1450, ethernet_mac_address: 'fa:16:3e:00:00:01' }],
      networks: [{ id: 'network0', type: 'ipv4_dhcp', link: 'tapp1', network_id: 'n1' }],
      services: [{ type: 'dns', address: '10.0.0.2' }],
    });
  });

  it('gives a NIC without DHCP its static address, netmask, default route and DNS', () => {
    const nd = buildNetworkData([
      {
        portId: 'p1',
        networkId: 'n1',
        mac: 'fa:16:3e:00:00:01',
        mtu: 1500,
        tap: 'tapp1',
        ips: [
          { ip: '192.168.5.9', cidr: '192.168.4.0/23', gatewayIp: '192.168.4.1', dnsServers: ['9.9.9.9'], dhcp: false },
        ],
      },
      {
        portId: 'p2',
        networkId: 'n2',
        mac: 'fa:16:3e:00:00:02',
        mtu: 1450,
        tap: 'tapp2',
        ips: [{ ip: '10.1.0.3', cidr: '10.1.0.0/24', gatewayIp: '', dnsServers: ['9.9.9.9'], dhcp: false }],
      },
    ]);
    assert.equal(nd.links.length, 2);
    assert.deepEqual(nd.networks[0], {
      id: 'network0',
      type: 'ipv4',
      link: 'tapp1',
      network_id: 'n1',
      ip_address: '192.168.5.9',
      netmask: '255.255.254.0',
      routes: [{ network: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.4.1' }],
      services: [{ type: 'dns', address: '9.9.9.9' }],
    });
    assert.deepEqual(nd.networks[1]?.routes, [], 'no gateway, no default route');
    assert.equal(nd.networks[1]?.id, 'network1');
    assert.deepEqual(nd.services, [{ type: 'dns', address: '9.9.9.9' }], 'DNS servers once each');
  });

  it('computes netmasks', () => {
    for (const [cidr, mask] of [
      ['10.0.0.0/8', '255.0.0.0'],
      ['10.0.0.0/24', '255.255.255.0'],
      ['10.0.0.0/30', '255.255.255.252'],
      ['10.0.0.1/32', '255.255.255.255'],
      ['0.0.0.0/0', '0.0.0.0'],
    ]) {
      assert.equal(netmaskOf(cidr as string), mask);
    }
  });
});
