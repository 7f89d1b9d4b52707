// Router validation: every bad router is refused with a precise reason naming the
// field, before any step; a good one resolves to the names and NAT the host will hold.
// Also the gRPC edge's conversion of RouterConfig.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DesiredHostNetwork, RouterSpec } from '../../../agent/network/network-driver.ts';
import { hostNetworkFromProto } from '../../../agent/server/network-from-proto.ts';
import { isStratoError } from '../../../common/errors.ts';
import { desiredMessage, resolve } from './fixtures.ts';
import { EXT, EXT_BRIDGE, QG_PORT, QR_PORT, ROUTER, routedState } from './router-fixtures.ts';

const BRIDGES = { [EXT_BRIDGE]: 1500 };
const r1 = (d: DesiredHostNetwork): RouterSpec => d.routers![0]!;

function rejects(mutate: (d: DesiredHostNetwork) => void, reason: string, field: string): void {
  const d = routedState();
  mutate(d);
  assert.throws(
    () => resolve(d, BRIDGES),
    (e: unknown) =>
      isStratoError(e, 'INVALID_ARGUMENT') &&
      e.reason === reason &&
      e.message.includes(field) &&
      e.details.field === field,
    `${reason} naming ${field}`,
  );
}

describe('resolveRouters', () => {
  it('names the namespace and legs from the ids and gives the gateway leg its floating /32s', () => {
    const r = resolve(routedState(), BRIDGES).routers[0]!;
    assert.equal(r.namespace, `qrouter-${ROUTER}`);
    assert.deepEqual(
      r.legs.map((l) => [l.hostEnd, l.nsEnd, l.bridge, l.addresses]),
      [
        ['tqrc1111111-00', 'qr-c1111111-00', 'brq11111111-22', ['10.0.0.1/24']],
        ['tqgc2222222-00', 'qg-c2222222-00', EXT_BRIDGE, ['203.0.113.2/24', '203.0.113.10/32']],
      ],
    );
    assert.deepEqual(r.defaultRoute, { via: '203.0.113.1', dev: 'qg-c2222222-00' });
  });

  it('the same state resolves to the same NAT hash; a changed floating IP to another', () => {
    const a = resolve(routedState(), BRIDGES).routers[0]!.nat.hash;
    assert.equal(resolve(routedState(), BRIDGES).routers[0]!.nat.hash, a);
    const d = routedState();
    r1(d).floatingIps[0]!.fixedIp = '10.0.0.11';
    assert.notEqual(resolve(d, BRIDGES).routers[0]!.nat.hash, a);
  });

  const cases: [string, (d: DesiredHostNetwork) => void, string, string][] = [
    ['router id charset', (d) => (r1(d).routerId = 'r/1'), 'INVALID_ID', 'state.routers[0].router_id'],
    [
      'duplicate router id',
      (d) => (d.routers![1]!.routerId = ROUTER),
      'DUPLICATE_ROUTER',
      'state.routers[1].router_id',
    ],
    [
      'interface on a network not listed',
      (d) => (r1(d).interfaces[0]!.networkId = 'nope'),
      'UNKNOWN_NETWORK',
      'state.routers[0].interfaces[0].network_id',
    ],
    [
      'gateway on a network not listed',
      (d) => (r1(d).gateway!.networkId = 'nope'),
      'UNKNOWN_NETWORK',
      'state.routers[0].gateway.network_id',
    ],
    [
      'bad CIDR',
      (d) => (r1(d).interfaces[0]!.ipCidr = '10.0.0.1'),
      'INVALID_CIDR',
      'state.routers[0].interfaces[0].ip_cidr',
    ],
    [
      'IPv6 CIDR',
      (d) => (r1(d).interfaces[0]!.ipCidr = 'fd00::1/64'),
      'INVALID_CIDR',
      'state.routers[0].interfaces[0].ip_cidr',
    ],
    ['bad MAC', (d) => (r1(d).interfaces[0]!.mac = 'zz'), 'INVALID_MAC', 'state.routers[0].interfaces[0].mac'],
    [
      'overlapping interface subnets',
      (d) =>
        r1(d).interfaces.push({
          portId: 'c9999999-x',
          networkId: d.networks[0]!.networkId,
          mac: 'fa:16:3e:00:09:09',
          ipCidr: '10.0.0.129/25',
        }),
      'OVERLAPPING_SUBNETS',
      'state.routers[0].interfaces[1].ip_cidr',
    ],
    [
      'gateway subnet overlapping an interface subnet',
      (d) => (r1(d).gateway!.ipCidr = '10.0.0.200/16'),
      'OVERLAPPING_SUBNETS',
      'state.routers[0].gateway.ip_cidr',
    ],
    [
      'two legs whose port ids share 11 characters',
      (d) => (d.routers![1]!.interfaces[0]!.portId = `${QR_PORT.slice(0, 11)}-other`),
      'DUPLICATE_ROUTER_PORT',
      'state.routers[1].interfaces[0].port_id',
    ],
    [
      'floating IP without gateway',
      (d) => delete r1(d).gateway,
      'FLOATING_IP_WITHOUT_GATEWAY',
      'state.routers[0].floating_ips',
    ],
    [
      'floating IP outside the gateway subnet',
      (d) => (r1(d).floatingIps[0]!.floatingIp = '198.51.100.10'),
      'INVALID_FLOATING_IP',
      'state.routers[0].floating_ips[0].floating_ip',
    ],
    [
      'floating IP equal to the gateway address',
      (d) => (r1(d).floatingIps[0]!.floatingIp = '203.0.113.2'),
      'INVALID_FLOATING_IP',
      'state.routers[0].floating_ips[0].floating_ip',
    ],
    [
      'fixed IP in no interface subnet',
      (d) => (r1(d).floatingIps[0]!.fixedIp = '10.9.0.10'),
      'INVALID_FIXED_IP',
      'state.routers[0].floating_ips[0].fixed_ip',
    ],
    [
      'fixed IP not an address',
      (d) => (r1(d).floatingIps[0]!.fixedIp = 'x'),
      'INVALID_IP',
      'state.routers[0].floating_ips[0].fixed_ip',
    ],
    [
      'duplicate floating IP',
      (d) => r1(d).floatingIps.push({ floatingIp: '203.0.113.10', fixedIp: '10.0.0.11' }),
      'DUPLICATE_FLOATING_IP',
      'state.routers[0].floating_ips[1].floating_ip',
    ],
    [
      'two floating IPs for one fixed IP',
      (d) => r1(d).floatingIps.push({ floatingIp: '203.0.113.11', fixedIp: '10.0.0.10' }),
      'DUPLICATE_FIXED_IP',
      'state.routers[0].floating_ips[1].fixed_ip',
    ],
    [
      'gateway ip outside the gateway subnet',
      (d) => (r1(d).gateway!.gatewayIp = '198.51.100.1'),
      'INVALID_GATEWAY_IP',
      'state.routers[0].gateway.gateway_ip',
    ],
  ];
  for (const [what, mutate, reason, field] of cases) {
    it(`refuses ${what} (${reason})`, () => rejects(mutate, reason, field));
  }

  it('accepts the same tenant subnet behind two routers, each with its own gateway', () => {
    const d = routedState();
    d.routers![1]!.gateway = {
      ...r1(d).gateway!,
      portId: 'c4444444-0000',
      mac: 'fa:16:3e:00:04:04',
      ipCidr: '203.0.113.3/24',
    };
    assert.equal(resolve(d, BRIDGES).routers.length, 2);
  });
});

describe('routerFromProto', () => {
  it('maps every field, an empty gateway_ip as none', () => {
    const m = desiredMessage();
    m.routers.push({
      routerId: ROUTER,
      interfaces: [{ portId: QR_PORT, networkId: 'n', mac: 'fa:16:3e:00:01:01', ipCidr: '10.0.0.1/24' }],
      gateway: {
        portId: QG_PORT,
        networkId: EXT,
        mac: 'fa:16:3e:00:01:02',
        ipCidr: '203.0.113.2/24',
        gatewayIp: '',
        enableSnat: true,
      },
      floatingIps: [{ floatingIp: '203.0.113.10', fixedIp: '10.0.0.10' }],
      metadata: false,
    });
    assert.deepEqual(hostNetworkFromProto(m).routers, [
      {
        routerId: ROUTER,
        interfaces: [{ portId: QR_PORT, networkId: 'n', mac: 'fa:16:3e:00:01:01', ipCidr: '10.0.0.1/24' }],
        gateway: {
          portId: QG_PORT,
          networkId: EXT,
          mac: 'fa:16:3e:00:01:02',
          ipCidr: '203.0.113.2/24',
          enableSnat: true,
        },
        floatingIps: [{ floatingIp: '203.0.113.10', fixedIp: '10.0.0.10' }],
      },
    ]);
  });

  it('refuses a missing field naming its proto path', () => {
    const m = desiredMessage();
    m.routers.push({
      routerId: ROUTER,
      interfaces: [],
      gateway: null,
      floatingIps: [{ floatingIp: '203.0.113.10', fixedIp: '' }],
      metadata: false,
    });
    assert.throws(
      () => hostNetworkFromProto(m),
      (e: unknown) =>
        isStratoError(e, 'INVALID_ARGUMENT') &&
        e.reason === 'STATE_INVALID' &&
        e.details.field === 'state.routers[0].floating_ips[0].fixed_ip',
    );
  });
});
