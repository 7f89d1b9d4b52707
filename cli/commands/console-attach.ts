// strato console attach: an interactive session on a server's serial console.
// Bytes typed go to the guest as they are (a terminal is put in raw mode, so
// Ctrl-C, arrows and tabs reach the guest, and restored on the way out, even on
// an error); what the guest prints goes to stdout as it comes. Ctrl-] (0x1d)
// leaves, as in telnet and virsh. Piped input is typed too; at its end the
// command keeps printing until the guest has been quiet for --linger seconds,
// then leaves, so scripts and tests can type commands and read the answers.
import { StringDecoder } from 'node:string_decoder';
import { fromCallError } from '../../common/grpc/status.ts';
import type { Io } from '../context.ts';
import type { ConsoleCall } from '../session.ts';

/** Ctrl-]: leaves the session (never sent to the guest). */
export const ESCAPE_BYTE = 0x1d;
/** The API's bound on one message's bytes. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** How long a leaving session waits for the server to end it before cancelling. */
const LEAVE_GRACE_MS = 3000;

export interface AttachOptions {
  /** After piped input ends, leave once the guest has printed nothing for this long. */
  lingerMs: number;
  /** Leave after this long whatever happens. @default none */
  timeoutMs?: number;
}

/** What raw mode needs of stdin (a tty.ReadStream). */
interface TtyIn {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?: (raw: boolean) => unknown;
  destroy?: () => unknown;
}

/** Runs one session on `call` (already open) for `server`; resolves when it ends. */
export async function runConsoleSession(io: Io, call: ConsoleCall, server: string, o: AttachOptions): Promise<void> {
  const stdin = io.stdin;
  const tty = stdin as unknown as TtyIn | undefined;
  const raw = tty?.isTTY === true && typeof tty.setRawMode === 'function';
  const wasRaw = tty?.isRaw === true;
  const restore = (): void => {
    if (raw) tty?.setRawMode?.(wasRaw);
  };
  const decoder = new StringDecoder('utf8');
  const nl = raw ? '\r\n' : '\n';
  let leaving = false;
  let lingerTimer: NodeJS.Timeout | undefined;
  let timeoutTimer: NodeJS.Timeout | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  let typingOpen = false;

  const leave = (): void => {
    if (leaving) return;
    leaving = true;
    call.end(); // half-close: the server ends the session and releases the console
    graceTimer = setTimeout(() => call.cancel(), LEAVE_GRACE_MS);
  };
  const linger = (): void => {
    if (lingerTimer === undefined || leaving) return;
    clearTimeout(lingerTimer);
    lingerTimer = setTimeout(leave, o.lingerMs);
  };

  const ended = new Promise<void>((resolve, reject) => {
    call.on('data', (m: { data: Buffer }) => {
      const text = decoder.write(m.data);
      if (text !== '') io.stdout.write(text);
      linger();
    });
    call.on('end', () => resolve());
    call.on('error', (err: Error & { code?: number }) => {
      // CANCELLED (1) after we chose to leave is how a slow goodbye ends.
      if (leaving && err.code === 1) resolve();
      else reject(fromCallError(err));
    });
  });

  if (raw) {
    tty?.setRawMode?.(true);
    process.once('exit', restore);
  }
  try {
    call.write({ server, data: Buffer.alloc(0) });
    io.stderr.write(`Connected to the console of ${server}. Press Ctrl-] to leave.${nl}`);
    if (o.timeoutMs !== undefined) timeoutTimer = setTimeout(leave, o.timeoutMs);
    const typing = (async () => {
      if (stdin === undefined) return;
      typingOpen = true;
      for await (const chunk of stdin) {
        if (leaving) return;
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        const esc = buf.indexOf(ESCAPE_BYTE);
        const typed = esc >= 0 ? buf.subarray(0, esc) : buf;
        for (let at = 0; at < typed.length; at += MAX_MESSAGE_BYTES) {
          if (!call.write({ data: typed.subarray(at, at + MAX_MESSAGE_BYTES) })) {
            await new Promise((r) => call.once('drain', r));
          }
        }
        if (esc >= 0) {
          leave();
          return;
        }
      }
      typingOpen = false;
      // Piped input is over: print what the guest still has to say, then leave.
      lingerTimer = setTimeout(leave, o.lingerMs);
    })();
    typing.catch(() => leave());
    await ended;
    const rest = decoder.end();
    if (rest !== '') io.stdout.write(rest);
    io.stderr.write(`${nl}Console session ended.${nl}`);
  } finally {
    clearTimeout(lingerTimer);
    clearTimeout(timeoutTimer);
    clearTimeout(graceTimer);
    if (raw) {
      restore();
      process.off('exit', restore);
    }
    if (!leaving) call.cancel();
    // A terminal's (or a pipe's) stdin still read would keep the process alive.
    if (typingOpen || tty?.isTTY) tty?.destroy?.();
  }
}
