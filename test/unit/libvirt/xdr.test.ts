import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToUuid, readDomain, uuidToBytes, writeDomain } from '../../../agent/hypervisor/libvirt/remote-types.ts';
import { XdrReader, XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';
import { isStratoError } from '../../../common/errors.ts';

test('scalars round-trip with big-endian layout', () => {
  const w = new XdrWriter(4); // small start forces growth
  w.int(-2)
    .uint(0xffffffff)
    .bool(true)
    .hyper(-(2n ** 63n))
    .uhyper(2n ** 64n - 1n)
    .double(Math.PI);
  const b = w.bytes();
  assert.equal(b.length, 4 + 4 + 4 + 8 + 8 + 8);
  assert.deepEqual([...b.subarray(0, 4)], [0xff, 0xff, 0xff, 0xfe]);
  const r = new XdrReader(b);
  assert.equal(r.int(), -2);
  assert.equal(r.uint(), 0xffffffff);
  assert.equal(r.bool(), true);
  assert.equal(r.hyper(), -(2n ** 63n));
  assert.equal(r.uhyper(), 2n ** 64n - 1n);
  assert.equal(r.double(), Math.PI);
  assert.equal(r.remaining, 0);
});

test('strings and opaques are length-prefixed and padded to 4 bytes', () => {
  for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'héllo wörld', 'x'.repeat(1000)]) {
    const w = new XdrWriter();
    w.string(s).int(7);
    const b = w.bytes();
    const byteLen = Buffer.byteLength(s);
    assert.equal(b.length, 4 + byteLen + ((4 - (byteLen % 4)) % 4) + 4, `length for ${JSON.stringify(s)}`);
    const r = new XdrReader(b);
    assert.equal(r.string(), s);
    assert.equal(r.int(), 7, 'the value after the padding is intact');
  }
});

test('optional strings and arrays', () => {
  const w = new XdrWriter();
  w.optionalString(null)
    .optionalString('qemu:///system')
    .array([1, 2, 3], (w, n) => w.int(n));
  const r = new XdrReader(w.bytes());
  assert.equal(r.optionalString(), null);
  assert.equal(r.optionalString(), 'qemu:///system');
  assert.deepEqual(
    r.array((r) => r.int()),
    [1, 2, 3],
  );
});

test('fixed opaque uuid has no length word; domain struct round-trips', () => {
  const uuid = '0a6a231e-d301-402b-ab16-7e6b4d9c5d24';
  assert.equal(bytesToUuid(uuidToBytes(uuid)), uuid);
  const w = new XdrWriter();
  writeDomain(w, { name: 'strato-x', uuid, id: -1 });
  assert.equal(w.length, 4 + 8 + 16 + 4);
  assert.deepEqual(readDomain(new XdrReader(w.bytes())), { name: 'strato-x', uuid, id: -1 });
});

test('out-of-range and short reads are errors, not silent garbage', () => {
  assert.throws(
    () => new XdrWriter().int(2 ** 31),
    (e) => isStratoError(e, 'INVALID_ARGUMENT'),
  );
  assert.throws(
    () => new XdrWriter().uint(-1),
    (e) => isStratoError(e, 'INVALID_ARGUMENT'),
  );
  assert.throws(
    () => uuidToBytes('not-a-uuid'),
    (e) => isStratoError(e, 'INVALID_ARGUMENT'),
  );
  assert.throws(
    () => new XdrReader(Buffer.from([0, 0, 0, 9, 1, 2])).string(),
    (e) => isStratoError(e, 'INTERNAL'),
  );
  assert.throws(
    () => new XdrReader(Buffer.from([0, 0, 0, 5])).array((r) => r.int(), 4),
    (e) => isStratoError(e, 'INTERNAL'),
  );
});
