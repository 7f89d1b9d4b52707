// The agent's console relay (agent/compute/console-attach.ts) over the fake
// hypervisor's console: typing and reading, the ways a session ends, that a caller
// who vanishes leaves no console open, and the input it refuses.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  attachConsole,
  type ConsoleInput,
  type ConsoleOutput,
  MAX_CONSOLE_INPUT_BYTES,
} from '../../../agent/compute/console-attach.ts';
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import { isStratoError } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';
import { conformanceSpec } from '../../conformance/hypervisor/suite-helpers.ts';

const quiet = log.child({});
quiet.level = 'silent';

/** An input stream the test feeds by hand. */
function inputQueue(): { push(m: ConsoleInput): void; end(): void; iterable: AsyncIterable<ConsoleInput> } {
  const queue: ConsoleInput[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  return {
    push(m) {
      queue.push(m);
      wake?.();
    },
    end() {
      ended = true;
      wake?.();
    },
    iterable: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const m = queue.shift();
          if (m !== undefined) yield m;
          else if (ended) return;
          else await new Promise<void>((r) => (wake = r));
        }
      },
    },
  };
}

async function* fromArray(msgs: ConsoleInput[]): AsyncGenerator<ConsoleInput> {
  yield* msgs;
}

async function runningGuest(): Promise<{ hv: FakeHypervisor; id: string }> {
  const hv = new FakeHypervisor();
  const id = randomUUID();
  await hv.define(conformanceSpec(id, { rootDisk: { path: '/nonexistent/d' }, consoleLogPath: '/nonexistent/c' }));
  await hv.start(id);
  return { hv, id };
}

/** Reads the session until `until` matches what was printed (or it ends). */
async function readUntil(out: AsyncGenerator<ConsoleOutput>, until: RegExp): Promise<string> {
  let text = '';
  // next() by hand: leaving a for-await would close the session.
  for (let r = await out.next(); !r.done; r = await out.next()) {
    text += r.value.data.toString();
    if (until.test(text)) return text;
  }
  return text;
}

test('typed lines reach the guest and its output comes back; half-closing ends the session and releases the console', async () => {
  const { hv, id } = await runningGuest();
  const input = inputQueue();
  const ac = new AbortController();
  const out = attachConsole((i) => hv.openConsole(i), input.iterable, ac.signal, quiet);
  input.push({ instanceId: id, data: Buffer.from('echo A-$((6*7))\n') });
  assert.match(await readUntil(out, /A-42\r\n/), /^echo A-\$\(\(6\*7\)\)\r\nA-42\r\n$/);
  input.end();
  assert.equal((await out.next()).done, true, 'the session ends when the caller half-closes');
  assert.equal(hv.consoles.size, 0, 'the console is released');
});

test('a caller that vanishes while the guest is quiet leaves no console open', async () => {
  const { hv, id } = await runningGuest();
  const input = inputQueue();
  const ac = new AbortController();
  const out = attachConsole((i) => hv.openConsole(i), input.iterable, ac.signal, quiet);
  input.push({ instanceId: id });
  const pending = out.next(); // waits for output that never comes
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(hv.consoles.size, 1);
  ac.abort();
  assert.equal((await pending).done, true);
  assert.equal(hv.consoles.size, 0, 'the aborted session released the console');
});

test('the guest stopping ends the session without an error', async () => {
  const { hv, id } = await runningGuest();
  const input = inputQueue();
  const out = attachConsole((i) => hv.openConsole(i), input.iterable, new AbortController().signal, quiet);
  input.push({ instanceId: id });
  const pending = out.next();
  await new Promise((r) => setTimeout(r, 20));
  await hv.destroy(id);
  assert.equal((await pending).done, true);
});

test('refused: no instance id, a stopped guest, a message over 64 KiB (the console is released)', async () => {
  const { hv, id } = await runningGuest();
  const attach = (msgs: ConsoleInput[]) =>
    attachConsole((i) => hv.openConsole(i), fromArray(msgs), new AbortController().signal, quiet).next();
  const code = (c: string, reason: string) => (err: unknown) =>
    isStratoError(err) && err.code === c && err.reason === reason;
  await assert.rejects(attach([{ data: Buffer.from('ls\n') }]), code('INVALID_ARGUMENT', 'INVALID_INSTANCE_ID'));
  await assert.rejects(
    attach([{ instanceId: id }, { data: Buffer.alloc(MAX_CONSOLE_INPUT_BYTES + 1) }]),
    code('INVALID_ARGUMENT', 'CONSOLE_INPUT_TOO_LARGE'),
  );
  assert.equal(hv.consoles.size, 0);
  const stopped = await runningGuest();
  await stopped.hv.destroy(stopped.id);
  await assert.rejects(
    attachConsole(
      (i) => stopped.hv.openConsole(i),
      fromArray([{ instanceId: stopped.id }]),
      new AbortController().signal,
      quiet,
    ).next(),
    code('FAILED_PRECONDITION', 'NOT_RUNNING'),
  );
});
