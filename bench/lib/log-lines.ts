// Reading a daemon's JSON log (pino lines with an ISO `time`) for the moment and the
// fields of one event, so a benchmark can split a request's wall time by what each
// daemon reports it did, without polling the daemons harder than a client would.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LogEvent {
  /** Epoch milliseconds. */
  atMs: number;
  fields: Record<string, unknown>;
}

function parse(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The last line with message `msg` and the given `instanceId`, waiting up to `timeoutMs` for it. */
export async function findLogEvent(file: string, msg: string, instanceId: string, timeoutMs = 5000): Promise<LogEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '');
    let found: LogEvent | undefined;
    for (const line of text.split('\n')) {
      if (!line.includes(instanceId) || !line.includes(msg)) continue;
      const o = parse(line);
      if (o?.msg === msg && o.instanceId === instanceId && typeof o.time === 'string') {
        found = { atMs: Date.parse(o.time), fields: o };
      }
    }
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no "${msg}" line for ${instanceId} in ${file}`);
    await sleep(50);
  }
}
