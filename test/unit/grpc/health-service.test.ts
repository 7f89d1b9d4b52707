// The hand-written health messages (common/grpc/health-service.ts) must be
// byte-compatible with the standard health.proto: decoded here by protobufjs
// from grpc-health-check's copy of the file, as any client would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protoPath } from 'grpc-health-check';
import protobuf from 'protobufjs';
import { decodeCheckRequest, encodeList, encodeStatus } from '../../../common/grpc/health-service.ts';

const root = protobuf.loadSync(protoPath);
const Request = root.lookupType('grpc.health.v1.HealthCheckRequest');
const Response = root.lookupType('grpc.health.v1.HealthCheckResponse');
const ListResponse = root.lookupType('grpc.health.v1.HealthListResponse');
const asObject = { enums: String, defaults: true } as const;

describe('health wire format', () => {
  it('encodes every status as the standard HealthCheckResponse', () => {
    for (const status of ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'] as const) {
      assert.deepEqual(Response.toObject(Response.decode(encodeStatus(status)), asObject), { status });
    }
  });

  it('decodes a HealthCheckRequest, empty or long, skipping unknown fields', () => {
    for (const service of ['', 'strato.compute.v1.Servers', `x${'é'.repeat(300)}`]) {
      const bytes = Buffer.from(Request.encode(Request.create({ service })).finish());
      assert.deepEqual(decodeCheckRequest(bytes), { service });
      // Unknown fields of every wire type around it: varint 2, fixed64 3, fixed32 4, bytes 5.
      const extra = Buffer.from([0x10, 0x96, 0x01, 0x19, 1, 2, 3, 4, 5, 6, 7, 8, 0x25, 1, 2, 3, 4, 0x2a, 1, 0x41]);
      assert.deepEqual(decodeCheckRequest(Buffer.concat([extra, bytes, extra])), { service });
    }
  });

  it('rejects a truncated request', () => {
    assert.throws(() => decodeCheckRequest(Buffer.from([0x0a, 5, 0x61])));
    assert.throws(() => decodeCheckRequest(Buffer.from([0x0a])));
  });

  it('encodes the statuses as the standard HealthListResponse', () => {
    const statuses = new Map([
      ['', 'SERVING'],
      ['a.B', 'NOT_SERVING'],
      ['c.D', 'UNKNOWN'],
    ] as const);
    assert.deepEqual(ListResponse.toObject(ListResponse.decode(encodeList(statuses)), asObject), {
      statuses: { '': { status: 'SERVING' }, 'a.B': { status: 'NOT_SERVING' }, 'c.D': { status: 'UNKNOWN' } },
    });
  });
});
