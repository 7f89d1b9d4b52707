// Waiting in tests for something that happens asynchronously (a watch delivers, an
// agent re-registers, a guest prints a line): poll with a deadline and, when it never
// comes, fail with what was awaited and the last thing seen.
import { setTimeout as sleep } from 'node:timers/promises';
import { StratoError } from '../../common/errors.ts';

export interface WaitOptions {
  /** Named in the timeout error: "timed out after … waiting for <what>". */
  what: string;
  /** @default 10_000 */
  timeoutMs?: number;
  /** @default 100 */
  intervalMs?: number;
  /**
   * A probe that throws counts as "not yet" (a daemon that is restarting) and the
   * error is quoted on timeout. Otherwise the first error ends the wait.
   * @default false
   */
  retryErrors?: boolean;
}

/**
 * Calls `probe` until `done(value)` holds and resolves with that value (narrowed when
 * `done` is a type guard, e.g. `(v) => v !== undefined`). Rejects with
 * DEADLINE_EXCEEDED/WAIT_TIMEOUT after `timeoutMs`, quoting the last value or error.
 */
export function waitFor<T, S extends T>(
  probe: () => T | Promise<T>,
  done: (value: T) => value is S,
  o: WaitOptions,
): Promise<S>;
export function waitFor<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, o: WaitOptions): Promise<T>;
export async function waitFor<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, o: WaitOptions): Promise<T> {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = describe(value);
    } catch (err) {
      if (!o.retryErrors) throw err;
      last = `error: ${(err as Error).message}`;
    }
    if (Date.now() >= deadline) {
      throw new StratoError(
        'DEADLINE_EXCEEDED',
        'WAIT_TIMEOUT',
        `timed out after ${timeoutMs} ms waiting for ${o.what}; last: ${last}`,
        { details: { what: o.what } },
      );
    }
    await sleep(o.intervalMs ?? 100);
  }
}

/** The last value, short enough for an error message. */
function describe(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
