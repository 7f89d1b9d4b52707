import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cidrContains,
  cidrRange,
  cidrsOverlap,
  formatCidr,
  formatIp,
  hostRange,
  maskOf,
  parseCidr,
  parseCidrLenient,
  parseIp,
} from '../../../conductor/network/ipv4.ts';

const cidr = (t: string) => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(`bad cidr in test: ${t}`);
  return r.cidr;
};

describe('ipv4 addresses', () => {
  const cases: [string, number | undefined][] = [
    ['0.0.0.0', 0],
    ['10.0.0.1', 0x0a000001],
    ['255.255.255.255', 0xffffffff],
    ['192.168.1.254', 0xc0a801fe],
    ['256.0.0.1', undefined],
    ['10.0.0', undefined],
    ['10.0.0.1.2', undefined],
    ['010.0.0.1', undefined],
    ['10.0.0.-1', undefined],
    ['10.0.0.1 ', undefined],
    ['', undefined],
    ['a.b.c.d', undefined],
  ];
  for (const [text, want] of cases) {
    it(`parses ${JSON.stringify(text)} → ${want}`, () => {
      assert.equal(parseIp(text), want);
      if (want !== undefined) assert.equal(formatIp(want), text);
    });
  }
});

describe('ipv4 CIDRs', () => {
  it('parses canonical CIDRs and reports host bits with the canonical form', () => {
    assert.deepEqual(parseCidr('10.0.0.0/24'), { ok: true, cidr: { network: 0x0a000000, prefix: 24 } });
    assert.deepEqual(parseCidr('0.0.0.0/0'), { ok: true, cidr: { network: 0, prefix: 0 } });
    assert.deepEqual(parseCidr('10.0.0.5/24'), {
      ok: false,
      problem: 'host-bits',
      canonical: { network: 0x0a000000, prefix: 24 },
    });
    for (const bad of [
      '10.0.0.0',
      '10.0.0.0/33',
      '10.0.0.0/',
      '10.0.0.0/024',
      '10.0.0/24',
      '10.0.0.0/-1',
      '10.0.0.0/2 4',
    ]) {
      assert.deepEqual(parseCidr(bad), { ok: false, problem: 'syntax' }, bad);
    }
  });

  it('parses leniently for rules: host bits cleared, bare address = /32', () => {
    assert.equal(formatCidr(parseCidrLenient('10.1.2.3/8')!), '10.0.0.0/8');
    assert.equal(formatCidr(parseCidrLenient('10.1.2.3')!), '10.1.2.3/32');
    assert.equal(parseCidrLenient('10.1.2/8'), undefined);
  });

  it('computes masks, ranges and host ranges', () => {
    assert.equal(maskOf(0), 0);
    assert.equal(maskOf(24), 0xffffff00);
    assert.equal(maskOf(32), 0xffffffff);
    assert.deepEqual(cidrRange(cidr('10.0.0.0/30')), { start: 0x0a000000, end: 0x0a000003 });
    assert.deepEqual(hostRange(cidr('10.0.0.0/30')), { start: 0x0a000001, end: 0x0a000002 });
    assert.deepEqual(cidrRange(cidr('0.0.0.0/0')), { start: 0, end: 0xffffffff });
    assert.deepEqual(cidrRange(cidr('128.0.0.0/1')), { start: 0x80000000, end: 0xffffffff });
  });

  it('detects containment and overlap', () => {
    const table: [string, string, boolean][] = [
      ['10.0.0.0/24', '10.0.0.0/24', true],
      ['10.0.0.0/24', '10.0.0.128/25', true],
      ['10.0.0.0/25', '10.0.0.128/25', false],
      ['10.0.0.0/8', '10.255.255.0/24', true],
      ['10.0.0.0/24', '10.0.1.0/24', false],
      ['0.0.0.0/1', '128.0.0.0/1', false],
      ['192.168.0.0/16', '192.168.255.252/30', true],
    ];
    for (const [a, b, want] of table) {
      assert.equal(cidrsOverlap(cidr(a), cidr(b)), want, `${a} vs ${b}`);
      assert.equal(cidrsOverlap(cidr(b), cidr(a)), want, `${b} vs ${a}`);
    }
    assert.equal(cidrContains(cidr('10.0.0.0/24'), parseIp('10.0.0.255')!), true);
    assert.equal(cidrContains(cidr('10.0.0.0/24'), parseIp('10.0.1.0')!), false);
  });
});
