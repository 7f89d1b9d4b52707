// `strato console attach`'s session loop (cli/commands/console-attach.ts) over a
// fake call: what is typed goes out (Ctrl-] never does, it leaves), what the guest
// prints comes out, piped input leaves once the guest is quiet, a terminal is put
// in raw mode and given back as it was, also when the session fails.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { runConsoleSession } from '../../../cli/commands/console-attach.ts';
import type { Io } from '../../../cli/context.ts';
import type { ConsoleCall } from '../../../cli/session.ts';
import { isStratoError } from '../../../common/errors.ts';

/** A call that records what was sent; the test plays the server. */
class FakeCall extends EventEmitter {
  sent: Array<{ server?: string; data?: Buffer }> = [];
  halfClosed = false;
  cancelled = false;
  write(m: { server?: string; data?: Buffer }): boolean {
    this.sent.push(m);
    return true;
  }
  end(): void {
    this.halfClosed = true;
  }
  cancel(): void {
    this.cancelled = true;
  }
  typed(): string {
    return Buffer.concat(this.sent.map((m) => m.data ?? Buffer.alloc(0))).toString();
  }
}

function io(stdin: AsyncIterable<Buffer> | undefined): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    ...(stdin ? { stdin } : {}),
    env: {},
  };
}

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield p;
}

test('piped input is typed, output printed, and the session leaves once the guest is quiet', async () => {
  const call = new FakeCall();
  const t = io(chunks(Buffer.from('echo hi\n')));
  const done = runConsoleSession(t, call as unknown as ConsoleCall, 'vm-1', { lingerMs: 50 });
  await new Promise((r) => setTimeout(r, 10));
  call.emit('data', { data: Buffer.from('echo hi\r\nhi\r\n') });
  // The linger timer half-closes; the server then ends the call.
  while (!call.halfClosed) await new Promise((r) => setTimeout(r, 5));
  call.emit('end');
  await done;
  assert.equal(call.sent[0]?.server, 'vm-1', 'the first message names the server');
  assert.equal(call.typed(), 'echo hi\n');
  assert.equal(t.out.join(''), 'echo hi\r\nhi\r\n');
  assert.match(t.err.join(''), /Press Ctrl-\] to leave/);
});

test('Ctrl-] leaves: the bytes before it are typed, it and what follows are not', async () => {
  const call = new FakeCall();
  const t = io(chunks(Buffer.from('ls\n\x1dnever')));
  const done = runConsoleSession(t, call as unknown as ConsoleCall, 'vm-1', { lingerMs: 60_000 });
  while (!call.halfClosed) await new Promise((r) => setTimeout(r, 5));
  call.emit('end');
  await done;
  assert.equal(call.typed(), 'ls\n');
});

test('a terminal goes raw for the session and comes back as it was, also when the session fails', async () => {
  const modes: boolean[] = [];
  const stdin = Object.assign(chunks(), {
    isTTY: true,
    isRaw: false,
    setRawMode: (raw: boolean) => modes.push(raw),
    destroy: () => {},
  });
  const call = new FakeCall();
  const t = io(stdin as unknown as AsyncIterable<Buffer>);
  const done = runConsoleSession(t, call as unknown as ConsoleCall, 'vm-1', { lingerMs: 60_000 });
  await new Promise((r) => setTimeout(r, 10));
  call.emit(
    'error',
    Object.assign(new Error('5 NOT_FOUND: no server'), { code: status.NOT_FOUND, details: 'no server' }),
  );
  await assert.rejects(done, (err: unknown) => isStratoError(err) && err.code === 'NOT_FOUND');
  assert.deepEqual(modes, [true, false]);
  assert.equal(call.cancelled, true, 'a failed session leaves no call behind');
});
