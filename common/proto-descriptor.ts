// gRPC client constructors from the build-time descriptors that
// scripts/gen-proto writes next to the generated types
// (common/gen/descriptors/<file>.json, one per .proto file with what it
// imports, from proto/ — the one source). Parsing the .proto text and
// building proto-loader's package definition cost a CLI command tens of
// milliseconds at every start; this path loads only protobufjs's light build
// and the JSON. Messages convert exactly as proto-loader converts them (its
// serializer and deserializer, with PROTO_OPTIONS), so the generated types in
// common/gen hold for both; test/unit/grpc/proto-descriptor.test.ts compares
// the two paths. The daemons' services use the same descriptors and codecs
// (common/proto-services.ts).
import { readFileSync } from 'node:fs';
import { type GrpcObject, makeClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';
import protobuf from 'protobufjs/light.js';
import { installUrl } from './install-root.ts';
import { PROTO_OPTIONS } from './proto-options.ts';

/** Where the descriptor of a proto file (relative to proto/, e.g. `strato/image/v1/image.proto`) lives. */
export function descriptorUrl(protoFile: string): URL {
  if (!/^[\w/]+\.proto$/.test(protoFile) || protoFile.includes('..')) throw new Error(`not a proto file: ${protoFile}`);
  return installUrl(`common/gen/descriptors/${protoFile.replace(/\.proto$/, '.json')}`);
}

/** The protobufjs root of one proto file's descriptor, every type resolved. */
export function loadDescriptorRoot(protoFile: string): protobuf.Root {
  const json = JSON.parse(readFileSync(descriptorUrl(protoFile), 'utf8')) as protobuf.INamespace;
  const root = protobuf.Root.fromJSON(json);
  root.resolveAll();
  return root;
}

/** A grpc-js service definition with proto-loader's conversions (see its createMethodDefinition). */
export function serviceDefinition(service: protobuf.Service): ServiceDefinition {
  const serviceName = service.fullName.replace(/^\./, '');
  const def: Record<string, ServiceDefinition[string]> = {};
  for (const method of service.methodsArray) {
    const req = method.resolvedRequestType;
    const res = method.resolvedResponseType;
    if (!req || !res) throw new Error(`${serviceName}.${method.name}: unresolved message types`);
    def[method.name] = {
      path: `/${serviceName}/${method.name}`,
      requestStream: !!method.requestStream,
      responseStream: !!method.responseStream,
      requestSerialize: serializer(req),
      requestDeserialize: deserializer(req),
      responseSerialize: serializer(res),
      responseDeserialize: deserializer(res),
    };
  }
  return def;
}

/** A message's serializer as proto-loader makes it. */
export function serializer(type: protobuf.Type): (value: object) => Buffer {
  return (value) => {
    if (Array.isArray(value))
      throw new Error(`Failed to serialize message: expected object with ${type.name} structure`);
    return type.encode(type.fromObject(value as Record<string, unknown>)).finish() as Buffer;
  };
}

/** A message's deserializer as proto-loader makes it (PROTO_OPTIONS). */
export function deserializer(type: protobuf.Type): (buf: Buffer) => object {
  return (buf) => type.toObject(type.decode(buf), PROTO_OPTIONS);
}

/**
 * The services of a proto file as grpc-js client constructors, nested by
 * package like `loadPackageDefinition`'s result (services only), typed by a
 * generated `ProtoGrpcType` (the message entries of that type are absent).
 */
export function loadClientObject<T = GrpcObject>(protoFile: string): T {
  return servicesOf(loadDescriptorRoot(protoFile)) as unknown as T;
}

function servicesOf(ns: protobuf.NamespaceBase): GrpcObject {
  const out: GrpcObject = {};
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Service) {
      out[child.name] = makeClientConstructor(serviceDefinition(child), child.name);
    } else if (child instanceof protobuf.Namespace && !(child instanceof protobuf.Type)) {
      const nested = servicesOf(child);
      if (Object.keys(nested).length > 0) out[child.name] = nested;
    }
  }
  return out;
}
