// Proof that a daemon's own loops still turn, for the systemd watchdog. Each periodic
// loop (the agent's heartbeats and resync, the conductor's status pass) registers with
// the longest time one of its turns may take, and beats at the end of every turn,
// whether the turn succeeded or not: a conductor or libvirtd that is down makes turns
// fail, not stop, and that is no reason to be restarted. A loop stuck on a promise that
// never settles stops beating; the event loop itself stuck stops the watchdog timer.
// Pure: the clock is injected.

export interface LoopBeat {
  /** Marks the end of one turn of the loop. */
  beat(): void;
  /** The loop ended on purpose (shutdown): it no longer counts. */
  retire(): void;
}

interface Loop {
  maxAgeMs: () => number;
  last: number;
}

export class Liveness {
  private readonly loops = new Map<string, Loop>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /**
   * Registers a loop that must beat at least every `maxAgeMs` (a function when the
   * loop's period can change, e.g. as the conductor asks); it counts as fresh from now.
   */
  register(name: string, maxAgeMs: number | (() => number)): LoopBeat {
    const loop: Loop = { maxAgeMs: typeof maxAgeMs === 'number' ? () => maxAgeMs : maxAgeMs, last: this.now() };
    this.loops.set(name, loop);
    return {
      beat: () => {
        loop.last = this.now();
      },
      retire: () => {
        if (this.loops.get(name) === loop) this.loops.delete(name);
      },
    };
  }

  /** Loops that have not beaten within their allowance, by name, oldest first. */
  stale(): string[] {
    const now = this.now();
    return [...this.loops.entries()]
      .filter(([, l]) => now - l.last > l.maxAgeMs())
      .sort(([, a], [, b]) => a.last - b.last)
      .map(([name]) => name);
  }
}
