// Loading the wire contract (proto/) at run time by parsing the .proto files
// with proto-loader: what the reflection service does on its first call (it
// needs the file descriptors proto-loader builds; common/grpc/lazy-reflection.ts),
// what the tests' fixtures do, and the reference the build-time paths are
// tested against. The generated types in common/gen describe the objects
// proto-loader produces only if both use the same conversion options
// (common/proto-options.ts); scripts/gen-proto asks genTypesArgs() for the
// matching proto-loader-gen-types flags. At start, the daemons load their
// services from build-time output (common/proto-services.ts) and the CLI its
// clients (common/proto-descriptor.ts), neither parsing .proto text.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type GrpcObject, loadPackageDefinition } from '@grpc/grpc-js';
import { load, type PackageDefinition } from '@grpc/proto-loader';
import { installPath } from './install-root.ts';
import { PROTO_OPTIONS } from './proto-options.ts';

export { PROTO_OPTIONS };

/** Root of the versioned contract: `proto/strato/<area>/v1/*.proto`. */
export const PROTO_DIR: string = installPath('proto/');

/** The proto-loader-gen-types flags that produce types matching PROTO_OPTIONS. */
export function genTypesArgs(): string[] {
  const args = [
    `--longs=${PROTO_OPTIONS.longs.name}`,
    `--enums=${PROTO_OPTIONS.enums.name}`,
    '--grpcLib=@grpc/grpc-js',
    '--includeComments',
    '--importFileExtension=.ts',
    '--targetFileExtension=.ts',
  ];
  if (PROTO_OPTIONS.keepCase) args.push('--keepCase');
  if (PROTO_OPTIONS.defaults) args.push('--defaults');
  if (PROTO_OPTIONS.oneofs) args.push('--oneofs');
  return args;
}

/** Every .proto under `dir`, relative to it, in a stable order. */
export async function listProtoFiles(dir: string = PROTO_DIR): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.proto'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * The proto files under `dir` (relative to it) that declare the services named
 * (fully qualified, e.g. `strato.host.v1.Registry`), found by their `package`
 * and `service` lines. A server's reflection loads just these (and what they
 * import), so it describes no service it does not serve. Throws for a service
 * no file declares.
 */
export async function protoFilesDeclaring(services: readonly string[], dir: string = PROTO_DIR): Promise<string[]> {
  const wanted = new Set(services);
  const files = new Set<string>();
  for (const file of await listProtoFiles(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(text)?.[1];
    for (const m of text.matchAll(/^\s*service\s+(\w+)\s*\{/gm)) {
      const fqn = pkg ? `${pkg}.${m[1]}` : m[1]!;
      if (wanted.delete(fqn)) files.add(file);
    }
  }
  if (wanted.size > 0) throw new Error(`no proto file under ${dir} declares ${[...wanted].join(', ')}`);
  return [...files].sort();
}

/**
 * Loads proto files (paths relative to an include dir, e.g.
 * `strato/agent/v1/agent.proto`) into a package definition, which is what
 * both grpc-js and the reflection service need. Without files, loads all of
 * proto/strato.
 */
export async function loadProtoPackage(
  files?: readonly string[],
  includeDirs: readonly string[] = [PROTO_DIR],
): Promise<PackageDefinition> {
  const list = files ?? (await listProtoFiles(PROTO_DIR)).filter((f) => f.startsWith('strato/'));
  return load([...list], { ...PROTO_OPTIONS, includeDirs: [...includeDirs] });
}

/**
 * Turns a package definition into grpc-js constructors, typed by a generated
 * `ProtoGrpcType` (e.g. `import type { ProtoGrpcType } from './gen/agent.ts'`).
 * The cast is the one place the generated types meet the runtime objects; it
 * holds because both come from PROTO_OPTIONS.
 */
export function toGrpcObject<T = GrpcObject>(pkg: PackageDefinition): T {
  return loadPackageDefinition(pkg) as unknown as T;
}
