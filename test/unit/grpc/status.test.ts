// StratoError <-> gRPC status mapping, without a network.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Metadata, status } from '@grpc/grpc-js';
import { type ErrorCode, StratoError } from '../../../common/errors.ts';
import {
  codeName,
  fromCallError,
  fromGrpcStatus,
  grpcCode,
  STATUS_DETAILS_KEY,
  toGrpcStatus,
  toStratoError,
} from '../../../common/grpc/status.ts';

const CODES: ErrorCode[] = [
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

describe('error model over gRPC', () => {
  it('maps every code name to its gRPC number and back', () => {
    for (const c of CODES) {
      assert.equal(grpcCode(c), status[c]);
      assert.equal(codeName(status[c]), c);
    }
    assert.equal(codeName(99), 'UNKNOWN');
    assert.equal(codeName(0), 'UNKNOWN');
  });

  it('round-trips code, reason, message and details', () => {
    for (const c of CODES) {
      const err = new StratoError(c, 'SOME_REASON', `failed ${c}`, { details: { k: 'v' } });
      const back = fromGrpcStatus(toGrpcStatus(err));
      assert.equal(back.code, c);
      assert.equal(back.reason, 'SOME_REASON');
      assert.equal(back.message, `failed ${c}`);
      assert.deepEqual(back.details, { k: 'v' });
    }
  });

  it('keeps trailers the caller already set', () => {
    const md = new Metadata();
    md.set('x-extra', '1');
    const st = toGrpcStatus(new StratoError('ABORTED', 'CONFLICT', 'm'), md);
    assert.deepEqual(st.metadata.get('x-extra'), ['1']);
    assert.equal(st.metadata.get(STATUS_DETAILS_KEY).length, 1);
  });

  it('falls back to the code name as reason without (or with broken) details', () => {
    const plain = fromGrpcStatus({ code: status.UNAVAILABLE, details: 'connection refused', metadata: new Metadata() });
    assert.equal(plain.code, 'UNAVAILABLE');
    assert.equal(plain.reason, 'UNAVAILABLE');
    assert.deepEqual(plain.details, {});
    const md = new Metadata();
    md.set(STATUS_DETAILS_KEY, Buffer.from([0x0a, 0x7f]));
    const broken = fromGrpcStatus({ code: status.NOT_FOUND, details: 'x', metadata: md });
    assert.equal(broken.code, 'NOT_FOUND');
    assert.equal(broken.reason, 'NOT_FOUND');
  });

  it('hides unexpected errors behind INTERNAL with the request id', () => {
    const secret = new Error('ENOENT /etc/strato/secret.key');
    const se = toStratoError(secret, 'rid-1');
    assert.equal(se.code, 'INTERNAL');
    assert.equal(se.reason, 'INTERNAL_ERROR');
    assert.equal(se.message, 'internal error (request id rid-1)');
    assert.deepEqual(se.details, { requestId: 'rid-1' });
    assert.equal(se.cause, secret, 'kept for the server log');
    const wire = toGrpcStatus(se);
    assert.doesNotMatch(wire.details, /secret/);
    assert.doesNotMatch(wire.metadata.get(STATUS_DETAILS_KEY)[0]!.toString(), /secret/);
  });

  it('passes StratoErrors through unchanged', () => {
    const e = new StratoError('NOT_FOUND', 'X', 'm');
    assert.equal(toStratoError(e, 'rid'), e);
    assert.equal(fromCallError(e), e);
  });

  it('converts anything a call can fail with', () => {
    assert.equal(fromCallError({ code: status.ABORTED, details: 'd' }).code, 'ABORTED');
    const odd = fromCallError(new TypeError('boom'));
    assert.equal(odd.code, 'UNKNOWN');
    assert.equal(odd.message, 'boom');
  });
});
