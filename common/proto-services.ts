// The daemons' service definitions from the build-time descriptor that
// scripts/gen-proto writes (common/gen/service-descriptor.json, from proto/ —
// the one source), instead of parsing the .proto files at every start with
// proto-loader (~90–105 ms and ~11 MiB per daemon). Messages convert exactly
// as proto-loader converts them (common/proto-descriptor.ts's serializers,
// PROTO_OPTIONS), so the generated types in common/gen hold; each method's
// request carries the message shapes proto-loader gave the strict request
// decoding (common/grpc/request-decoding.ts), taken from proto-loader's output
// at build time. test/unit/grpc/proto-services.test.ts compares both paths.
// Reflection does not need this: common/grpc/lazy-reflection.ts builds it on
// its first call.
import { readFileSync } from 'node:fs';
import type { ServiceDefinition } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import protobuf from 'protobufjs/light.js';
import type { MessageShape } from './grpc/wire-check.ts';
import { installUrl } from './install-root.ts';
import { serviceDefinition } from './proto-descriptor.ts';

/** The file scripts/gen-proto writes for the daemons. */
export const SERVICE_DESCRIPTOR = 'common/gen/service-descriptor.json';

interface ServiceDescriptor {
  root: protobuf.INamespace;
  messages: Record<string, MessageShape>;
}

/**
 * Every strato service as a package definition (service entries only, keyed
 * by full name like proto-loader's), for `toGrpcObject` (common/proto.ts):
 * what `loadProtoPackage()` gives the daemons, without parsing .proto text.
 */
export function loadServicePackage(): PackageDefinition {
  const desc = JSON.parse(readFileSync(installUrl(SERVICE_DESCRIPTOR), 'utf8')) as ServiceDescriptor;
  const root = protobuf.Root.fromJSON(desc.root);
  root.resolveAll();
  const lookup = (fqn: string): MessageShape | undefined => desc.messages[fqn];
  const pkg: PackageDefinition = {};
  for (const service of servicesIn(root)) {
    const def: ServiceDefinition = serviceDefinition(service);
    for (const [name, method] of Object.entries(def)) {
      const req = service.methods[name]!.resolvedRequestType!.fullName.slice(1);
      const type = lookup(req);
      if (!type) throw new Error(`${SERVICE_DESCRIPTOR}: no shape for ${req}; run scripts/gen-proto`);
      // As proto-loader's method definition describes its request (the part request-decoding.ts reads).
      Object.assign(method, { requestType: { type, lookup } });
    }
    // proto-loader's type says an entry is a service or a message; a ServiceDefinition is what it holds for services.
    pkg[service.fullName.slice(1)] = def as unknown as PackageDefinition[string];
  }
  return pkg;
}

function servicesIn(ns: protobuf.NamespaceBase): protobuf.Service[] {
  const out: protobuf.Service[] = [];
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Service) out.push(child);
    else if (child instanceof protobuf.Namespace) out.push(...servicesIn(child));
  }
  return out;
}
