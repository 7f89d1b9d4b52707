// Polling helpers for end-to-end tests: the cloud moves asynchronously (actions
// return once accepted), so tests wait for a state with a deadline and, when it
// never comes, fail with the last thing they saw.
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  timeoutMs: number;
  /** @default 250 */
  intervalMs?: number;
  /** Named in the error. */
  what: string;
}

/**
 * Calls `probe` until `done(value)` holds and returns that value. A probe that throws
 * counts as "not yet" (the daemon may be restarting); the last value or error is
 * quoted in the timeout message.
 */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, o: WaitOptions): Promise<T> {
  const deadline = Date.now() + o.timeoutMs;
  let last: string = 'nothing yet';
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = JSON.stringify(value);
    } catch (err) {
      last = `error: ${(err as Error).message}`;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${o.timeoutMs} ms waiting for ${o.what}; last: ${last}`);
    await sleep(o.intervalMs ?? 250);
  }
}
