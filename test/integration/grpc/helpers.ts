// Shared setup for the gRPC helper tests: certificates from scripts/make-certs
// in a temp dir, clients for the fixture Echo service, and client constructors
// for the standard health and reflection services (as grpcurl calls them).
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChannelCredentials, type Client, type GrpcObject, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { PROTO_OPTIONS } from '../../../common/proto.ts';
import { run } from '../../harness/exec.ts';

export const MAKE_CERTS = fileURLToPath(new URL('../../../scripts/make-certs', import.meta.url));

export async function makeCerts(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(MAKE_CERTS, ['--dir', dir, ...args]);
  return stdout;
}

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-grpc-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const require = createRequire(import.meta.url);
const REFLECTION_PROTO = require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');

type Ctor = new (address: string, creds: ChannelCredentials) => Client;
function service(file: string, path: string): Ctor {
  let node: unknown = loadPackageDefinition(loadSync(file, PROTO_OPTIONS));
  for (const part of path.split('.')) node = (node as GrpcObject)[part];
  return node as Ctor;
}

/** A plain client of grpc.health.v1.Health. */
export const HealthCtor = (): Ctor => service(healthProtoPath, 'grpc.health.v1.Health');
/** A plain client of grpc.reflection.v1.ServerReflection. */
export const ReflectionCtor = (): Ctor => service(REFLECTION_PROTO, 'grpc.reflection.v1.ServerReflection');
