import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { formatIp, parseIp } from '../../../conductor/network/ipv4.ts';
import { chooseAddresses, planAddressWants, type ResolvedFixedIp } from '../../../conductor/network/port-request.ts';
import { subnet } from './records.ts';

const s1 = subnet('s1', 'n1', '10.0.0.0/24');
const s2 = subnet('s2', 'n1', '10.0.1.0/24');
const other = subnet('s9', 'n2', '10.0.0.0/24');
const ip = (t: string) => parseIp(t)!;

function plan(requests: ResolvedFixedIp[], subnets = [s1, s2]): string {
  try {
    return planAddressWants('n1', subnets, requests)
      .map((w) =>
        w.kind === 'fixed'
          ? `fixed ${w.subnet.id} ${formatIp(w.ip)}`
          : `auto ${w.candidates.map((c) => c.id).join(',')}`,
      )
      .join('; ');
  } catch (err) {
    if (err instanceof StratoError) return `${err.code}/${err.reason}`;
    throw err;
  }
}

describe('port address requests', () => {
  const table: [string, ResolvedFixedIp[], string][] = [
    ['nothing asked: one automatic address from any subnet', [], 'auto s1,s2'],
    ['a subnet', [{ subnet: s2, ipAddress: '' }], 'auto s2'],
    ['an address picks its subnet', [{ subnet: undefined, ipAddress: '10.0.1.7' }], 'fixed s2 10.0.1.7'],
    ['subnet and address', [{ subnet: s1, ipAddress: '10.0.0.9' }], 'fixed s1 10.0.0.9'],
    [
      'two addresses',
      [
        { subnet: s1, ipAddress: '10.0.0.9' },
        { subnet: s2, ipAddress: '' },
      ],
      'fixed s1 10.0.0.9; auto s2',
    ],
    ['address outside its subnet', [{ subnet: s1, ipAddress: '10.0.1.9' }], 'INVALID_ARGUMENT/IP_NOT_IN_SUBNET'],
    ['address in no subnet', [{ subnet: undefined, ipAddress: '192.168.0.9' }], 'INVALID_ARGUMENT/IP_NOT_IN_SUBNET'],
    ['gateway', [{ subnet: undefined, ipAddress: '10.0.0.1' }], 'INVALID_ARGUMENT/IP_RESERVED'],
    ['dhcp address', [{ subnet: s1, ipAddress: '10.0.0.2' }], 'INVALID_ARGUMENT/IP_RESERVED'],
    ['broadcast', [{ subnet: s1, ipAddress: '10.0.0.255' }], 'INVALID_ARGUMENT/IP_RESERVED'],
    ['subnet of another network', [{ subnet: other, ipAddress: '' }], 'INVALID_ARGUMENT/SUBNET_NOT_IN_NETWORK'],
    [
      'the same address twice',
      [
        { subnet: s1, ipAddress: '10.0.0.9' },
        { subnet: undefined, ipAddress: '10.0.0.9' },
      ],
      'INVALID_ARGUMENT/FIXED_IPS_CONFLICT',
    ],
    ['not an address', [{ subnet: undefined, ipAddress: '10.0.0' }], 'INVALID_ARGUMENT/IP_ADDRESS_INVALID'],
    ['neither subnet nor address', [{ subnet: undefined, ipAddress: '' }], 'INVALID_ARGUMENT/FIELD_REQUIRED'],
  ];
  for (const [name, requests, want] of table) {
    it(`${name} → ${want}`, () => assert.equal(plan(requests), want));
  }

  it('a network without subnets gives a port without addresses', () => {
    assert.equal(plan([], []), '');
  });
});

describe('choosing addresses', () => {
  const none = () => new Set<number>();

  it('takes the lowest free address, after fixed ones of the same port', () => {
    const wants = planAddressWants(
      'n1',
      [s1, s2],
      [
        { subnet: s1, ipAddress: '' },
        { subnet: s1, ipAddress: '10.0.0.3' },
      ],
    );
    const got = chooseAddresses(wants, none).map(
      (c) => `${c.subnetId} ${formatIp(c.ip)} ${c.fixed ? 'fixed' : 'auto'}`,
    );
    assert.deepEqual(got, ['s1 10.0.0.3 fixed', 's1 10.0.0.4 auto']);
  });

  it('skips taken addresses and falls through to the next subnet when one is full', () => {
    const tiny = subnet('t', 'n1', '10.0.2.0/29', { allocationPools: [{ start: '10.0.2.3', end: '10.0.2.4' }] });
    const taken = (s: string) => (s === 't' ? new Set([ip('10.0.2.3'), ip('10.0.2.4')]) : new Set([ip('10.0.0.3')]));
    const wants = planAddressWants('n1', [tiny, s1], []);
    assert.deepEqual(
      chooseAddresses(wants, taken).map((c) => `${c.subnetId} ${formatIp(c.ip)}`),
      ['s1 10.0.0.4'],
    );
  });

  it('reports an exhausted pool', () => {
    const tiny = subnet('t', 'n1', '10.0.2.0/29', { allocationPools: [{ start: '10.0.2.3', end: '10.0.2.3' }] });
    const wants = planAddressWants('n1', [tiny], [{ subnet: tiny, ipAddress: '' }]);
    assert.throws(
      () => chooseAddresses(wants, () => new Set([ip('10.0.2.3')])),
      (e: unknown) => e instanceof StratoError && e.code === 'RESOURCE_EXHAUSTED' && e.reason === 'IP_POOL_EXHAUSTED',
    );
  });
});
