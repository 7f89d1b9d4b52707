// Reflection is built on its first call, not at start (common/grpc/lazy-reflection.ts):
// a server that nobody asks pays nothing, the first asker gets the same answers
// as before, in order on one stream, on v1 and v1alpha, and a failed build is
// an INTERNAL error that the next call retries.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import {
  type Client,
  type ClientDuplexStream,
  credentials,
  type GrpcObject,
  loadPackageDefinition,
  Server,
} from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import { addLazyReflection } from '../../../common/grpc/lazy-reflection.ts';
import { log } from '../../../common/log.ts';
import { PROTO_OPTIONS } from '../../../common/proto-options.ts';
import { loadEcho } from '../../fixtures/proto/echo-server.ts';

type Req = { listServices?: string; fileContainingSymbol?: string };
type Res = {
  listServicesResponse?: { service: { name: string }[] };
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] };
  errorResponse?: { errorCode: number };
};
interface ReflectionClient extends Client {
  ServerReflectionInfo(): ClientDuplexStream<Req, Res>;
}

const require = createRequire(import.meta.url);
function reflectionClient(version: 'v1' | 'v1alpha', address: string): ReflectionClient {
  const file = require.resolve(`@grpc/reflection/build/proto/grpc/reflection/${version}/reflection.proto`);
  const pkg = loadPackageDefinition(loadSync(file, PROTO_OPTIONS)) as GrpcObject;
  const ns = ((pkg.grpc as GrpcObject).reflection as GrpcObject)[version] as GrpcObject;
  const Ctor = ns.ServerReflection as unknown as new (
    a: string,
    c: ReturnType<typeof credentials.createInsecure>,
  ) => Client;
  return new Ctor(address, credentials.createInsecure()) as ReflectionClient;
}

/** Sends every request on one stream and collects as many answers, or the stream's error. */
function ask(client: ReflectionClient, requests: Req[]): Promise<Res[]> {
  const stream = client.ServerReflectionInfo();
  return new Promise<Res[]>((resolve, reject) => {
    const answers: Res[] = [];
    stream.on('data', (res: Res) => {
      answers.push(res);
      if (answers.length === requests.length) {
        stream.end();
        resolve(answers);
      }
    });
    stream.on('error', reject);
    for (const r of requests) stream.write(r);
  });
}

describe('reflection built on its first call', () => {
  const server = new Server();
  let address = '';
  let loads = 0;
  let failNext = false;
  let pkg: PackageDefinition;
  const clients: Client[] = [];

  before(async () => {
    pkg = (await loadEcho()).pkg;
    addLazyReflection(
      server,
      ['strato.testing.v1.Echo'],
      async () => {
        loads++;
        if (failNext) {
          failNext = false;
          throw new Error('descriptors unreadable');
        }
        return pkg;
      },
      log,
    );
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', insecureServerCredentials(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    address = `127.0.0.1:${port}`;
  });
  after(() => {
    for (const c of clients) c.close();
    server.forceShutdown();
  });

  const client = (version: 'v1' | 'v1alpha') => {
    const c = reflectionClient(version, address);
    clients.push(c);
    return c;
  };

  it('builds nothing until asked', () => {
    assert.equal(loads, 0);
  });

  it('answers INTERNAL when the build fails, and builds on the next call', async () => {
    failNext = true;
    await assert.rejects(ask(client('v1'), [{ listServices: '' }]), { code: 13 });
    const [listed] = await ask(client('v1'), [{ listServices: '' }]);
    assert.deepEqual(
      listed!.listServicesResponse!.service.map((s) => s.name),
      ['strato.testing.v1.Echo'],
    );
  });

  for (const version of ['v1', 'v1alpha'] as const) {
    it(`${version}: answers several requests on one stream, in order, from one build`, async () => {
      const before = loads;
      const answers = await ask(client(version), [
        { listServices: '' },
        { fileContainingSymbol: 'strato.testing.v1.Echo' },
        { fileContainingSymbol: 'strato.nope.v1.Nope' },
      ]);
      assert.deepEqual(
        answers[0]!.listServicesResponse!.service.map((s) => s.name),
        ['strato.testing.v1.Echo'],
      );
      assert.ok(answers[1]!.fileDescriptorResponse!.fileDescriptorProto.length > 0);
      assert.equal(answers[2]!.errorResponse!.errorCode, 5); // NOT_FOUND
      assert.equal(loads, before, 'the build is kept');
    });
  }
});
