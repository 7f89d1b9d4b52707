import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { checkFixedIp, nextFree, planSubnet, type SubnetRequest, subnetMath } from '../../../conductor/network/ipam.ts';
import { parseIp } from '../../../conductor/network/ipv4.ts';

const req = (o: Partial<SubnetRequest>): SubnetRequest => ({
  cidr: '10.0.0.0/24',
  gatewayIp: '',
  allocationPools: [],
  dnsServers: [],
  ...o,
});

function throwsReason(fn: () => unknown, code: string, reason: string) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof StratoError, `expected StratoError, got ${err}`);
    assert.equal(err.code, code);
    assert.equal(err.reason, reason);
    return true;
  });
}

describe('planSubnet', () => {
  const ok: [string, Partial<SubnetRequest>, { gatewayIp: string; pools: string[] }][] = [
    ['default gateway = first host, pool = the rest', {}, { gatewayIp: '10.0.0.1', pools: ['10.0.0.2-10.0.0.254'] }],
    ['no gateway: pool = every host', { gatewayIp: 'none' }, { gatewayIp: '', pools: ['10.0.0.1-10.0.0.254'] }],
    [
      'gateway in the middle splits the pool',
      { gatewayIp: '10.0.0.100' },
      { gatewayIp: '10.0.0.100', pools: ['10.0.0.1-10.0.0.99', '10.0.0.101-10.0.0.254'] },
    ],
    ['gateway = last host', { gatewayIp: '10.0.0.254' }, { gatewayIp: '10.0.0.254', pools: ['10.0.0.1-10.0.0.253'] }],
    ['/30 has two hosts', { cidr: '10.9.0.4/30' }, { gatewayIp: '10.9.0.5', pools: ['10.9.0.6-10.9.0.6'] }],
    [
      'explicit pools are sorted',
      {
        allocationPools: [
          { start: '10.0.0.200', end: '10.0.0.210' },
          { start: '10.0.0.10', end: '10.0.0.20' },
        ],
      },
      { gatewayIp: '10.0.0.1', pools: ['10.0.0.10-10.0.0.20', '10.0.0.200-10.0.0.210'] },
    ],
    [
      'single-address pool',
      { allocationPools: [{ start: '10.0.0.5', end: '10.0.0.5' }] },
      { gatewayIp: '10.0.0.1', pools: ['10.0.0.5-10.0.0.5'] },
    ],
  ];
  for (const [name, o, want] of ok) {
    it(name, () => {
      const p = planSubnet(req(o), []);
      assert.equal(p.gatewayIp, want.gatewayIp);
      assert.deepEqual(
        p.allocationPools.map((x) => `${x.start}-${x.end}`),
        want.pools,
      );
    });
  }

  const bad: [string, Partial<SubnetRequest>, string, string][] = [
    ['host bits set', { cidr: '10.0.0.5/24' }, 'INVALID_ARGUMENT', 'CIDR_HOST_BITS_SET'],
    ['no prefix', { cidr: '10.0.0.0' }, 'INVALID_ARGUMENT', 'CIDR_INVALID'],
    ['garbage', { cidr: 'ten/8' }, 'INVALID_ARGUMENT', 'CIDR_INVALID'],
    ['IPv6', { cidr: 'fd00::/64' }, 'INVALID_ARGUMENT', 'CIDR_INVALID'],
    ['/31', { cidr: '10.0.0.0/31' }, 'INVALID_ARGUMENT', 'CIDR_PREFIX_INVALID'],
    ['/32', { cidr: '10.0.0.1/32' }, 'INVALID_ARGUMENT', 'CIDR_PREFIX_INVALID'],
    ['/0', { cidr: '0.0.0.0/0' }, 'INVALID_ARGUMENT', 'CIDR_PREFIX_INVALID'],
    ['gateway outside', { gatewayIp: '10.0.1.1' }, 'INVALID_ARGUMENT', 'GATEWAY_INVALID'],
    ['gateway = network address', { gatewayIp: '10.0.0.0' }, 'INVALID_ARGUMENT', 'GATEWAY_INVALID'],
    ['gateway = broadcast', { gatewayIp: '10.0.0.255' }, 'INVALID_ARGUMENT', 'GATEWAY_INVALID'],
    ['gateway not an address', { gatewayIp: 'router' }, 'INVALID_ARGUMENT', 'GATEWAY_INVALID'],
    [
      'pool start after end',
      { allocationPools: [{ start: '10.0.0.20', end: '10.0.0.10' }] },
      'INVALID_ARGUMENT',
      'POOL_INVALID',
    ],
    [
      'pool outside cidr',
      { allocationPools: [{ start: '10.0.0.10', end: '10.0.1.10' }] },
      'INVALID_ARGUMENT',
      'POOL_INVALID',
    ],
    [
      'pool includes broadcast',
      { allocationPools: [{ start: '10.0.0.10', end: '10.0.0.255' }] },
      'INVALID_ARGUMENT',
      'POOL_INVALID',
    ],
    [
      'pool includes network address',
      { allocationPools: [{ start: '10.0.0.0', end: '10.0.0.5' }], gatewayIp: 'none' },
      'INVALID_ARGUMENT',
      'POOL_INVALID',
    ],
    ['pool bad address', { allocationPools: [{ start: 'x', end: '10.0.0.5' }] }, 'INVALID_ARGUMENT', 'POOL_INVALID'],
    [
      'pool contains gateway',
      { allocationPools: [{ start: '10.0.0.1', end: '10.0.0.9' }] },
      'INVALID_ARGUMENT',
      'POOL_CONTAINS_GATEWAY',
    ],
    [
      'pools overlap',
      {
        allocationPools: [
          { start: '10.0.0.10', end: '10.0.0.20' },
          { start: '10.0.0.20', end: '10.0.0.30' },
        ],
      },
      'INVALID_ARGUMENT',
      'POOL_OVERLAP',
    ],
    [
      'too many pools',
      {
        allocationPools: Array.from({ length: 17 }, (_, i) => ({ start: `10.0.0.${10 + i}`, end: `10.0.0.${10 + i}` })),
      },
      'INVALID_ARGUMENT',
      'POOL_INVALID',
    ],
    ['dns not an address', { dnsServers: ['dns.example'] }, 'INVALID_ARGUMENT', 'DNS_SERVER_INVALID'],
    [
      'too many dns',
      { dnsServers: ['1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4', '1.1.1.5', '1.1.1.6'] },
      'INVALID_ARGUMENT',
      'DNS_SERVER_INVALID',
    ],
  ];
  for (const [name, o, code, reason] of bad) {
    it(`refuses ${name} with ${reason}`, () => throwsReason(() => planSubnet(req(o), []), code, reason));
  }

  it('refuses overlap with a sibling subnet, naming it, and allows disjoint ones', () => {
    const siblings = [
      { id: 'a', cidr: '10.0.0.0/24' },
      { id: 'b', cidr: '10.1.0.0/16' },
    ];
    assert.throws(
      () => planSubnet(req({ cidr: '10.1.2.0/24' }), siblings),
      (e: unknown) =>
        e instanceof StratoError &&
        e.code === 'FAILED_PRECONDITION' &&
        e.reason === 'SUBNET_OVERLAP' &&
        e.details.subnet_id === 'b',
    );
    throwsReason(() => planSubnet(req({ cidr: '10.0.0.0/8' }), siblings), 'FAILED_PRECONDITION', 'SUBNET_OVERLAP');
    throwsReason(() => planSubnet(req({ cidr: '10.0.0.0/24' }), siblings), 'FAILED_PRECONDITION', 'SUBNET_OVERLAP');
    assert.equal(planSubnet(req({ cidr: '10.2.0.0/24' }), siblings).cidr, '10.2.0.0/24');
  });

  it('suggests the canonical CIDR', () => {
    assert.throws(
      () => planSubnet(req({ cidr: '192.168.7.9/20' }), []),
      (e: unknown) => e instanceof StratoError && e.details.suggested === '192.168.0.0/20',
    );
  });
});

describe('allocation', () => {
  const rec = {
    cidr: '10.0.0.0/29',
    gatewayIp: '10.0.0.1',
    allocationPools: [{ start: '10.0.0.2', end: '10.0.0.6' }],
    dhcpIp: '10.0.0.2',
  };
  const ip = (t: string) => parseIp(t)!;

  it('gives the lowest free address, never the gateway or the DHCP address', () => {
    const m = subnetMath(rec);
    assert.equal(nextFree(m, new Set()), ip('10.0.0.3'));
    assert.equal(nextFree(m, new Set([ip('10.0.0.3'), ip('10.0.0.5')])), ip('10.0.0.4'));
    assert.equal(nextFree(m, new Set([ip('10.0.0.3'), ip('10.0.0.4')])), ip('10.0.0.5'));
  });

  it('reports exhaustion as undefined', () => {
    const m = subnetMath(rec);
    assert.equal(nextFree(m, new Set([ip('10.0.0.3'), ip('10.0.0.4'), ip('10.0.0.5'), ip('10.0.0.6')])), undefined);
  });

  it('walks pools in order', () => {
    const m = subnetMath({
      ...rec,
      cidr: '10.0.0.0/24',
      dhcpIp: '',
      allocationPools: [
        { start: '10.0.0.10', end: '10.0.0.10' },
        { start: '10.0.0.50', end: '10.0.0.51' },
      ],
    });
    assert.equal(nextFree(m, new Set([ip('10.0.0.10')])), ip('10.0.0.50'));
  });

  const fixed: [string, string | undefined][] = [
    ['10.0.0.4', undefined],
    ['10.0.0.7', 'IP_RESERVED'], // broadcast of the /29
    ['10.0.0.0', 'IP_RESERVED'],
    ['10.0.0.1', 'IP_RESERVED'],
    ['10.0.0.2', 'IP_RESERVED'],
    ['10.0.0.8', 'IP_NOT_IN_SUBNET'],
    ['192.168.0.4', 'IP_NOT_IN_SUBNET'],
    ['10.0.0', 'IP_ADDRESS_INVALID'],
  ];
  for (const [text, reason] of fixed) {
    it(`fixed ip ${text}: ${reason ?? 'accepted'}`, () => {
      const m = subnetMath(rec);
      if (reason === undefined) assert.equal(checkFixedIp(m, 's', text), ip(text));
      else throwsReason(() => checkFixedIp(m, 's', text), 'INVALID_ARGUMENT', reason);
    });
  }
});
