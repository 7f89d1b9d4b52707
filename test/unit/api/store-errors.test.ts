// The conductor's last line between store and callers (conductor/api/store-errors.ts):
// a store error that reached the edge leaves it without its key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { hideStoreErrors } from '../../../conductor/api/store-errors.ts';
import { keyExists, keyNotFound, revisionMismatch } from '../../../conductor/store/errors.ts';
import { validateKey, validatePrefix } from '../../../conductor/store/keys.ts';

const thrown = (f: () => unknown): StratoError => {
  try {
    f();
  } catch (err) {
    return err as StratoError;
  }
  throw new Error('did not throw');
};

describe('store errors at the API edge', () => {
  const key = '/compute/names/0b7f/xxxxxxxx';

  it('answers an impossible or missing key NOT_FOUND, naming no key', () => {
    for (const err of [
      thrown(() => validateKey(`/identity/user-names/${'x'.repeat(2000)}`)),
      thrown(() => validatePrefix('/compute/names/a\u0001b')),
      keyNotFound(key),
    ]) {
      const out = hideStoreErrors(err, 'rid-1');
      assert.equal(`${out.code}/${out.reason}`, 'NOT_FOUND/NOT_FOUND');
      assert.doesNotMatch(`${out.message} ${JSON.stringify(out.details)}`, /\/compute\/|\/identity\//);
    }
  });

  it('keeps what the caller can act on for the other store errors', () => {
    assert.equal(hideStoreErrors(keyExists(key, 7), '').code, 'ALREADY_EXISTS');
    const contended = hideStoreErrors(revisionMismatch(key, 1, 2), '');
    assert.equal(`${contended.code}/${contended.reason}`, 'ABORTED/CONCURRENT_CHANGE');
    assert.doesNotMatch(contended.message, /compute/);
    const odd = hideStoreErrors(new StratoError('INVALID_ARGUMENT', 'TXN_INVALID', `duplicate key ${key}`), 'rid-2');
    assert.equal(`${odd.code}/${odd.reason}`, 'INTERNAL/INTERNAL_ERROR');
    assert.equal(odd.message, 'internal error (request id rid-2)');
  });

  it("passes the services' own errors unchanged", () => {
    const own = new StratoError('NOT_FOUND', 'SERVER_NOT_FOUND', 'server "web" not found');
    assert.equal(hideStoreErrors(own, ''), own);
    const token = new StratoError(
      'INVALID_ARGUMENT',
      'PAGE_TOKEN_INVALID',
      'page_token is not a token from this listing',
    );
    assert.equal(hideStoreErrors(token, ''), token);
  });
});
