// One interactive console session: relays a caller's input stream to the guest's
// serial console (Hypervisor.openConsole) and the console's output back, until
// either side ends. Plain data in and out, so the gRPC adapter stays thin:
// - the first input names the instance; every input's data is typed (≤ 64 KiB);
// - the caller half-closing ends the session (the console is released);
// - the console ending (the guest stopped, another session took over) ends it too;
// - the caller vanishing (signal) aborts the console at once: nothing is left open
//   on the host, however long the guest stays quiet.
import { once } from 'node:events';
import type { Duplex } from 'node:stream';
import { invalidArgument } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { checkInstanceId } from './instance-paths.ts';

/** The most a caller may type in one message. */
export const MAX_CONSOLE_INPUT_BYTES = 64 * 1024;

export interface ConsoleInput {
  instanceId?: string;
  data?: Uint8Array;
}

export interface ConsoleOutput {
  data: Buffer;
}

export type ConsoleOpener = (instanceId: string) => Promise<Duplex>;

export async function* attachConsole(
  open: ConsoleOpener,
  inputs: AsyncIterable<ConsoleInput>,
  signal: AbortSignal,
  log: Logger,
): AsyncGenerator<ConsoleOutput> {
  const it = inputs[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return; // the caller left before naming an instance
  const instanceId = first.value.instanceId ?? '';
  checkInstanceId(instanceId);
  checkData(first.value.data);
  const tty = await open(instanceId);
  const started = Date.now();
  let bytesIn = 0;
  let bytesOut = 0;
  const abort = (): void => {
    tty.destroy();
  };
  signal.addEventListener('abort', abort, { once: true });
  log.info({ instanceId }, 'console attached');
  // Typing runs beside the output loop; its failure (bad input, the caller's
  // stream breaking) ends the session with that error.
  let inputError: unknown;
  const typing = (async () => {
    const type = async (data: Uint8Array | undefined): Promise<void> => {
      checkData(data);
      if (data === undefined || data.length === 0 || tty.writableEnded || tty.destroyed) return;
      bytesIn += data.length;
      if (!tty.write(data)) await once(tty, 'drain', { signal });
    };
    await type(first.value.data);
    for (let next = await it.next(); !next.done && !tty.destroyed; next = await it.next()) await type(next.value.data);
    if (!tty.destroyed) tty.end();
  })().catch((err: unknown) => {
    if (signal.aborted || tty.destroyed) return;
    inputError = err;
    tty.destroy();
  });
  try {
    for await (const chunk of tty) {
      bytesOut += (chunk as Buffer).length;
      yield { data: chunk as Buffer };
    }
  } catch (err) {
    // The console aborted because the caller went away or its input failed: not the console's fault.
    if (inputError !== undefined) throw inputError;
    if (!signal.aborted) throw err;
  } finally {
    signal.removeEventListener('abort', abort);
    if (!tty.destroyed) tty.destroy();
    // Not awaited: typing may wait on a caller who sends nothing more; it ends
    // with the call's input, and types nothing into a closed console.
    void typing;
    log.info({ instanceId, durationMs: Date.now() - started, bytesIn, bytesOut }, 'console detached');
  }
  if (inputError !== undefined) throw inputError;
}

function checkData(data: Uint8Array | undefined): void {
  if (data !== undefined && data.length > MAX_CONSOLE_INPUT_BYTES) {
    throw invalidArgument(
      'CONSOLE_INPUT_TOO_LARGE',
      `data must be at most ${MAX_CONSOLE_INPUT_BYTES} bytes a message, got ${data.length}`,
      { details: { field: 'data' } },
    );
  }
}
