// The daemons' services come from the build-time descriptor
// (common/gen/service-descriptor.json), no longer from parsing the .proto files
// with proto-loader at start: both must serve the same methods, name the same
// request types for validation, and judge malformed requests alike (strict
// decoding walks message shapes the build took from proto-loader).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { MalformedRequest, requestTypeName, strictRequestDecoding } from '../../../common/grpc/request-decoding.ts';
import type { FieldShape, MessageShape } from '../../../common/grpc/wire-check.ts';
import { loadProtoPackage } from '../../../common/proto.ts';
import { loadServicePackage } from '../../../common/proto-services.ts';

type Method = MethodDefinition<unknown, unknown>;

/** The services of a package definition (entries without a `format` are services), by full name. */
function servicesOf(pkg: PackageDefinition): Map<string, ServiceDefinition> {
  const out = new Map<string, ServiceDefinition>();
  for (const [name, def] of Object.entries(pkg)) if (!('format' in def)) out.set(name, def as ServiceDefinition);
  return out;
}

const tag = (n: number, wire: number) => Buffer.from([(n << 3) | wire]);
const len = (b: Buffer) => Buffer.concat([Buffer.from([b.length]), b]);

/** Bytes that put the wrong wire type in `f` (a LEN field gets a varint, any other a LEN). */
function wrongWire(f: FieldShape): Buffer {
  return f.type === 'TYPE_STRING' || f.type === 'TYPE_BYTES' || f.type === 'TYPE_MESSAGE'
    ? Buffer.concat([tag(f.number, 0), Buffer.from([1])])
    : Buffer.concat([tag(f.number, 2), len(Buffer.from([1, 2]))]);
}

/** Malformed requests for a method: every field of the request with a wrong wire type, and inside each message field. */
function malformed(shape: MessageShape): Buffer[] {
  const out: Buffer[] = [Buffer.from([0x0a, 0x05, 0x01])]; // a length past the end
  for (const f of shape.field.filter((f) => f.number < 16)) {
    out.push(wrongWire(f));
    // One level down: the nested message (found through the type lookup) with its first field broken.
    if (f.type === 'TYPE_MESSAGE') out.push(Buffer.concat([tag(f.number, 2), len(Buffer.from([0x08, 0x80]))]));
  }
  return out;
}

const viaLoader = servicesOf(await loadProtoPackage());
const viaDescriptor = servicesOf(loadServicePackage());

describe('build-time service descriptor (the daemons) against proto-loader', () => {
  it('serves the same services', () => {
    assert.deepEqual([...viaDescriptor.keys()].sort(), [...viaLoader.keys()].sort());
  });

  for (const [name, loaderDef] of viaLoader) {
    it(`${name}: same methods, request types and verdicts on malformed requests`, () => {
      const def = viaDescriptor.get(name)!;
      assert.deepEqual(Object.keys(def).sort(), Object.keys(loaderDef).sort());
      for (const [rpc, a] of Object.entries(loaderDef) as [string, Method][]) {
        const b = def[rpc] as Method;
        assert.equal(b.path, a.path);
        assert.equal(b.requestStream, a.requestStream, a.path);
        assert.equal(b.responseStream, a.responseStream, a.path);
        assert.equal(b.originalName, a.originalName, a.path);
        assert.equal(requestTypeName(b), requestTypeName(a), a.path);
        const shape = (a as unknown as { requestType: { type: MessageShape } }).requestType.type;
        const strictA = strictRequestDecoding(a);
        const strictB = strictRequestDecoding(b);
        for (const bytes of malformed(shape)) {
          const ra = strictA.requestDeserialize(bytes);
          const rb = strictB.requestDeserialize(bytes);
          assert.equal(
            rb instanceof MalformedRequest,
            ra instanceof MalformedRequest,
            `${a.path} ${bytes.toString('hex')}`,
          );
          if (ra instanceof MalformedRequest) assert.equal((rb as MalformedRequest).problem, ra.problem, a.path);
          else assert.deepEqual(rb, ra, a.path);
        }
        // An empty message is every field's default: the same object both ways, and back to the same bytes.
        const empty = Buffer.alloc(0);
        const reqA = strictA.requestDeserialize(empty) as object;
        assert.deepEqual(strictB.requestDeserialize(empty), reqA, a.path);
        assert.deepEqual(b.requestSerialize(reqA), a.requestSerialize(reqA), a.path);
        const resA = a.responseDeserialize(empty) as object;
        assert.deepEqual(b.responseDeserialize(empty), resA, a.path);
        assert.deepEqual(b.responseSerialize(resA), a.responseSerialize(resA), a.path);
      }
    });
  }
});
