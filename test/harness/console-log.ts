// Reading a guest's serial console log (a file QEMU or virtlogd appends to) from tests.
// Lines are matched whole, without the "\r" the serial line adds; a file that does not
// exist yet reads as empty, because the guest may not have been started yet.
import { open, readFile, stat } from 'node:fs/promises';
import { StratoError } from '../../common/errors.ts';

const POLL_MS = 100;

function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r/g, ''));
}

function matches(line: string, pattern: RegExp | string): boolean {
  if (typeof pattern === 'string') return line.includes(pattern);
  pattern.lastIndex = 0; // a /g regexp keeps state between test() calls
  return pattern.test(line);
}

/** All complete and partial lines of the log so far; [] when it does not exist. */
export async function readLines(path: string): Promise<string[]> {
  try {
    const text = await readFile(path, 'utf8');
    const lines = splitLines(text);
    if (lines.at(-1) === '') lines.pop();
    return lines;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** The log's size in bytes (0 when it does not exist): a mark for `waitForLine`'s `fromOffset`. */
export async function consoleLength(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

/**
 * Resolves with the first line of the log that matches `pattern` (a substring or a
 * RegExp), waiting for the file to grow; reading starts at byte `fromOffset` (a
 * `consoleLength` taken before an action, so only lines printed since count). Only
 * complete lines count, so a marker is never matched half-written. Rejects with
 * DEADLINE_EXCEEDED, quoting the log's last lines, after `timeoutMs`.
 */
export async function waitForLine(
  path: string,
  pattern: RegExp | string,
  timeoutMs: number,
  fromOffset = 0,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let offset = fromOffset;
  let partial = '';
  const decoder = new TextDecoder(); // streaming: a UTF-8 sequence may straddle two reads
  const tail: string[] = [];
  for (;;) {
    const chunk = await readFrom(path, offset);
    if (chunk.length > 0) {
      offset += chunk.length;
      const lines = splitLines(partial + decoder.decode(chunk, { stream: true }));
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (matches(line, pattern)) return line;
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    }
    if (Date.now() >= deadline) {
      throw new StratoError(
        'DEADLINE_EXCEEDED',
        'CONSOLE_LINE_TIMEOUT',
        `no line matching ${String(pattern)} in ${path} after ${timeoutMs} ms; last lines:\n${[...tail, partial].join('\n')}`,
        { details: { path, pattern: String(pattern) } },
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function readFrom(path: string, offset: number): Promise<Buffer> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  }
  try {
    const { size } = await fh.stat();
    if (size <= offset) return Buffer.alloc(0);
    const buf = Buffer.alloc(size - offset);
    const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
