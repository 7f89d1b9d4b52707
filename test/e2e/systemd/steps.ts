// What the tests under a real systemd share: polling until a probe answers, and
// steps that build on each other (a scenario), so that after one fails the rest fail
// at once instead of each waiting out its timeout, and the `after` hook knows to
// print the daemons' journals.
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `probe` until it gives a value (a throw counts as not yet). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

export interface Scenario {
  /** A test that runs only while every step before it passed. */
  step(name: string, fn: () => Promise<void>): void;
  /** Whether a step failed (for the journals in `after`). */
  failed(): boolean;
}

export function scenario(): Scenario {
  let failed = false;
  return {
    step: (name, fn) =>
      test(name, async () => {
        if (failed) throw new Error('an earlier step failed');
        try {
          await fn();
        } catch (err) {
          failed = true;
          throw err;
        }
      }),
    failed: () => failed,
  };
}
