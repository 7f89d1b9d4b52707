// The CLI's clients come from the build-time descriptors (common/gen/descriptors),
// the daemons' from the .proto files through proto-loader: both must put the
// same bytes on the wire and hand code the same objects, for every RPC.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { ServiceDefinition } from '@grpc/grpc-js';
import type * as protobuf from 'protobufjs';
import { listProtoFiles, loadProtoPackage } from '../../../common/proto.ts';
import { descriptorUrl, loadClientObject, loadDescriptorRoot } from '../../../common/proto-descriptor.ts';

type Ctor = { service: ServiceDefinition };

/** Every service constructor in a grpc object (services only), by full name. */
function services(obj: unknown, prefix = ''): Map<string, Ctor> {
  const out = new Map<string, Ctor>();
  for (const [name, v] of Object.entries(obj as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${name}` : name;
    if (typeof v === 'function' && 'service' in v) out.set(full, v as unknown as Ctor);
    else if (v && typeof v === 'object' && !('format' in v)) for (const [k, c] of services(v, full)) out.set(k, c);
  }
  return out;
}

/** A message with every field set (one member per oneof), nested messages two levels deep. */
function sample(type: protobuf.Type, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const oneofTaken = new Set<string>();
  for (const field of type.fieldsArray) {
    field.resolve();
    const oneof = field.partOf?.name;
    if (oneof && oneofTaken.has(oneof)) continue;
    let v: unknown;
    const rt = field.resolvedType;
    if (rt && 'values' in rt) v = Object.keys((rt as protobuf.Enum).values).at(-1);
    else if (rt) {
      if (depth >= 2) continue;
      v = sample(rt as protobuf.Type, depth + 1);
    } else {
      v = scalar(field.type);
    }
    if (oneof) oneofTaken.add(oneof);
    if (field.map) out[field.name] = { k1: v };
    else out[field.name] = field.repeated ? [v, v] : v;
  }
  return out;
}

function scalar(type: string): unknown {
  if (type === 'string') return 'text-ü';
  if (type === 'bool') return true;
  if (type === 'bytes') return Buffer.from([1, 2, 3]);
  if (/int64|fixed64/.test(type)) return '9007199254740993';
  if (type === 'double' || type === 'float') return 1.5;
  return 7;
}

const files = (await listProtoFiles()).filter((f) => f.startsWith('strato/'));

describe('build-time proto descriptors (the CLI) against proto-loader (the daemons)', () => {
  it('has a descriptor for every proto file', async () => {
    for (const file of files) await readFile(descriptorUrl(file));
  });

  it('refuses a path outside the descriptors', () => {
    assert.throws(() => descriptorUrl('../../etc/passwd.proto'), /not a proto file/);
  });

  for (const file of files) {
    it(`${file}: same services, paths, stream kinds, bytes and objects`, async () => {
      const viaLoader = services((await import('@grpc/grpc-js')).loadPackageDefinition(await loadProtoPackage([file])));
      const viaDescriptor = services(loadClientObject(file));
      assert.deepEqual([...viaDescriptor.keys()].sort(), [...viaLoader.keys()].sort());
      const root = loadDescriptorRoot(file);
      for (const [name, ctor] of viaLoader) {
        const a = ctor.service;
        const b = viaDescriptor.get(name)!.service;
        assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), name);
        const svc = root.lookupService(name);
        for (const [rpc, ma] of Object.entries(a)) {
          const mb = b[rpc]!;
          assert.equal(mb.path, ma.path);
          assert.equal(mb.requestStream, ma.requestStream, `${rpc} requestStream`);
          assert.equal(mb.responseStream, ma.responseStream, `${rpc} responseStream`);
          const method = svc.methods[rpc]!;
          method.resolve();
          for (const [type, ser, de] of [
            [method.resolvedRequestType!, 'requestSerialize', 'requestDeserialize'],
            [method.resolvedResponseType!, 'responseSerialize', 'responseDeserialize'],
          ] as const) {
            const msg = sample(type);
            const bytes = ma[ser](msg);
            assert.deepEqual(mb[ser](msg), bytes, `${name}.${rpc} ${ser}`);
            assert.deepEqual(mb[de](bytes), ma[de](bytes), `${name}.${rpc} ${de}`);
            assert.deepEqual(mb[de](Buffer.alloc(0)), ma[de](Buffer.alloc(0)), `${name}.${rpc} defaults`);
          }
        }
      }
    });
  }
});
