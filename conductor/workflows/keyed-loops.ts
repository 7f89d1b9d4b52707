// The loop mechanics shared by the conductor's workflow drivers (a server's
// workflow, a volume's or snapshot's op): at most one loop per record id, a
// kick while it runs makes it look once more (and ends a back-off early), a
// turn that says "wait" backs off, an unexpected error backs off exponentially,
// and close() cancels everything in flight and waits for the loops to end.
// What a turn does — read the record, run its step, commit the outcome — is the
// driver's.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../common/log.ts';

export type TurnResult =
  /** Nothing to do: the loop ends (unless it was kicked meanwhile). */
  | { kind: 'idle' }
  /** A step ran and its outcome was committed (or superseded): look again. */
  | { kind: 'done' }
  /**
   * Ask again after `ms` (a host that does not answer); `log` notes it. `poll`:
   * nothing is wrong, the turn just follows something that takes time (a
   * running migration): noted at debug level, and the back-off does not grow.
   */
  | { kind: 'wait'; ms: number; why: string; log: Logger; poll?: boolean };

export interface TurnContext {
  /** Aborted by close(): agent calls are cancelled and the step is redone after a restart. */
  signal: AbortSignal;
  /** Waits of this step so far (in this process; a kick starts over), for the back-off. */
  tries: number;
  /**
   * When this run of waits began (wall clock, ms; in this process: a kick does not
   * reset it, a step that got past its wait does); undefined before the first wait.
   */
  waitingSinceMs?: number;
}

interface Loop {
  again: boolean;
  done: Promise<void>;
  /** Ends a back-off wait early (a kick: e.g. the host registered again). */
  wake?: () => void;
}

export class KeyedLoops {
  private readonly turn: (id: string, ctx: TurnContext) => Promise<TurnResult>;
  private readonly log: Logger;
  /** The log field naming the record, e.g. instanceId. */
  private readonly idField: string;
  private readonly loops = new Map<string, Loop>();
  private readonly abort = new AbortController();

  constructor(o: {
    turn: (id: string, ctx: TurnContext) => Promise<TurnResult>;
    log: Logger;
    idField: string;
  }) {
    this.turn = o.turn;
    this.log = o.log;
    this.idField = o.idField;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Makes sure the record is being driven; a running loop looks again. */
  kick(id: string): void {
    if (this.abort.signal.aborted) return;
    const running = this.loops.get(id);
    if (running) {
      running.again = true;
      running.wake?.();
      return;
    }
    const loop: Loop = { again: false, done: Promise.resolve() };
    this.loops.set(id, loop);
    loop.done = this.run(id, loop);
  }

  has(id: string): boolean {
    return this.loops.has(id);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.loops.values()].map((l) => l.done));
  }

  private async run(id: string, loop: Loop): Promise<void> {
    try {
      await this.turns(id, loop);
    } finally {
      // Synchronously after the last look at the record: a kick() from here on starts a new loop.
      if (this.loops.get(id) === loop) this.loops.delete(id);
    }
  }

  private async turns(id: string, loop: Loop): Promise<void> {
    const signal = this.abort.signal;
    let failures = 0;
    let tries = 0;
    let waitingSinceMs: number | undefined;
    while (!signal.aborted) {
      loop.again = false;
      try {
        const r = await this.turn(id, { signal, tries, ...(waitingSinceMs === undefined ? {} : { waitingSinceMs }) });
        if (signal.aborted) return;
        if (r.kind === 'idle') {
          if (loop.again) continue;
          return;
        }
        if (r.kind === 'wait' && r.poll) {
          r.log.debug({ waitMs: r.ms, why: r.why }, 'step polls again');
          if (!loop.again) await this.pause(loop, r.ms);
          continue;
        }
        if (r.kind === 'wait') {
          tries++;
          waitingSinceMs ??= Date.now();
          r.log.warn({ waitMs: r.ms, why: r.why, tries }, 'step will be retried');
          if (!loop.again) await this.pause(loop, r.ms);
          // Kicked (e.g. the host registered again): it should answer now, so the back-off starts over.
          if (loop.again) tries = 0;
          continue;
        }
        tries = 0;
        waitingSinceMs = undefined;
        failures = 0;
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        const ms = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        this.log.error({ [this.idField]: id, err, retryInMs: ms }, 'workflow step failed unexpectedly');
        await sleep(ms, undefined, { signal }).catch(() => {});
      }
    }
  }

  /** Sleeps `ms`, or less when kicked or closed. */
  private async pause(loop: Loop, ms: number): Promise<void> {
    const wake = new AbortController();
    loop.wake = () => wake.abort();
    try {
      await sleep(ms, undefined, { signal: AbortSignal.any([wake.signal, this.abort.signal]) });
    } catch {
      // woken early
    } finally {
      loop.wake = undefined;
    }
  }
}
