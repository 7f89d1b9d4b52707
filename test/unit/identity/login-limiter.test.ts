// The login limits (conductor/identity/login-limiter.ts) with an injected
// clock: backoff per (user, source), per source and per user under attack,
// doubling and capped; and what must never happen: a stranger's failures
// holding back the user's own address, or the maps growing without bound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginLimiter, sourceOf } from '../../../conductor/identity/login-limiter.ts';

const A = '203.0.113.7:40000';
const B = '198.51.100.9:51000';
const limits = {
  perUserSource: 3,
  perSource: 6,
  perUser: 10,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  forgetAfterMs: 60_000,
};

function failTimes(l: LoginLimiter, user: string, source: string, n: number, at: number) {
  for (let i = 0; i < n; i++) l.failed(user, source, at);
}

describe('login limiter', () => {
  it('lets a source fail a few times for a user, then doubles the wait up to the cap', () => {
    const l = new LoginLimiter(limits);
    failTimes(l, 'alice', A, 2, 0);
    assert.equal(l.check('alice', A, 0), 0, 'within the allowance');
    l.failed('alice', A, 0);
    assert.equal(l.check('alice', A, 0), 1000);
    assert.equal(l.check('alice', A, 400), 600, 'the wait runs from the last failure');
    assert.equal(l.check('alice', A, 1000), 0);
    l.failed('alice', A, 1000);
    assert.equal(l.check('alice', A, 1000), 2000);
    l.failed('alice', A, 3000);
    assert.equal(l.check('alice', A, 3000), 4000);
    failTimes(l, 'alice', A, 5, 10_000);
    assert.equal(l.check('alice', A, 10_000), 8000, 'capped');
  });

  it('a success from a source clears that source’s record for the user', () => {
    const l = new LoginLimiter(limits);
    failTimes(l, 'alice', A, 3, 0);
    assert.ok(l.check('alice', A, 0) > 0);
    l.succeeded('alice', A);
    assert.equal(l.check('alice', A, 0), 0);
  });

  it('a stranger failing for a user does not hold back the user’s own address', () => {
    const l = new LoginLimiter(limits);
    // Far past the per-user threshold, from the stranger's address.
    for (let i = 0; i < 40; i++) l.failed('alice', B, i * 10_000);
    assert.ok(l.check('alice', B, 390_000) > 0, 'the stranger waits');
    assert.equal(l.check('alice', A, 390_000), 0, 'the user does not');
  });

  it('a user under attack from many addresses: every address that failed for it waits from its first failure', () => {
    const l = new LoginLimiter(limits);
    for (let i = 0; i < 10; i++) l.failed('alice', `192.0.2.${i}:1`, 0);
    l.failed('alice', '192.0.2.99:1', 0);
    assert.equal(l.check('alice', '192.0.2.99:1', 0), 1000, 'one failure is enough now');
    assert.equal(l.check('alice', '192.0.2.200:1', 0), 0, 'a clean address still gets in');
    assert.equal(l.check('bob', '192.0.2.99:1', 0), 0, 'other users are not under attack');
  });

  it('limits a source across users', () => {
    const l = new LoginLimiter(limits);
    for (let i = 0; i < 6; i++) l.failed(`user-${i}`, A, 0);
    assert.equal(l.check('somebody-else', A, 0), 1000);
    assert.equal(l.check('somebody-else', B, 0), 0, 'only that source');
  });

  it('forgets after a quiet period', () => {
    const l = new LoginLimiter(limits);
    failTimes(l, 'alice', A, 6, 0);
    assert.ok(l.check('alice', A, 1000) > 0);
    assert.equal(l.check('alice', A, 60_000), 0);
    l.failed('alice', A, 60_000);
    assert.equal(l.check('alice', A, 60_000), 0, 'counting starts over');
  });

  it('stays bounded whatever names and addresses are tried', () => {
    const l = new LoginLimiter({ ...limits, maxEntries: 100 });
    for (let i = 0; i < 1000; i++) l.failed(`${'x'.repeat(500)}-${i}`, `10.0.${i >> 8}.${i & 255}:1`, i);
    const size = l.size();
    assert.ok(size.pairs <= 100 && size.sources <= 100 && size.users <= 100, JSON.stringify(size));
  });

  it('counts an address as its host (IPv4, IPv4-mapped) or its IPv6 /64', () => {
    assert.equal(sourceOf('127.0.0.1:5000'), '127.0.0.1');
    assert.equal(sourceOf('ipv4:10.1.2.3:1'), '10.1.2.3');
    assert.equal(sourceOf('[::ffff:10.1.2.3]:1'), '10.1.2.3');
    assert.equal(sourceOf('[2001:db8:1:2:aaaa::1]:443'), '2001:db8:1:2::/64');
    assert.equal(sourceOf('[2001:db8:1:2:bbbb::9]:443'), '2001:db8:1:2::/64');
    assert.equal(sourceOf('[::1]:80'), '0:0:0:0::/64');
    const l = new LoginLimiter(limits);
    failTimes(l, 'alice', '[2001:db8:1:2::1]:1', 3, 0);
    assert.ok(l.check('alice', '[2001:db8:1:2::ffff]:9', 0) > 0, 'another address of the same /64');
  });
});
