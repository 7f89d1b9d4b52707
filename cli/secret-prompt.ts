// Reading a password from the terminal without echoing it: the terminal in
// raw mode, characters collected until Enter (Backspace edits, Ctrl-C and
// Ctrl-D abort), the prompt and the newline on stderr so stdout stays the
// command's output.
import type { ReadStream } from 'node:tty';

export class PromptAborted extends Error {
  constructor() {
    super('password prompt aborted');
    this.name = 'PromptAborted';
  }
}

/** A prompt on `input` (a TTY), or undefined when `input` is not a terminal. */
export function terminalPrompt(
  input: NodeJS.ReadStream,
  output: { write(s: string): unknown },
): ((question: string) => Promise<string>) | undefined {
  const tty = input as ReadStream;
  if (!tty.isTTY || typeof tty.setRawMode !== 'function') return undefined;
  return (question) =>
    new Promise<string>((resolve, reject) => {
      output.write(question);
      let value = '';
      const done = (err?: Error) => {
        tty.setRawMode(false);
        tty.pause();
        tty.off('data', onData);
        output.write('\n');
        if (err) reject(err);
        else resolve(value);
      };
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done();
          if (ch === '\u0003' || ch === '\u0004') return done(new PromptAborted());
          if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
          else if (ch >= ' ') value += ch;
        }
      };
      tty.setRawMode(true);
      tty.resume();
      tty.on('data', onData);
    });
}
