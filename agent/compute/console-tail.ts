// The last lines of a serial console log, read from the end of the file in a
// bounded window: a guest that printed for weeks costs the same as a fresh one.
import { open } from 'node:fs/promises';

export const MAX_TAIL_BYTES = 256 * 1024;
export const DEFAULT_TAIL_LINES = 50;
export const MAX_TAIL_LINES = 1000;

/** Up to `lines` last lines (without \r); undefined when the file does not exist. */
export async function tailLines(path: string, lines: number, maxBytes = MAX_TAIL_BYTES): Promise<string[] | undefined> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const { size } = await fh.stat();
    const length = Math.min(size, maxBytes);
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, size - length);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    const all = text.split('\n').map((l) => l.replace(/\r/g, ''));
    if (all.at(-1) === '') all.pop();
    // The window may start mid-line: drop that fragment unless it is the file's start.
    if (length < size && all.length > 0) all.shift();
    return lines <= 0 ? [] : all.slice(-lines);
  } finally {
    await fh.close();
  }
}
