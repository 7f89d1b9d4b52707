// Writes the build-time descriptor the daemons serve from
// (common/proto-services.ts): every strato service under SRC in one file,
//   services  by full name: the proto file declaring it (whose descriptor in
//             common/gen/descriptors gives the messages' codecs, loaded on a
//             method's first call) and its methods as proto-loader defines
//             them (request and response types, stream kinds, originalName);
//   messages  every message type by fully qualified name, in the shape
//             proto-loader's descriptors give it (name, fields, nested types):
//             what the strict request decoding (common/grpc/wire-check.ts)
//             walks, taken from proto-loader's own output here so that it is
//             exactly what the daemons checked against when they parsed the
//             .proto files at start.
// Run by scripts/gen-proto, whose --check compares the output with the
// committed file.
//   node scripts/lib/write-service-descriptor.ts SRC_DIR OUT_FILE
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { load } from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import type { MessageShape } from '../../common/grpc/wire-check.ts';
import { listProtoFiles } from '../../common/proto.ts';
import { PROTO_OPTIONS } from '../../common/proto-options.ts';

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: write-service-descriptor.ts SRC_DIR OUT_FILE');
  process.exit(2);
}

const files = (await listProtoFiles(src)).filter((f) => f.startsWith('strato/'));

const root = new protobuf.Root();
// As proto-loader resolves imports: google/protobuf/* from protobufjs's own copies, the rest under SRC.
root.resolvePath = (_origin, target) =>
  isAbsolute(target) || target.startsWith('google/protobuf/') ? target : join(src, target);
// One file after the other: loaded together, they land in the JSON in whatever order they were read.
for (const file of files) await root.load(file, { keepCase: PROTO_OPTIONS.keepCase });
root.resolveAll();

/** Only what MessageShape declares: the rest of a DescriptorProto (options, oneofs …) is never read. */
function trim(type: MessageShape): MessageShape {
  return {
    name: type.name,
    field: type.field.map(({ name, number, type, label, typeName }) => ({ name, number, type, label, typeName })),
    nestedType: type.nestedType.map(trim),
  };
}

const messages: Record<string, MessageShape> = {};
const pkg = await load(files, { ...PROTO_OPTIONS, includeDirs: [src] });
for (const fqn of Object.keys(pkg).sort()) {
  const def = pkg[fqn] as { format?: string; type?: MessageShape };
  if (def.format?.endsWith('DescriptorProto') && def.type?.field) messages[fqn] = trim(def.type);
}

interface MethodEntry {
  requestType: string;
  responseType: string;
  requestStream?: true;
  responseStream?: true;
  originalName: string;
}
const services: Record<string, { file: string; methods: Record<string, MethodEntry> }> = {};
function addServices(ns: protobuf.NamespaceBase): void {
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Service) {
      const fqn = child.fullName.slice(1);
      const loaderDef = pkg[fqn] as Record<string, { originalName?: string }>;
      const methods: Record<string, MethodEntry> = {};
      for (const m of child.methodsArray) {
        methods[m.name] = {
          requestType: m.resolvedRequestType!.fullName.slice(1),
          responseType: m.resolvedResponseType!.fullName.slice(1),
          ...(m.requestStream ? { requestStream: true as const } : {}),
          ...(m.responseStream ? { responseStream: true as const } : {}),
          originalName: loaderDef[m.name]!.originalName!,
        };
      }
      services[fqn] = { file: relative(src!, child.filename!), methods };
    } else if (child instanceof protobuf.Namespace) {
      addServices(child);
    }
  }
}
addServices(root);

await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ services, messages })}\n`);
