import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeTypedParams,
  encodeTypedParams,
  TypedParamType as T,
} from '../../../agent/hypervisor/libvirt/typed-params.ts';
import { XdrReader, XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';
import { isStratoError } from '../../../common/errors.ts';

test('every typed parameter type decodes into a plain object', () => {
  const w = new XdrWriter();
  encodeTypedParams(w, [
    { field: 'state.state', type: T.INT, value: 1 },
    { field: 'vcpu.current', type: T.UINT, value: 4000000000 },
    { field: 'x.llong', type: T.LLONG, value: -5n },
    { field: 'cpu.time', type: T.ULLONG, value: 479882000n },
    { field: 'block.0.capacity', type: T.ULLONG, value: 2n ** 60n },
    { field: 'x.double', type: T.DOUBLE, value: 0.25 },
    { field: 'x.bool', type: T.BOOLEAN, value: true },
    { field: 'dirtyrate.calc_mode', type: T.STRING, value: 'page-sampling' },
  ]);
  w.int(42); // what follows the list must still be readable
  const r = new XdrReader(w.bytes());
  assert.deepEqual(decodeTypedParams(r), {
    'state.state': 1,
    'vcpu.current': 4000000000,
    'x.llong': -5,
    'cpu.time': 479882000,
    'block.0.capacity': 2n ** 60n,
    'x.double': 0.25,
    'x.bool': true,
    'dirtyrate.calc_mode': 'page-sampling',
  });
  assert.equal(r.int(), 42);
});

test('an unknown type fails loudly', () => {
  const w = new XdrWriter();
  w.uint(1).string('a').int(99).int(0);
  assert.throws(
    () => decodeTypedParams(new XdrReader(w.bytes())),
    (e) => isStratoError(e, 'INTERNAL'),
  );
});
