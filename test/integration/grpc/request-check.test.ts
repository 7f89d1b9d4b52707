// StratoServer's request check and message limits over a real connection: the
// daemon's check (validateRequest) refuses a request, or any message of a
// client stream, before the handler sees it, through the one error model; a
// request or an answer larger than the port's limits is refused with
// RESOURCE_EXHAUSTED, on both ends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { invalidArgument } from '../../../common/errors.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { insecureChannelCredentials, insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import type { Implementation } from '../../../common/grpc/handlers.ts';
import { StratoServer } from '../../../common/grpc/server.ts';
import { loadEcho } from '../../fixtures/proto/echo-server.ts';
import type { EchoClient, EchoHandlers } from '../../fixtures/proto/gen/strato/testing/v1/Echo.ts';
import { quiet } from '../../harness/quiet-log.ts';

const LIMITS = { request: 16 * 1024, response: 32 * 1024 };

describe('StratoServer: request check and message limits', () => {
  let server: StratoServer;
  let client: StratoClient<EchoClient>;
  let unlimited: StratoClient<EchoClient>;
  /** What the handlers were given. */
  const seen: string[] = [];
  const checkedTypes: (string | undefined)[] = [];

  before(async () => {
    const { proto } = await loadEcho();
    const impl: Partial<Implementation<EchoHandlers>> = {
      async Echo(req) {
        seen.push(`echo ${req.message.slice(0, 20)}`);
        // An answer as large as asked: `big:<n>` answers n characters.
        const big = /^big:(\d+)$/.exec(req.message);
        return {
          message: big ? 'z'.repeat(Number(big[1])) : req.message,
          requestId: '',
          peerCommonName: '',
          peerDnsNames: [],
        };
      },
      async Sum(requests) {
        let total = 0n;
        for await (const r of requests) {
          seen.push(`sum ${r.value}`);
          total += BigInt(r.value);
        }
        return { total: String(total), count: 0 };
      },
    };
    server = new StratoServer({
      log: quiet,
      messageLimits: LIMITS,
      validateRequest: (_method, requestType) => {
        checkedTypes.push(requestType);
        return (req) => {
          const r = req as { message?: string; value?: string };
          if (r.message?.startsWith('bad')) {
            throw invalidArgument('MESSAGE_INVALID', 'message must not start with bad', {
              details: { field: 'message' },
            });
          }
          if (r.value === '13')
            throw invalidArgument('VALUE_INVALID', 'value 13 is unlucky', { details: { field: 'value' } });
        };
      },
    });
    // Fail and the rest are not needed: handlers for them only to add the service.
    const rest = { Count: async function* () {}, Fail: () => ({}), Flaky: () => ({ attempts: 0 }) };
    server.addService<EchoHandlers>(proto.strato.testing.v1.Echo.service, {
      ...rest,
      ...impl,
    } as Implementation<EchoHandlers>);
    const port = await server.listen('127.0.0.1:0', insecureServerCredentials());
    const opts = { credentials: insecureChannelCredentials(), retry: false as const };
    client = connect(proto.strato.testing.v1.Echo, `127.0.0.1:${port}`, { ...opts, messageLimits: LIMITS });
    unlimited = connect(proto.strato.testing.v1.Echo, `127.0.0.1:${port}`, opts);
  });

  after(async () => {
    client?.close();
    unlimited?.close();
    await server?.shutdown(1000);
  });

  it('asks for a check per method, by the request message name', () => {
    assert.ok(checkedTypes.includes('strato.testing.v1.EchoRequest'), JSON.stringify(checkedTypes));
  });

  it('refuses a request the check refuses, before the handler', async () => {
    seen.length = 0;
    await assert.rejects(client.Echo({ message: 'bad one' }), {
      code: 'INVALID_ARGUMENT',
      reason: 'MESSAGE_INVALID',
      details: { field: 'message' },
    });
    assert.deepEqual(seen, []);
    assert.equal((await client.Echo({ message: 'good' })).message, 'good');
  });

  it('checks every message of a client stream, ending the call at the first refused', async () => {
    seen.length = 0;
    const values = ['1', '2', '13', '4'].map((value) => ({ value }));
    await assert.rejects(client.Sum(values), { code: 'INVALID_ARGUMENT', reason: 'VALUE_INVALID' });
    assert.deepEqual(seen, ['sum 1', 'sum 2']);
  });

  it('refuses a request over the port limit, whoever sends it', async () => {
    const huge = { message: 'x'.repeat(LIMITS.request + 1) };
    await assert.rejects(unlimited.Echo(huge), { code: 'RESOURCE_EXHAUSTED' });
    // The port's own client does not even send it.
    await assert.rejects(client.Echo(huge), { code: 'RESOURCE_EXHAUSTED' });
    assert.ok(!seen.some((s) => s.startsWith('echo xxxx')));
  });

  it('does not send an answer over the port limit', async () => {
    assert.equal((await client.Echo({ message: `big:${LIMITS.response - 64}` })).message.length, LIMITS.response - 64);
    await assert.rejects(unlimited.Echo({ message: `big:${LIMITS.response + 1}` }), { code: 'RESOURCE_EXHAUSTED' });
  });
});
