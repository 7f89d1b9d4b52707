// grpc.health.v1.Health's Watch and List as a plain client (grpc-health-check's
// standard proto) sees them on a StratoServer: the current status first
// (SERVICE_UNKNOWN for a service without one), then each change, none for a
// status set again unchanged; the server's shutdown shows as NOT_SERVING.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type ClientReadableStream, credentials } from '@grpc/grpc-js';
import { insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import { type EchoServer, startEchoServer } from '../../fixtures/proto/echo-server.ts';
import { HealthCtor } from './helpers.ts';

interface Status {
  status: string;
}
interface HealthClient extends Client {
  Watch(req: { service: string }): ClientReadableStream<Status>;
  List(req: object, cb: (err: Error | null, res?: { statuses: Record<string, Status> }) => void): void;
}

const ECHO = 'strato.testing.v1.Echo';

/** A Watch whose messages are read one at a time. */
function watch(client: HealthClient, service: string) {
  const call = client.Watch({ service });
  const queue: string[] = [];
  const waiting: ((s: string) => void)[] = [];
  call.on('data', (m: Status) => {
    const w = waiting.shift();
    if (w) w(m.status);
    else queue.push(m.status);
  });
  call.on('error', () => {});
  return {
    next: (): Promise<string> => {
      const q = queue.shift();
      if (q !== undefined) return Promise.resolve(q);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no health update in 2 s')), 2000);
        waiting.push((s) => {
          clearTimeout(timer);
          resolve(s);
        });
      });
    },
    pending: () => queue.length,
    cancel: () => call.cancel(),
  };
}

describe('health Watch and List', () => {
  let srv: EchoServer;
  let client: HealthClient;

  before(async () => {
    srv = await startEchoServer(insecureServerCredentials());
    client = new (HealthCtor())(`127.0.0.1:${srv.port}`, credentials.createInsecure()) as HealthClient;
  });
  after(async () => {
    client?.close();
    await srv?.close();
  });

  it('sends the current status, then each change only', async () => {
    const w = watch(client, ECHO);
    try {
      assert.equal(await w.next(), 'SERVING');
      srv.server.setHealth(ECHO, 'NOT_SERVING');
      assert.equal(await w.next(), 'NOT_SERVING');
      srv.server.setHealth(ECHO, 'NOT_SERVING');
      srv.server.setHealth(ECHO, 'SERVING');
      assert.equal(await w.next(), 'SERVING');
      assert.equal(w.pending(), 0, 'the unchanged NOT_SERVING was not sent');
    } finally {
      w.cancel();
      srv.server.setHealth(ECHO, 'SERVING');
    }
  });

  it('answers SERVICE_UNKNOWN for a service without a status, then its status once set', async () => {
    const name = `strato.later${process.pid}.v1.Later`;
    const w = watch(client, name);
    try {
      assert.equal(await w.next(), 'SERVICE_UNKNOWN');
      srv.server.setHealth(name, 'SERVING');
      assert.equal(await w.next(), 'SERVING');
    } finally {
      w.cancel();
    }
  });

  it('lists every status, the whole server included', async () => {
    const res = await new Promise<{ statuses: Record<string, Status> }>((resolve, reject) =>
      client.List({}, (err, r) => (err ? reject(err) : resolve(r!))),
    );
    assert.equal(res.statuses['']?.status, 'SERVING');
    assert.equal(res.statuses[ECHO]?.status, 'SERVING');
  });

  it('turns NOT_SERVING for watchers when the server shuts down', async () => {
    const own = await startEchoServer(insecureServerCredentials());
    const c = new (HealthCtor())(`127.0.0.1:${own.port}`, credentials.createInsecure()) as HealthClient;
    const w = watch(c, '');
    try {
      assert.equal(await w.next(), 'SERVING');
      const stopped = own.server.shutdown(300);
      assert.equal(await w.next(), 'NOT_SERVING');
      await stopped;
    } finally {
      w.cancel();
      c.close();
      await own.server.shutdown(0).catch(() => {});
    }
  });
});
