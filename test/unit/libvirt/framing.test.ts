import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame, FrameDecoder, type MessageHeader } from '../../../agent/hypervisor/libvirt/framing.ts';
import { isStratoError } from '../../../common/errors.ts';

const header = (serial: number): MessageHeader => ({
  prog: 0x20008086,
  vers: 1,
  proc: 318,
  type: 2,
  serial,
  status: 0,
});

function frames(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => encodeFrame(header(i + 1), Buffer.alloc(i * 3, i)));
}

test('length word counts the whole frame including itself', () => {
  const f = encodeFrame(header(9), Buffer.from([1, 2, 3, 4]));
  assert.equal(f.readUInt32BE(0), f.length);
  assert.equal(f.length, 4 + 24 + 4);
  assert.equal(f.readUInt32BE(4), 0x20008086);
  assert.equal(f.readUInt32BE(20), 9);
});

test('merged chunks yield every frame in order', () => {
  const all = Buffer.concat(frames(5));
  const out = new FrameDecoder().push(all);
  assert.deepEqual(
    out.map((f) => f.header.serial),
    [1, 2, 3, 4, 5],
  );
  assert.deepEqual(out[3]?.body, Buffer.alloc(9, 3));
});

test('frames split at every byte boundary reassemble', () => {
  const all = Buffer.concat(frames(4));
  for (let cut = 1; cut < all.length; cut++) {
    const d = new FrameDecoder();
    const got = [...d.push(all.subarray(0, cut)), ...d.push(all.subarray(cut))];
    assert.deepEqual(
      got.map((f) => f.header.serial),
      [1, 2, 3, 4],
      `cut at ${cut}`,
    );
    assert.equal(d.pending, 0);
  }
});

test('byte-by-byte delivery works and bodies survive later pushes', () => {
  const all = Buffer.concat(frames(3));
  const d = new FrameDecoder();
  const got = [];
  for (let i = 0; i < all.length; i++) got.push(...d.push(all.subarray(i, i + 1)));
  assert.equal(got.length, 3);
  assert.deepEqual(got[2]?.body, Buffer.alloc(6, 2));
});

test('a bogus length is rejected', () => {
  const bad = Buffer.alloc(28);
  bad.writeUInt32BE(8, 0);
  assert.throws(
    () => new FrameDecoder().push(bad),
    (e) => isStratoError(e, 'INTERNAL'),
  );
});
