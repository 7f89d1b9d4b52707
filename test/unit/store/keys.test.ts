import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { keyAfter, prefixEnd, validateKey, validatePrefix } from '../../../conductor/store/keys.ts';

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

test('validateKey accepts absolute keys and refuses the rest with KEY_INVALID', () => {
  for (const ok of ['/a', '/instances/6f1c', '/ü/😀', `/${'x'.repeat(1023)}`, '/a b'])
    assert.equal(validateKey(ok), ok);
  for (const bad of ['', 'a', '/', '/a\nb', '/\u0000', '/\u007f', '/\ud83d', `/${'é'.repeat(512)}`, null, 3]) {
    assert.throws(
      () => validateKey(bad),
      (err) => isStratoError(err, 'INVALID_ARGUMENT') && err.reason === 'KEY_INVALID',
      String(bad),
    );
  }
});

test('validatePrefix accepts the empty prefix and absolute prefixes', () => {
  assert.equal(validatePrefix(''), '');
  assert.equal(validatePrefix('/'), '/');
  assert.equal(validatePrefix('/a/'), '/a/');
  for (const bad of ['a', '/x\u0001', undefined]) {
    assert.throws(
      () => validatePrefix(bad),
      (err) => isStratoError(err) && err.reason === 'PREFIX_INVALID',
    );
  }
});

test('prefixEnd is the tightest exclusive upper bound in byte order', () => {
  assert.equal(prefixEnd(''), undefined);
  assert.equal(prefixEnd('/a/'), '/a0');
  assert.equal(prefixEnd('/a'), '/b');
  assert.equal(prefixEnd('/\ud7ff'), '/\ue000'); // skips the surrogate block
  assert.equal(prefixEnd('/\u{10ffff}'), '0');
  assert.equal(prefixEnd('/x\u{10ffff}\u{10ffff}'), '/y');
  const samples = [
    '/a',
    '/a/',
    '/a/b',
    '/a0',
    '/ab',
    '/a\u{10ffff}',
    '/a\u{10ffff}x',
    '/b',
    '/a\uffff',
    '/a😀',
    '/\ud7ff!',
    '/\ue000',
  ];
  for (const p of ['/a', '/a/', '/a\u{10ffff}', '/\ud7ff', '/a\uffff']) {
    const end = prefixEnd(p)!;
    for (const s of samples) {
      const inRange = byBytes(s, p) >= 0 && byBytes(s, end) < 0;
      assert.equal(inRange, s.startsWith(p), `${JSON.stringify(s)} vs prefix ${JSON.stringify(p)}`);
    }
  }
});

test('keyAfter sorts right after its key and before every longer valid key', () => {
  const k = '/a/b';
  const after = keyAfter(k);
  assert.ok(byBytes(after, k) > 0);
  for (const next of ['/a/b ', '/a/b/', '/a/b0', '/a/c']) assert.ok(byBytes(after, next) < 0, next);
});
