// The hand-written google.rpc.Status codec against protobufjs reading the
// vendored .proto files: the bytes must mean the same thing to any client.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import protobuf from 'protobufjs';
import {
  decodeRpcStatus,
  ERROR_INFO_TYPE_URL,
  encodeRpcStatus,
  type RpcStatus,
} from '../../../common/grpc/status-details.ts';
import { PROTO_DIR } from '../../../common/proto.ts';

const root = new protobuf.Root();
root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : join(PROTO_DIR, target));
root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
const Status = root.lookupType('google.rpc.Status');
const ErrorInfo = root.lookupType('google.rpc.ErrorInfo');

const sample: RpcStatus = {
  code: 5,
  message: 'domain strato-1 not found — ünïcode',
  errorInfo: { reason: 'DOMAIN_NOT_FOUND', domain: 'strato.io', metadata: { id: '1', zeta: 'z', empty: '' } },
};

describe('google.rpc.Status codec', () => {
  it('round-trips', () => {
    assert.deepEqual(decodeRpcStatus(encodeRpcStatus(sample)), sample);
  });

  it('writes what protobufjs reads', () => {
    const st = Status.toObject(Status.decode(encodeRpcStatus(sample)), { defaults: true }) as {
      code: number;
      message: string;
      details: { type_url: string; value: Uint8Array }[];
    };
    assert.equal(st.code, 5);
    assert.equal(st.message, sample.message);
    assert.equal(st.details.length, 1);
    assert.equal(st.details[0]?.type_url, ERROR_INFO_TYPE_URL);
    const info = ErrorInfo.toObject(ErrorInfo.decode(st.details[0]!.value));
    assert.deepEqual(info, { reason: 'DOMAIN_NOT_FOUND', domain: 'strato.io', metadata: sample.errorInfo!.metadata });
  });

  it('reads what protobufjs writes, skipping other detail types and unknown fields', () => {
    const info = ErrorInfo.encode(ErrorInfo.fromObject({ reason: 'R', domain: 'd', metadata: { a: 'b' } })).finish();
    const other = {
      type_url: 'type.googleapis.com/google.rpc.RetryInfo',
      value: Buffer.from([0x0a, 0x02, 0x08, 0x01]),
    };
    const bytes = Status.encode(
      Status.fromObject({ code: -3, message: 'm', details: [other, { type_url: ERROR_INFO_TYPE_URL, value: info }] }),
    ).finish();
    // An unknown fixed64 and fixed32 field appended, as a newer server might send.
    const extended = Buffer.concat([Buffer.from(bytes), Buffer.from([0x49, 1, 2, 3, 4, 5, 6, 7, 8, 0x55, 1, 2, 3, 4])]);
    assert.deepEqual(decodeRpcStatus(extended), {
      code: -3,
      message: 'm',
      errorInfo: { reason: 'R', domain: 'd', metadata: { a: 'b' } },
    });
  });

  it('encodes an error without details and code 0 as proto3 does', () => {
    assert.deepEqual(encodeRpcStatus({ code: 0, message: '' }), Buffer.alloc(0));
    assert.deepEqual(decodeRpcStatus(Buffer.alloc(0)), { code: 0, message: '' });
  });

  it('is deterministic whatever the order of metadata keys', () => {
    const a = encodeRpcStatus({
      code: 1,
      message: '',
      errorInfo: { reason: 'R', domain: 'd', metadata: { x: '1', y: '2' } },
    });
    const b = encodeRpcStatus({
      code: 1,
      message: '',
      errorInfo: { reason: 'R', domain: 'd', metadata: { y: '2', x: '1' } },
    });
    assert.deepEqual(a, b);
  });

  it('throws on truncated or malformed input', () => {
    const bytes = encodeRpcStatus(sample);
    assert.throws(() => decodeRpcStatus(bytes.subarray(0, bytes.length - 3)), /truncated/);
    assert.throws(() => decodeRpcStatus(Buffer.from([0x08, 0xff])), /malformed/);
    assert.throws(() => decodeRpcStatus(Buffer.from([0x0b])), /wire type/);
  });
});
