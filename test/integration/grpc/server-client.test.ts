// The shared gRPC helpers end to end on loopback (plain text): error model
// both ways, request ids, deadlines, retries, streaming, health, reflection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { StratoError } from '../../../common/errors.ts';
import { connect, createRawClient, type StratoClient } from '../../../common/grpc/client.ts';
import { insecureChannelCredentials, insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import { REQUEST_ID_KEY, runInContext } from '../../../common/grpc/request-id.ts';
import type { RetryEvent } from '../../../common/grpc/retry.ts';
import { fromCallError } from '../../../common/grpc/status.ts';
import { type EchoServer, loadEcho, startEchoServer } from '../../fixtures/proto/echo-server.ts';
import type { ProtoGrpcType } from '../../fixtures/proto/gen/echo.ts';
import type { EchoClient } from '../../fixtures/proto/gen/strato/testing/v1/Echo.ts';
import { waitFor } from '../../harness/wait.ts';

const FAST_RETRY = { maxAttempts: 4, initialBackoffMs: 5, maxBackoffMs: 20, multiplier: 2 };

describe('gRPC helpers over loopback', () => {
  let srv: EchoServer;
  let proto: ProtoGrpcType;
  let client: StratoClient<EchoClient>;
  const retries: RetryEvent[] = [];
  let address: string;

  before(async () => {
    srv = await startEchoServer(insecureServerCredentials());
    proto = (await loadEcho()).proto;
    address = `127.0.0.1:${srv.port}`;
    client = connect(proto.strato.testing.v1.Echo, address, {
      credentials: insecureChannelCredentials(),
      retry: FAST_RETRY,
      onRetry: (e) => retries.push(e),
    });
  });
  after(async () => {
    client?.close();
    await srv?.close();
  });

  it('answers a unary call', async () => {
    const res = await client.Echo({ message: 'hello' });
    assert.equal(res.message, 'hello');
    assert.equal(res.peerCommonName, '', 'no peer identity without TLS');
  });

  it('carries a StratoError with code, reason and details to the client', async () => {
    const err = await client
      .Fail({ code: 'NOT_FOUND', reason: 'DOMAIN_NOT_FOUND', message: 'no domain x', details: { id: 'x', n: '42' } })
      .then(
        () => assert.fail('Fail succeeded'),
        (e: unknown) => e,
      );
    assert.ok(err instanceof StratoError, `got ${String(err)}`);
    assert.equal(err.code, 'NOT_FOUND');
    assert.equal(err.reason, 'DOMAIN_NOT_FOUND');
    assert.equal(err.message, 'no domain x');
    assert.deepEqual(err.details, { id: 'x', n: '42' });
  });

  it('sends the details in grpc-status-details-bin for non-strato clients', async () => {
    const raw = createRawClient(proto.strato.testing.v1.Echo, address, { credentials: insecureChannelCredentials() });
    try {
      const err = await new Promise<{ code: number; metadata: Metadata }>((resolve) =>
        raw.Fail({ code: 'ALREADY_EXISTS', reason: 'PORT_IN_USE', message: 'm' }, (e) => resolve(e as never)),
      );
      assert.equal(err.code, status.ALREADY_EXISTS);
      const bin = err.metadata.get('grpc-status-details-bin')[0];
      assert.ok(Buffer.isBuffer(bin) && bin.includes('PORT_IN_USE') && bin.includes('strato.io'));
    } finally {
      raw.close();
    }
  });

  it('turns an unexpected error into INTERNAL without leaking it, and logs it', async () => {
    const err = await client.Fail({ unexpected: true, message: 'db password hunter2' }).catch((e: unknown) => e);
    assert.ok(err instanceof StratoError);
    assert.equal(err.code, 'INTERNAL');
    assert.equal(err.reason, 'INTERNAL_ERROR');
    assert.doesNotMatch(err.message, /hunter2|secret|at /);
    assert.ok(err.details.requestId, 'the reply names the request id to look up');
    const line = srv.logs.find((l) => l.requestId === err.details.requestId && l.level === 50);
    assert.ok(line, 'server logged the real error');
    assert.match(JSON.stringify(line), /hunter2/);
  });

  it('logs one line per call with method, code, duration and request id', async () => {
    const md = new Metadata();
    md.set(REQUEST_ID_KEY, 'log-line-check');
    await client.Echo({ message: 'x' }, { metadata: md });
    const lines = srv.logs.filter((l) => l.requestId === 'log-line-check');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.method, '/strato.testing.v1.Echo/Echo');
    assert.equal(lines[0]?.code, 'OK');
    assert.equal(typeof lines[0]?.durationMs, 'number');
  });

  it('passes the caller request id to the handler and echoes it', async () => {
    const md = new Metadata();
    md.set(REQUEST_ID_KEY, 'req-123');
    let echoed: unknown;
    const res = await client.Echo(
      { message: 'x' },
      {
        metadata: md,
        onMetadata: (m) => {
          echoed = m.get(REQUEST_ID_KEY)[0];
        },
      },
    );
    assert.equal(res.requestId, 'req-123');
    assert.equal(echoed, 'req-123');
  });

  it('generates a request id on the client when there is none', async () => {
    const a = await client.Echo({ message: 'x' });
    const b = await client.Echo({ message: 'x' });
    assert.match(a.requestId, /^[0-9a-f-]{36}$/);
    assert.notEqual(a.requestId, b.requestId);
  });

  it('generates a request id on the server when a bare client sends none or a malformed one', async () => {
    // A plain grpc-js client, without strato's interceptors.
    const bare = new proto.strato.testing.v1.Echo(address, insecureChannelCredentials());
    const call = (md: Metadata) =>
      new Promise<{ id: string; echoed: unknown }>((resolve, reject) => {
        let echoed: unknown;
        const c = bare.Echo({ message: 'x' }, md, (e, r) => (e ? reject(e) : resolve({ id: r!.requestId, echoed })));
        c.on('metadata', (m) => {
          echoed = m.get(REQUEST_ID_KEY)[0];
        });
      });
    try {
      const none = await call(new Metadata());
      assert.match(none.id, /^[0-9a-f-]{36}$/);
      assert.equal(none.echoed, none.id);
      const bad = new Metadata();
      bad.set(REQUEST_ID_KEY, 'bad id {with} spaces');
      const replaced = await call(bad);
      assert.match(replaced.id, /^[0-9a-f-]{36}$/, 'a malformed id is replaced, not logged');
    } finally {
      bare.close();
    }
  });

  it('propagates the request id of the current context to outgoing calls', async () => {
    const res = await runInContext({ requestId: 'ctx-77' }, () => client.Echo({ message: 'x' }));
    assert.equal(res.requestId, 'ctx-77');
  });

  it('fails a slow call with DEADLINE_EXCEEDED', async () => {
    const started = Date.now();
    const md = new Metadata();
    md.set(REQUEST_ID_KEY, 'slow-call');
    const err = await client
      .Echo({ message: 'slow', delayMs: 2000 }, { timeoutMs: 100, metadata: md })
      .catch((e: unknown) => e);
    assert.ok(err instanceof StratoError);
    assert.equal(err.code, 'DEADLINE_EXCEEDED');
    assert.ok(Date.now() - started < 1500, 'gave up at the deadline');
    // The handler saw its signal abort and stopped; the server logs it as a deadline, not an error.
    const line = await waitFor(
      () => srv.logs.find((l) => l.requestId === 'slow-call'),
      (l) => l !== undefined,
      { what: 'the log line of the call', timeoutMs: 2000, intervalMs: 10 },
    );
    assert.equal(line.code, 'DEADLINE_EXCEEDED');
    assert.equal(line.level, 30);
  });

  it('shortens the default deadline to the one of the call being served', async () => {
    const started = Date.now();
    const err = await runInContext({ requestId: 'inherit', deadlineMs: Date.now() + 150 }, () =>
      client.Echo({ message: 'slow', delayMs: 2000 }),
    ).catch((e: unknown) => e);
    assert.ok(err instanceof StratoError);
    assert.equal(err.code, 'DEADLINE_EXCEEDED');
    assert.ok(Date.now() - started < 1500);
  });

  it('applies the default deadline to calls without one', async () => {
    const short = connect(proto.strato.testing.v1.Echo, address, {
      credentials: insecureChannelCredentials(),
      defaultDeadlineMs: 100,
    });
    try {
      const err = await short.Echo({ message: 'slow', delayMs: 2000 }).catch((e: unknown) => e);
      assert.ok(err instanceof StratoError);
      assert.equal(err.code, 'DEADLINE_EXCEEDED');
      assert.equal((await short.Echo({ message: 'quick' })).message, 'quick');
    } finally {
      short.close();
    }
  });

  it('retries UNAVAILABLE until it succeeds', async () => {
    retries.length = 0;
    const res = await client.Flaky({ key: 'unavail-2', failures: 2 });
    assert.equal(res.attempts, 3);
    assert.equal(srv.attempts.get('unavail-2'), 3);
    assert.deepEqual(
      retries.map((r) => [r.attempt, r.code]),
      [
        [1, status.UNAVAILABLE],
        [2, status.UNAVAILABLE],
      ],
    );
  });

  it('retries ABORTED too', async () => {
    const res = await client.Flaky({ key: 'aborted-1', failures: 1, code: 'ABORTED' });
    assert.equal(res.attempts, 2);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const err = await client.Flaky({ key: 'unavail-9', failures: 9 }).catch((e: unknown) => e);
    assert.ok(err instanceof StratoError);
    assert.equal(err.code, 'UNAVAILABLE');
    assert.equal(err.reason, 'FLAKY');
    assert.equal(srv.attempts.get('unavail-9'), FAST_RETRY.maxAttempts);
  });

  for (const code of ['FAILED_PRECONDITION', 'INVALID_ARGUMENT', 'INTERNAL', 'NOT_FOUND']) {
    it(`does not retry ${code}`, async () => {
      const key = `no-retry-${code}`;
      const err = await client.Flaky({ key, failures: 2, code }).catch((e: unknown) => e);
      assert.ok(err instanceof StratoError);
      assert.equal(err.code, code);
      assert.equal(srv.attempts.get(key), 1);
    });
  }

  it('does not retry past the deadline', async () => {
    const slow = connect(proto.strato.testing.v1.Echo, address, {
      credentials: insecureChannelCredentials(),
      // The first wait (500-1000 ms with jitter) outlasts the 300 ms deadline.
      retry: { maxAttempts: 5, initialBackoffMs: 1000, maxBackoffMs: 1000 },
    });
    try {
      const err = await slow.Flaky({ key: 'deadline-retry', failures: 3 }, { timeoutMs: 300 }).catch((e: unknown) => e);
      assert.ok(err instanceof StratoError);
      assert.equal(err.code, 'UNAVAILABLE', 'the last real error, not a retry that could not finish');
      assert.equal(srv.attempts.get('deadline-retry'), 1);
    } finally {
      slow.close();
    }
  });

  it('retries when nothing listens, then reports UNAVAILABLE', async () => {
    const events: RetryEvent[] = [];
    const nobody = connect(proto.strato.testing.v1.Echo, '127.0.0.1:1', {
      credentials: insecureChannelCredentials(),
      retry: { maxAttempts: 3, initialBackoffMs: 5, maxBackoffMs: 10 },
      onRetry: (e) => events.push(e),
    });
    try {
      const err = await nobody.Echo({ message: 'x' }).catch((e: unknown) => e);
      assert.ok(err instanceof StratoError);
      assert.equal(err.code, 'UNAVAILABLE');
      assert.equal(err.reason, 'UNAVAILABLE', 'no server, so the reason is the code');
      assert.equal(events.length, 2);
    } finally {
      nobody.close();
    }
  });

  it('streams from the server', async () => {
    const got: string[] = [];
    for await (const m of client.Count({ from: '10', count: 3 })) got.push(m.value);
    assert.deepEqual(got, ['10', '11', '12']);
  });

  it('ends a server stream with a StratoError after partial output', async () => {
    const got: string[] = [];
    const err = await (async () => {
      for await (const m of client.Count({ from: '0', count: 5, failAfter: 2 })) got.push(m.value);
    })().catch((e: unknown) => e);
    assert.deepEqual(got, ['0', '1']);
    assert.ok(err instanceof StratoError);
    assert.equal(err.code, 'FAILED_PRECONDITION');
    assert.equal(err.reason, 'COUNT_ABORTED');
    assert.deepEqual(err.details, { sent: '2' });
  });

  it('cancels the server stream when the consumer stops early', async () => {
    const got: string[] = [];
    for await (const m of client.Count({ from: '0', count: 1000, intervalMs: 5 })) {
      got.push(m.value);
      if (got.length === 2) break;
    }
    assert.equal(got.length, 2);
    await waitFor(
      () => srv.logs.some((l) => l.method === '/strato.testing.v1.Echo/Count' && l.code === 'CANCELLED'),
      (cancelled) => cancelled,
      { what: 'the server to see the cancellation and stop', timeoutMs: 2000, intervalMs: 10 },
    );
  });

  it('takes a client stream', async () => {
    const res = await client.Sum([{ value: '1' }, { value: '2' }, { value: '39' }]);
    assert.deepEqual(res, { total: '42', count: 3 });
    const err = await client.Sum([{ value: '1' }, { value: '-1' }]).catch((e: unknown) => e);
    assert.ok(err instanceof StratoError);
    assert.equal(err.reason, 'NEGATIVE_VALUE');
  });

  it('answers a message that is not the request INVALID_ARGUMENT on every kind of call, with one log line', async () => {
    const raw = new Client(address, insecureChannelCredentials());
    const bytes = (b: Buffer) => b;
    const md = (id: string) => {
      const m = new Metadata();
      m.set(REQUEST_ID_KEY, id);
      return m;
    };
    const failed = (id: string, start: (done: (e: ServiceError | null) => void) => void) =>
      new Promise<StratoError>((resolve, reject) =>
        start((e) => (e ? resolve(fromCallError(e)) : reject(new Error(`${id}: the call succeeded`)))),
      );
    try {
      const calls: [string, RegExp, Promise<StratoError>][] = [
        [
          'malformed-unary',
          /EchoRequest: field 1 \(message\) has wire type 7/,
          failed('malformed-unary', (done) =>
            raw.makeUnaryRequest(
              '/strato.testing.v1.Echo/Echo',
              bytes,
              bytes,
              Buffer.from([0x0f]),
              md('malformed-unary'),
              done,
            ),
          ),
        ],
        [
          'malformed-server-stream',
          /CountRequest: field 1 \(from\) has wire type 2 \(LEN\); int64 fields use 0 \(VARINT\)/,
          failed('malformed-server-stream', (done) => {
            const call = raw.makeServerStreamRequest(
              '/strato.testing.v1.Echo/Count',
              bytes,
              bytes,
              Buffer.from([0x0a, 0x01, 0x00]),
              md('malformed-server-stream'),
            );
            call.on('data', () => done(null));
            call.on('error', (e: ServiceError) => done(e));
          }),
        ],
        [
          'malformed-client-stream',
          /SumRequest: field 1 \(value\) is a group/,
          failed('malformed-client-stream', (done) => {
            const call = raw.makeClientStreamRequest(
              '/strato.testing.v1.Echo/Sum',
              bytes,
              bytes,
              md('malformed-client-stream'),
              done,
            );
            call.write(Buffer.from([0x08, 0x01]));
            call.write(Buffer.from([0x0b]));
            call.end();
          }),
        ],
      ];
      for (const [id, problem, result] of calls) {
        const err = await result;
        assert.equal(`${err.code}/${err.reason}`, 'INVALID_ARGUMENT/REQUEST_MALFORMED', `${id}: ${err.message}`);
        assert.match(err.message, problem);
        const lines = await waitFor(
          () => srv.logs.filter((l) => l.requestId === id),
          (ls) => ls.length > 0,
          { what: `the log line of ${id}`, timeoutMs: 1000, intervalMs: 10 },
        );
        assert.equal(lines.length, 1, `${id}: ${JSON.stringify(lines)}`);
        assert.equal(lines[0]?.code, 'INVALID_ARGUMENT');
        assert.equal(lines[0]?.reason, 'REQUEST_MALFORMED');
      }
    } finally {
      raw.close();
    }
  });
});
