// strato: the command-line client (bin/strato runs this). Wiring only.
import { isatty } from 'node:tty';
import { run } from './run.ts';

// `strato server list | head -1`: the reader left; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Touching process.stdin opens a handle: only when a command reads it.
  get stdin() {
    return process.stdin;
  },
  // Only a terminal can be asked (isatty opens no handle; process.stdin would);
  // the prompt's module is loaded only when a command asks.
  ...(isatty(0)
    ? {
        promptSecret: async (q: string) =>
          (await import('./secret-prompt.ts')).terminalPrompt(process.stdin, process.stderr)!(q),
      }
    : {}),
  env: process.env,
});
// Exit at once: gRPC channels and timers have nothing left to do. stdout
// and stderr are synchronous for files and pipes on Linux, so nothing is lost.
process.exit(code);
