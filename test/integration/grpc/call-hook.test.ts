// A server's injected CallHook (common/grpc/handlers.ts) on loopback: it runs
// before every handler of every kind of call, what it returns reaches the
// handler as ctx.caller, what it throws ends the call before the handler, and
// `after` sees every call end exactly once with its code. A request that
// cannot be decoded is refused before the hook (as the protos promise).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, Metadata } from '@grpc/grpc-js';
import { StratoError } from '../../../common/errors.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { insecureChannelCredentials, insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import type { CallContext, CallOutcome } from '../../../common/grpc/handlers.ts';
import { type EchoServer, loadEcho, startEchoServer } from '../../fixtures/proto/echo-server.ts';
import type { EchoClient } from '../../fixtures/proto/gen/strato/testing/v1/Echo.ts';
import { isCode } from '../../harness/errors.ts';
import { waitFor } from '../../harness/wait.ts';

describe('a server CallHook', () => {
  let srv: EchoServer;
  let client: StratoClient<EchoClient>;
  let address: string;
  const befores: string[] = [];
  const afters: Array<{ method: string; outcome: CallOutcome; caller: unknown }> = [];
  const handled: Array<{ method: string; caller: unknown; remoteAddress: string }> = [];

  before(async () => {
    srv = await startEchoServer(insecureServerCredentials(), {
      hook: {
        before(ctx: CallContext) {
          befores.push(ctx.method);
          if (ctx.metadata.get('x-deny')[0] === 'yes') {
            throw new StratoError('PERMISSION_DENIED', 'DENIED_BY_HOOK', 'no');
          }
          return { who: ctx.metadata.get('x-who')[0] ?? 'nobody' };
        },
        after(ctx, outcome) {
          afters.push({ method: ctx.method, outcome, caller: ctx.caller });
        },
      },
      onCall: (ctx) => handled.push({ method: ctx.method, caller: ctx.caller, remoteAddress: ctx.remoteAddress }),
    });
    address = `127.0.0.1:${srv.port}`;
    client = connect((await loadEcho()).proto.strato.testing.v1.Echo, address, {
      credentials: insecureChannelCredentials(),
      retry: false,
    });
  });
  after(async () => {
    client?.close();
    await srv?.close();
  });

  const md = (pairs: Record<string, string>) => {
    const m = new Metadata();
    for (const [k, v] of Object.entries(pairs)) m.set(k, v);
    return { metadata: m };
  };
  const reset = () => {
    befores.length = 0;
    afters.length = 0;
    handled.length = 0;
  };
  const ended = (n: number) =>
    waitFor(
      async () => afters.length,
      (k) => k >= n,
      { what: 'the calls to end', timeoutMs: 5000 },
    );

  it('runs before a unary handler, hands it the caller, and sees the call end once with OK', async () => {
    reset();
    await client.Echo({ message: 'hi' }, md({ 'x-who': 'alice' }));
    await ended(1);
    assert.deepEqual(befores, ['/strato.testing.v1.Echo/Echo']);
    assert.deepEqual(handled[0]?.caller, { who: 'alice' });
    assert.match(handled[0]?.remoteAddress ?? '', /^127\.0\.0\.1:\d+$/);
    assert.equal(afters.length, 1);
    assert.equal(afters[0]?.outcome.code, 'OK');
    assert.deepEqual(afters[0]?.caller, { who: 'alice' });
  });

  it('a refusal ends the call with its error before the handler runs; after sees the code', async () => {
    reset();
    await assert.rejects(
      client.Echo({ message: 'x' }, md({ 'x-deny': 'yes' })),
      isCode('PERMISSION_DENIED', 'DENIED_BY_HOOK'),
    );
    await ended(1);
    assert.equal(handled.length, 0, 'the handler never ran');
    assert.deepEqual(afters[0]?.outcome.code, 'PERMISSION_DENIED');
    assert.equal(afters[0]?.outcome.reason, 'DENIED_BY_HOOK');
  });

  it('covers server-streaming and client-streaming calls too', async () => {
    reset();
    const values: string[] = [];
    for await (const r of client.Count({ from: '1', count: 3 }, md({ 'x-who': 'bob' }))) values.push(r.value);
    assert.deepEqual(values, ['1', '2', '3']);
    const sum = await client.Sum([{ value: '2' }, { value: '3' }], md({ 'x-who': 'carol' }));
    assert.equal(sum.total, '5');
    await assert.rejects(
      (async () => {
        for await (const _ of client.Count({ from: '1', count: 3 }, md({ 'x-deny': 'yes' }))) void _;
      })(),
      isCode('PERMISSION_DENIED'),
    );
    await assert.rejects(client.Sum([{ value: '1' }], md({ 'x-deny': 'yes' })), isCode('PERMISSION_DENIED'));
    await ended(4);
    assert.deepEqual(
      handled.map((h) => h.caller),
      [{ who: 'bob' }, { who: 'carol' }],
      'refused streams never reached their handlers',
    );
    assert.deepEqual(afters.map((a) => `${a.method.split('/')[2]} ${a.outcome.code}`).sort(), [
      'Count OK',
      'Count PERMISSION_DENIED',
      'Sum OK',
      'Sum PERMISSION_DENIED',
    ]);
  });

  it('answers a request it cannot decode before the hook', async () => {
    reset();
    const raw = new Client(address, insecureChannelCredentials());
    try {
      const err = await new Promise<Error & { code?: number }>((resolve) =>
        raw.makeUnaryRequest(
          '/strato.testing.v1.Echo/Echo',
          (b: Buffer) => b,
          (b: Buffer) => b,
          Buffer.from([0xff, 0xff, 0xff]),
          (e) => resolve(e as Error & { code?: number }),
        ),
      );
      assert.equal(err.code, 3, 'INVALID_ARGUMENT');
    } finally {
      raw.close();
    }
    await ended(1);
    assert.deepEqual(befores, [], 'the hook never saw it');
    assert.equal(afters[0]?.outcome.code, 'INVALID_ARGUMENT');
  });
});
