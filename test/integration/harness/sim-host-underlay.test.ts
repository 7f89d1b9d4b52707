// The underlay subnet choice is pure arithmetic: table-tested here, no host needed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overlaps, planUnderlay } from '../../harness/sim-host-underlay.ts';

test('overlaps compares the bits of the shorter prefix', () => {
  const cases: [string, string, boolean][] = [
    ['10.200.1.0/24', '10.200.1.77/32', true],
    ['10.200.1.0/24', '10.200.2.0/24', false],
    ['10.0.0.0/8', '10.200.1.0/24', true],
    ['192.0.2.2/24', '10.200.1.0/24', false],
    ['0.0.0.0/0', '10.200.1.0/24', true],
  ];
  for (const [a, b, want] of cases) {
    assert.equal(overlaps(a, b), want, `${a} vs ${b}`);
    assert.equal(overlaps(b, a), want, `${b} vs ${a}`);
  }
});

test('planUnderlay starts from the cluster id and skips taken subnets', () => {
  const free = planUnderlay('000105', []);
  assert.equal(free.network, '10.201.5.0');
  assert.equal(free.bridgeIp, '10.201.5.1');
  assert.equal(free.hostIp(0), '10.201.5.10');
  assert.equal(free.hostIp(3), '10.201.5.13');
  assert.throws(() => free.hostIp(201), RangeError);

  const skipped = planUnderlay('000105', ['10.201.5.1/24', '10.201.6.0/25']);
  assert.equal(skipped.network, '10.201.7.0');
});

test('planUnderlay fails UNAVAILABLE when the whole range is taken', () => {
  assert.throws(() => planUnderlay('abcdef', ['10.192.0.0/10']), { code: 'UNAVAILABLE', reason: 'SIM_HOST_NO_SUBNET' });
});
