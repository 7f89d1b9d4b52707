import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError, EXIT } from '../../../cli/errors.ts';
import { settle, waitFor } from '../../../cli/wait.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';

function server(vmState: string, taskState = '', fault?: Server__Output['fault']): Server__Output {
  // Spread keeps this compiling when the proto grows fields the CLI does not use.
  const s: Partial<Server__Output> = {
    id: 'id-1',
    name: 'vm1',
    projectId: 'p',
    imageId: 'i',
    flavor: null,
    vmState,
    taskState,
    powerState: '',
    host: '',
    fault: fault ?? null,
    createdAt: '',
    updatedAt: '',
    launchedAt: '',
    metadata: {},
  };
  return { userId: 'u', ...s } as Server__Output;
}

describe('settle', () => {
  const active = { vmState: 'ACTIVE' };
  const cases: [string, Server__Output | undefined, Parameters<typeof settle>[1], string][] = [
    ['building', server('BUILD', 'spawning'), active, 'pending'],
    ['active, no task', server('ACTIVE'), active, 'done'],
    ['active but still rebooting', server('ACTIVE', 'rebooting'), active, 'pending'],
    ['error', server('ERROR'), active, 'failed'],
    ['error while a task runs (stop from ERROR)', server('ERROR', 'powering-off'), { vmState: 'SHUTOFF' }, 'pending'],
    ['other state, no task', server('SHUTOFF'), active, 'pending'],
    ['gone while waiting for ACTIVE', undefined, active, 'failed'],
    ['gone while deleting', undefined, { gone: true }, 'done'],
    ['DELETED', server('DELETED'), { gone: true }, 'done'],
    ['still deleting', server('ACTIVE', 'deleting'), { gone: true }, 'pending'],
    ['delete failed', server('ERROR'), { gone: true }, 'failed'],
  ];
  for (const [name, s, target, want] of cases) {
    it(name, () => assert.equal(settle(s, target).kind, want));
  }
  it('an ERROR verdict carries the fault', () => {
    const v = settle(server('ERROR', '', { code: 'NO_VALID_HOST', reason: 'RAM', message: 'No valid host', at: '' }), {
      vmState: 'ACTIVE',
    });
    assert.equal(v.kind, 'failed');
    assert.equal(
      v.kind === 'failed' && v.message,
      'server vm1 is in ERROR: No valid host (code NO_VALID_HOST, reason RAM)',
    );
  });
});

/** A fake clock: sleep advances time instantly. */
function clock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

describe('waitFor', () => {
  it('polls until ACTIVE, reporting each state change once', async () => {
    const seq = [
      server('BUILD', 'scheduling'),
      server('BUILD', 'spawning'),
      server('BUILD', 'spawning'),
      server('ACTIVE'),
    ];
    const states: string[] = [];
    let calls = 0;
    const c = clock();
    const s = await waitFor(
      'vm1',
      async () => seq[calls++],
      { vmState: 'ACTIVE' },
      {
        timeoutMs: 10_000,
        ...c,
        onState: (st) => states.push(st),
      },
    );
    assert.equal(s?.vmState, 'ACTIVE');
    assert.equal(calls, 4);
    assert.equal(c.now(), 1500);
    assert.deepEqual(states, ['BUILD/scheduling', 'BUILD/spawning', 'ACTIVE']);
  });

  it('fails with the fault message on ERROR', async () => {
    const fault = { code: 'NO_VALID_HOST', reason: '', message: 'No valid host: ram', at: '' };
    await assert.rejects(
      waitFor('vm1', async () => server('ERROR', '', fault), { vmState: 'ACTIVE' }, { timeoutMs: 1000, ...clock() }),
      (err: unknown) =>
        err instanceof CliError && err.exitCode === EXIT.ERROR && /No valid host: ram/.test(err.message),
    );
  });

  it('times out with exit code UNAVAILABLE, naming the last state', async () => {
    const c = clock();
    await assert.rejects(
      waitFor('vm1', async () => server('BUILD', 'spawning'), { vmState: 'ACTIVE' }, { timeoutMs: 2000, ...c }),
      (err: unknown) =>
        err instanceof CliError &&
        err.exitCode === EXIT.UNAVAILABLE &&
        /timed out after 2 s waiting for server vm1 to be ACTIVE \(it is BUILD\/spawning\)/.test(err.message),
    );
    assert.equal(c.now(), 2000);
  });

  it('waits for a delete until NOT_FOUND', async () => {
    const seq = [server('ACTIVE', 'deleting'), undefined];
    let i = 0;
    const s = await waitFor('vm1', async () => seq[i++], { gone: true }, { timeoutMs: 5000, ...clock() });
    assert.equal(s, undefined);
    assert.equal(i, 2);
  });
});
