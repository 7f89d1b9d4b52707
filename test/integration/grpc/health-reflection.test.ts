// The standard services every strato server carries: grpc.health.v1 and
// server reflection, called by plain grpc-js clients as grpcurl would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type ClientDuplexStream, credentials } from '@grpc/grpc-js';
import { connect } from '../../../common/grpc/client.ts';
import { insecureChannelCredentials, insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import { type EchoServer, loadEcho, startEchoServer } from '../../fixtures/proto/echo-server.ts';
import { HealthCtor, ReflectionCtor } from './helpers.ts';

interface HealthClient extends Client {
  Check(req: { service: string }, cb: (err: Error | null, res?: { status: string }) => void): void;
}
interface ReflectionClient extends Client {
  ServerReflectionInfo(): ClientDuplexStream<
    { listServices: string },
    { listServicesResponse?: { service: { name: string }[] } }
  >;
}

describe('health and reflection', () => {
  let srv: EchoServer;
  let health: HealthClient;
  let reflection: ReflectionClient;

  before(async () => {
    srv = await startEchoServer(insecureServerCredentials());
    const address = `127.0.0.1:${srv.port}`;
    health = new (HealthCtor())(address, credentials.createInsecure()) as HealthClient;
    reflection = new (ReflectionCtor())(address, credentials.createInsecure()) as ReflectionClient;
  });
  after(async () => {
    health?.close();
    reflection?.close();
    await srv?.close();
  });

  const check = (name: string) =>
    new Promise<string>((resolve, reject) =>
      health.Check({ service: name }, (err, res) => (err ? reject(err) : resolve(res!.status))),
    );

  it('reports the server and each service SERVING', async () => {
    assert.equal(await check(''), 'SERVING');
    assert.equal(await check('strato.testing.v1.Echo'), 'SERVING');
  });

  it('lets a service be marked NOT_SERVING', async () => {
    srv.server.setHealth('strato.testing.v1.Echo', 'NOT_SERVING');
    try {
      assert.equal(await check('strato.testing.v1.Echo'), 'NOT_SERVING');
    } finally {
      srv.server.setHealth('strato.testing.v1.Echo', 'SERVING');
    }
  });

  it('answers NOT_FOUND for an unknown service', async () => {
    await assert.rejects(check('strato.nope.v1.Nope'), { code: 5 });
  });

  it('lists the services through reflection', async () => {
    const stream = reflection.ServerReflectionInfo();
    const names = await new Promise<string[]>((resolve, reject) => {
      stream.on('data', (res: { listServicesResponse?: { service: { name: string }[] } }) =>
        resolve((res.listServicesResponse?.service ?? []).map((s) => s.name)),
      );
      stream.on('error', reject);
      stream.write({ listServices: '' });
    });
    stream.end();
    assert.ok(names.includes('strato.testing.v1.Echo'), `got ${names.join(', ')}`);
  });
});

describe('shutdown', () => {
  it('lets a running call finish within the grace period, then stops', async () => {
    const srv = await startEchoServer(insecureServerCredentials());
    const { proto } = await loadEcho();
    const client = connect(proto.strato.testing.v1.Echo, `127.0.0.1:${srv.port}`, {
      credentials: insecureChannelCredentials(),
      retry: false,
    });
    try {
      const running = client.Echo({ message: 'in flight', delayMs: 200 });
      await new Promise((r) => setTimeout(r, 50));
      await srv.server.shutdown(2000);
      assert.equal((await running).message, 'in flight');
      await assert.rejects(client.Echo({ message: 'late' }), { code: 'UNAVAILABLE' });
    } finally {
      client.close();
      await srv.server.shutdown(0).catch(() => {});
    }
  });

  it('cuts calls that outlive the grace period', async () => {
    const srv = await startEchoServer(insecureServerCredentials());
    const { proto } = await loadEcho();
    const client = connect(proto.strato.testing.v1.Echo, `127.0.0.1:${srv.port}`, {
      credentials: insecureChannelCredentials(),
      retry: false,
    });
    try {
      const running = client.Echo({ message: 'too slow', delayMs: 5000 }).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      await srv.server.shutdown(100);
      assert.ok(Date.now() - started < 1000);
      const err = (await running) as { code?: string };
      assert.notEqual(err.code, undefined, 'the slow call failed');
    } finally {
      client.close();
    }
  });
});
