// The daemons' service definitions from build-time output that scripts/gen-proto
// writes from proto/ (the one source), instead of parsing the .proto files at
// every start with proto-loader (~90–105 ms and ~11 MiB per daemon):
// common/gen/service-descriptor.json names every service's methods, their
// message types and the proto file declaring them. A method's codecs come from
// that file's descriptor in common/gen/descriptors (the CLI's), loaded on the
// method's first call: a daemon builds the message types of the services it is
// actually called on or calls, not of all of them at start. Messages convert
// exactly as proto-loader converts them (proto-descriptor.ts: its serializer
// and deserializer with PROTO_OPTIONS), so the generated types in common/gen
// hold. Each method's request carries the message shapes that proto-loader gave
// the strict request decoding (common/grpc/request-decoding.ts), taken from
// proto-loader's own output at build time. test/unit/grpc/proto-services.test.ts
// compares this path with proto-loader's. Reflection does not need it: it is
// built on its first call (common/grpc/lazy-reflection.ts).
import { readFileSync } from 'node:fs';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type protobuf from 'protobufjs/light.js';
import type { MessageShape } from './grpc/wire-check.ts';
import { installUrl } from './install-root.ts';
import { deserializer, loadDescriptorRoot, serializer } from './proto-descriptor.ts';

/** The file scripts/gen-proto writes for the daemons. */
export const SERVICE_DESCRIPTOR = 'common/gen/service-descriptor.json';

interface MethodEntry {
  requestType: string;
  responseType: string;
  requestStream?: boolean;
  responseStream?: boolean;
  originalName: string;
}

interface ServiceDescriptor {
  /** By full name: the proto file (relative to proto/) declaring it, and its methods. */
  services: Record<string, { file: string; methods: Record<string, MethodEntry> }>;
  /** Every message type's shape, by full name (see wire-check.ts). */
  messages: Record<string, MessageShape>;
}

interface Codec {
  serialize: (value: object) => Buffer;
  deserialize: (buf: Buffer) => object;
}

/**
 * Every strato service as a package definition (service entries only, keyed
 * by full name like proto-loader's), for `toGrpcObject` (common/proto.ts):
 * what `loadProtoPackage()` gives the daemons, without parsing .proto text.
 */
export function loadServicePackage(): PackageDefinition {
  const desc = JSON.parse(readFileSync(installUrl(SERVICE_DESCRIPTOR), 'utf8')) as ServiceDescriptor;
  const lookup = (fqn: string): MessageShape | undefined => desc.messages[fqn];
  const roots = new Map<string, protobuf.Root>();
  const codecs = new Map<string, Codec>();
  /** The codec of a message, built on first use from the descriptor of the file that declares the service. */
  const codec = (file: string, fqn: string): Codec => {
    let c = codecs.get(fqn);
    if (c) return c;
    let root = roots.get(file);
    if (!root) {
      root = loadDescriptorRoot(file);
      roots.set(file, root);
    }
    const type = root.lookupType(fqn);
    c = { serialize: serializer(type), deserialize: deserializer(type) };
    codecs.set(fqn, c);
    return c;
  };
  const pkg: PackageDefinition = {};
  for (const [service, { file, methods }] of Object.entries(desc.services)) {
    const def: Record<string, ServiceDefinition[string]> = {};
    for (const [name, m] of Object.entries(methods)) {
      const type = lookup(m.requestType);
      if (!type) throw new Error(`${SERVICE_DESCRIPTOR}: no shape for ${m.requestType}; run scripts/gen-proto`);
      const req = () => codec(file, m.requestType);
      const res = () => codec(file, m.responseType);
      const method: MethodDefinition<object, object> & Record<string, unknown> = {
        path: `/${service}/${name}`,
        requestStream: !!m.requestStream,
        responseStream: !!m.responseStream,
        requestSerialize: (v) => req().serialize(v),
        requestDeserialize: (b) => req().deserialize(b),
        responseSerialize: (v) => res().serialize(v),
        responseDeserialize: (b) => res().deserialize(b),
        // The client's camelCase alias, as proto-loader names it (grpc-js's makeClientConstructor adds it).
        originalName: m.originalName,
        // As proto-loader's method definition describes its request (the part request-decoding.ts reads).
        requestType: { type, lookup },
      };
      def[name] = method;
    }
    // proto-loader's type says an entry is a service or a message; a ServiceDefinition is what it holds for services.
    pkg[service] = def as unknown as PackageDefinition[string];
  }
  return pkg;
}
