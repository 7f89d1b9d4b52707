import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { validateLimit, validateRevision, validateTxn } from '../../../conductor/store/arguments.ts';
import { encodeValue } from '../../../conductor/store/values.ts';

const reason = (r: string) => (err: unknown) => isStratoError(err, 'INVALID_ARGUMENT') && err.reason === r;

test('limits default to 100 and must be integers in 1..1000', () => {
  assert.equal(validateLimit(undefined), 100);
  assert.equal(validateLimit(1), 1);
  assert.equal(validateLimit(1000), 1000);
  for (const bad of [0, 1001, 2.5, -1, Number.NaN, '5', null])
    assert.throws(() => validateLimit(bad), reason('LIMIT_INVALID'));
});

test('revisions are non-negative safe integers', () => {
  assert.equal(validateRevision(0, 'r'), 0);
  for (const bad of [-1, 1.5, 2 ** 53, '3', undefined])
    assert.throws(() => validateRevision(bad, 'r'), reason('REVISION_INVALID'));
});

test('validateTxn checks shapes, keys, duplicates and counts, and encodes values', () => {
  const ok = validateTxn(
    [{ kind: 'modRevision', key: '/a', modRevision: 3 }],
    [
      { kind: 'put', key: '/a', value: { x: 1 } },
      { kind: 'delete', key: '/b' },
    ],
  );
  assert.deepEqual(ok.ops[0], { kind: 'put', key: '/a', value: { x: 1 }, json: '{"x":1}' });
  assert.throws(() => validateTxn({}, []), reason('TXN_INVALID'));
  assert.throws(
    () =>
      validateTxn(
        [],
        [
          { kind: 'put', key: '/a', value: 1 },
          { kind: 'create', key: '/a', value: 2 },
        ],
      ),
    reason('TXN_INVALID'),
  );
  assert.throws(
    () => validateTxn([{ kind: 'modRevision', key: '/a', modRevision: -2 }], []),
    reason('REVISION_INVALID'),
  );
  assert.throws(() => validateTxn([{ kind: 'exists', key: 'a' }], []), reason('KEY_INVALID'));
  assert.throws(() => validateTxn([null], []), reason('KEY_INVALID'));
  const many = Array.from({ length: 129 }, (_, i) => ({ kind: 'exists' as const, key: `/k${i}` }));
  assert.throws(() => validateTxn(many, []), reason('TXN_INVALID'));
});

test('encodeValue measures JSON bytes, not characters', () => {
  assert.equal(encodeValue({ a: [1, null] }, '/k'), '{"a":[1,null]}');
  const nearly = 'é'.repeat(524_286); // 1,048,572 bytes + 2 quotes = 1,048,574
  assert.equal(encodeValue(nearly, '/k').length, 524_288);
  assert.throws(() => encodeValue('é'.repeat(524_288), '/k'), reason('VALUE_TOO_LARGE'));
  assert.throws(() => encodeValue(undefined, '/k'), reason('VALUE_INVALID'));
  assert.throws(() => encodeValue(1n, '/k'), reason('VALUE_INVALID'));
});
