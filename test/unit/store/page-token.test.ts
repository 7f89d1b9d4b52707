import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { decodePageToken, encodePageToken } from '../../../conductor/store/page-token.ts';

const invalidToken = (err: unknown) => isStratoError(err, 'INVALID_ARGUMENT') && err.reason === 'PAGE_TOKEN_INVALID';

test('tokens round-trip and are URL-safe', () => {
  for (const key of ['/a', '/instances/x y', '/ü/😀/+/=']) {
    const token = encodePageToken(key);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.equal(decodePageToken(token, '/'), key);
    assert.equal(decodePageToken(token, ''), key);
  }
});

test('a token only works for a prefix that contains its key', () => {
  const token = encodePageToken('/x/1');
  assert.equal(decodePageToken(token, '/x/'), '/x/1');
  assert.throws(() => decodePageToken(token, '/y/'), invalidToken);
  assert.throws(() => decodePageToken(token, '/x/1/'), invalidToken);
});

test('garbage is refused with PAGE_TOKEN_INVALID', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  for (const t of [
    '',
    ' ',
    'a+b',
    '***',
    b64('null'),
    b64('[]'),
    b64('{"v":2,"k":"/a"}'),
    b64('{"v":1,"k":3}'),
    b64('{'),
    7,
  ]) {
    assert.throws(() => decodePageToken(t, ''), invalidToken, String(t));
  }
});
