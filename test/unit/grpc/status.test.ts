// StratoError <-> gRPC status mapping, without a network.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Metadata, status } from '@grpc/grpc-js';
import { clip, ECHO_MAX, type ErrorCode, echo, StratoError } from '../../../common/errors.ts';
import {
  codeName,
  fromCallError,
  fromGrpcStatus,
  grpcCode,
  STATUS_DETAILS_KEY,
  STATUS_LIMITS,
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

  it('bounds what an error sends, whatever its message and details hold', () => {
    const huge = 'y'.repeat(60_000);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}${huge.slice(0, 100)}`, huge]));
    const wire = toGrpcStatus(new StratoError('INVALID_ARGUMENT', 'R', huge, { details: many }));
    assert.equal(wire.details.length, STATUS_LIMITS.message);
    assert.ok(wire.details.endsWith('…'));
    const back = fromGrpcStatus(wire);
    assert.equal(back.message, wire.details);
    const entries = Object.entries(back.details);
    assert.equal(entries.length, STATUS_LIMITS.detailEntries);
    for (const [k, v] of entries) {
      assert.ok(k.length <= STATUS_LIMITS.detailKey && v.length <= STATUS_LIMITS.detailValue);
    }
    // Far below what an HTTP/2 peer accepts in trailers (grpc-js: 16 KiB).
    assert.ok(wire.metadata.get(STATUS_DETAILS_KEY)[0]!.length < 8 * 1024);
  });
});

describe('echoing input in errors', () => {
  it('quotes short input whole, with control characters escaped', () => {
    assert.equal(echo('web-1'), '"web-1"');
    assert.equal(echo('a\u0000b\u001b[31m\u007f\u009b\u2028'), '"a\\u0000b\\u001b[31m\\u007f\\u009b\\u2028"');
  });

  it('cuts long input and says how long it was', () => {
    const e = echo('x'.repeat(2000));
    assert.equal(e, `"${'x'.repeat(ECHO_MAX)}…" (2000 characters)`);
    assert.equal(clip('x'.repeat(2000)), `${'x'.repeat(ECHO_MAX)}…`);
    assert.equal(clip('short'), 'short');
  });

  it('never cuts a surrogate pair in half', () => {
    const s = `${'x'.repeat(ECHO_MAX - 1)}😀tail`;
    assert.equal(clip(s), `${'x'.repeat(ECHO_MAX - 1)}…`);
    assert.ok(echo(s).isWellFormed());
  });
});
