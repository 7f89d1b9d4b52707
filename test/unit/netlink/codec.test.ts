import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bufferToIp,
  bufferToMac,
  checkIfname,
  checkMtu,
  checkNamespaceName,
  ipToBuffer,
  macToBuffer,
  operStateName,
  parseCidr,
} from '../../../agent/network/netlink/codec.ts';
import { isStratoError } from '../../../common/errors.ts';

const invalid = (fn: () => unknown, reason: string) =>
  assert.throws(fn, (err: unknown) => isStratoError(err, 'INVALID_ARGUMENT') && err.reason === reason);

describe('netlink codec', () => {
  it('round-trips MAC addresses', () => {
    const buf = macToBuffer('FA:16:3e:00:0a:ff');
    assert.deepEqual([...buf], [0xfa, 0x16, 0x3e, 0, 0x0a, 0xff]);
    assert.equal(bufferToMac(buf), 'fa:16:3e:00:0a:ff');
    invalid(() => macToBuffer('fa:16:3e:00:0a'), 'INVALID_MAC');
    invalid(() => macToBuffer('fa-16-3e-00-0a-ff'), 'INVALID_MAC');
  });

  it('encodes IPv4 and IPv6 addresses in network order', () => {
    assert.deepEqual(ipToBuffer('10.0.0.2'), { family: 4, bytes: Buffer.from([10, 0, 0, 2]) });
    const v6 = ipToBuffer('fd00::1');
    assert.equal(v6.family, 6);
    assert.equal(v6.bytes.toString('hex'), 'fd000000000000000000000000000001');
    assert.equal(ipToBuffer('::ffff:1.2.3.4').bytes.toString('hex'), '00000000000000000000ffff01020304');
    assert.equal(ipToBuffer('2001:db8:1:2:3:4:5:6').bytes.toString('hex'), '20010db8000100020003000400050006');
    invalid(() => ipToBuffer('10.0.0.256'), 'INVALID_IP');
  });

  it('formats IPv6 the RFC 5952 way', () => {
    for (const ip of [
      'fd00::1',
      '::',
      '::1',
      '2001:db8::',
      '2001:db8:0:1:1:1:1:1',
      'fe80::d84c:3fff:fe74:9c67',
      '1:0:0:2::3',
    ]) {
      assert.equal(bufferToIp(ipToBuffer(ip).bytes), ip);
    }
    assert.equal(bufferToIp(Buffer.from([192, 168, 1, 20])), '192.168.1.20');
  });

  it('parses CIDRs and rejects bad prefixes', () => {
    const c = parseCidr('10.1.2.3/24');
    assert.equal(c.prefixLength, 24);
    assert.equal(c.family, 4);
    assert.equal(parseCidr('fd00::5/64').prefixLength, 64);
    invalid(() => parseCidr('10.1.2.3'), 'INVALID_CIDR');
    invalid(() => parseCidr('10.1.2.3/33'), 'INVALID_CIDR');
    invalid(() => parseCidr('10.1.2.3/x'), 'INVALID_CIDR');
  });

  it('validates interface names, namespaces and MTUs', () => {
    assert.equal(checkIfname('brq0123456789a'), 'brq0123456789a');
    assert.equal(checkIfname('vxlan-16777215'), 'vxlan-16777215');
    invalid(() => checkIfname('0123456789abcdef'), 'INVALID_IFNAME');
    invalid(() => checkIfname(''), 'INVALID_IFNAME');
    invalid(() => checkIfname('a/b'), 'INVALID_IFNAME');
    invalid(() => checkIfname('a b'), 'INVALID_IFNAME');
    assert.equal(checkNamespaceName('qdhcp-0b4e'), 'qdhcp-0b4e');
    invalid(() => checkNamespaceName('../x'), 'INVALID_NAMESPACE');
    invalid(() => checkNamespaceName('..'), 'INVALID_NAMESPACE');
    assert.equal(checkMtu(1450), 1450);
    invalid(() => checkMtu(67), 'INVALID_MTU');
    invalid(() => checkMtu(1500.5), 'INVALID_MTU');
  });

  it('names operational states', () => {
    assert.equal(operStateName(6), 'up');
    assert.equal(operStateName(2), 'down');
    assert.equal(operStateName(undefined), 'unknown');
    assert.equal(operStateName(99), 'unknown');
  });
});
