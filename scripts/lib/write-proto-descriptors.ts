// Writes the build-time descriptors the CLI loads (common/proto-descriptor.ts):
// one JSON per .proto file under SRC, holding that file and everything it
// imports, as protobufjs reads it with PROTO_OPTIONS (field names as the
// runtime loader names them). Run by scripts/gen-proto, whose --check
// compares the output with the committed files.
//   node scripts/lib/write-proto-descriptors.ts SRC_DIR OUT_DIR
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import protobuf from 'protobufjs';
import { listProtoFiles } from '../../common/proto.ts';
import { PROTO_OPTIONS } from '../../common/proto-options.ts';

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: write-proto-descriptors.ts SRC_DIR OUT_DIR');
  process.exit(2);
}

for (const file of await listProtoFiles(src)) {
  if (file.startsWith('gen/')) continue;
  const root = new protobuf.Root();
  // As proto-loader resolves imports: google/protobuf/* from protobufjs's own copies, the rest under SRC.
  root.resolvePath = (_origin, target) =>
    isAbsolute(target) || target.startsWith('google/protobuf/') ? target : join(src, target);
  await root.load(file, { keepCase: PROTO_OPTIONS.keepCase });
  root.resolveAll();
  const target = join(out, file.replace(/\.proto$/, '.json'));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(root.toJSON({ keepComments: false }), null, 1)}\n`);
}
