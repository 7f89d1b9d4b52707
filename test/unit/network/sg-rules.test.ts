import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { defaultGroupRules, type RuleRequest, sameRule, validateRule } from '../../../conductor/network/sg-rules.ts';

const base: RuleRequest = {
  direction: 'ingress',
  ethertype: '',
  protocol: 'tcp',
  portRangeMin: 0,
  portRangeMax: 0,
  remoteIpPrefix: '',
  remoteGroupId: '',
};

function outcome(o: Partial<RuleRequest>): string {
  try {
    const r = validateRule({ ...base, ...o });
    const icmp = r.icmpType === null ? '' : ` icmp ${r.icmpType}/${r.icmpCode ?? '*'}`;
    return `${r.direction} ${r.protocol} ${r.portMin}:${r.portMax}${icmp} ip=${r.remoteIpPrefix} group=${r.remoteGroupId}`;
  } catch (err) {
    if (err instanceof StratoError) return `${err.code}/${err.reason}`;
    throw err;
  }
}

describe('security group rule validation', () => {
  const table: [string, Partial<RuleRequest>, string][] = [
    ['tcp, any port, any source', {}, 'ingress tcp 0:0 ip=0.0.0.0/0 group='],
    ['ssh from a /24', { portRangeMin: 22, remoteIpPrefix: '10.0.0.0/24' }, 'ingress tcp 22:22 ip=10.0.0.0/24 group='],
    ['a range', { portRangeMin: 8000, portRangeMax: 8080 }, 'ingress tcp 8000:8080 ip=0.0.0.0/0 group='],
    ['udp egress', { direction: 'egress', protocol: 'udp', portRangeMin: 53 }, 'egress udp 53:53 ip=0.0.0.0/0 group='],
    ['protocol case is folded', { protocol: 'TCP' }, 'ingress tcp 0:0 ip=0.0.0.0/0 group='],
    ['empty protocol = any', { protocol: '' }, 'ingress any 0:0 ip=0.0.0.0/0 group='],
    ['icmp any', { protocol: 'icmp' }, 'ingress icmp 0:0 ip=0.0.0.0/0 group='],
    ['icmp echo request', { protocol: 'icmp', icmpType: 8 }, 'ingress icmp 0:0 icmp 8/* ip=0.0.0.0/0 group='],
    [
      'icmp type and code',
      { protocol: 'icmp', icmpType: 3, icmpCode: 4 },
      'ingress icmp 0:0 icmp 3/4 ip=0.0.0.0/0 group=',
    ],
    ['host bits are cleared', { remoteIpPrefix: '10.1.2.3/16' }, 'ingress tcp 0:0 ip=10.1.0.0/16 group='],
    ['a bare address is /32', { remoteIpPrefix: '10.1.2.3' }, 'ingress tcp 0:0 ip=10.1.2.3/32 group='],
    ['remote group', { remoteGroupId: 'g1' }, 'ingress tcp 0:0 ip= group=g1'],
    ['ethertype IPv4', { ethertype: 'IPv4' }, 'ingress tcp 0:0 ip=0.0.0.0/0 group='],
    ['bad direction', { direction: 'inbound' }, 'INVALID_ARGUMENT/DIRECTION_INVALID'],
    ['IPv6', { ethertype: 'IPv6' }, 'INVALID_ARGUMENT/ETHERTYPE_INVALID'],
    ['sctp', { protocol: 'sctp' }, 'INVALID_ARGUMENT/PROTOCOL_INVALID'],
    ['ports on icmp', { protocol: 'icmp', portRangeMin: 1 }, 'INVALID_ARGUMENT/PORT_RANGE_INVALID'],
    ['ports on any', { protocol: 'any', portRangeMin: 22 }, 'INVALID_ARGUMENT/PORT_RANGE_INVALID'],
    ['max without min', { portRangeMax: 22 }, 'INVALID_ARGUMENT/PORT_RANGE_INVALID'],
    ['min above max', { portRangeMin: 30, portRangeMax: 22 }, 'INVALID_ARGUMENT/PORT_RANGE_INVALID'],
    ['port above 65535', { portRangeMin: 1, portRangeMax: 65536 }, 'INVALID_ARGUMENT/PORT_RANGE_INVALID'],
    ['icmp fields on tcp', { icmpType: 8 }, 'INVALID_ARGUMENT/ICMP_INVALID'],
    ['icmp code without type', { protocol: 'icmp', icmpCode: 0 }, 'INVALID_ARGUMENT/ICMP_INVALID'],
    ['icmp type above 255', { protocol: 'icmp', icmpType: 256 }, 'INVALID_ARGUMENT/ICMP_INVALID'],
    ['bad prefix', { remoteIpPrefix: '10.0.0.0/33' }, 'INVALID_ARGUMENT/REMOTE_IP_PREFIX_INVALID'],
    ['prefix and group', { remoteIpPrefix: '10.0.0.0/8', remoteGroupId: 'g1' }, 'INVALID_ARGUMENT/REMOTE_CONFLICT'],
  ];
  for (const [name, o, want] of table) {
    it(`${name} → ${want}`, () => assert.equal(outcome(o), want));
  }

  it('treats rules equal when they match the same traffic', () => {
    const a = validateRule({ ...base, portRangeMin: 22, remoteIpPrefix: '10.0.0.1/24' });
    const b = validateRule({ ...base, portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '10.0.0.0/24' });
    const c = validateRule({ ...base, portRangeMin: 23, remoteIpPrefix: '10.0.0.0/24' });
    assert.equal(sameRule(a, b), true);
    assert.equal(sameRule(a, c), false);
  });

  it('gives the default group ingress from itself and all egress', () => {
    const rules = defaultGroupRules('g0');
    assert.deepEqual(
      rules.map((r) => `${r.direction} ${r.protocol} ${r.remoteIpPrefix || `group:${r.remoteGroupId}`}`),
      ['ingress any group:g0', 'egress any 0.0.0.0/0'],
    );
  });
});
