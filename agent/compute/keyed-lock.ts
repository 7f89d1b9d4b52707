// Serialises operations per key (an instance id): a delete that arrives while a
// spawn of the same instance runs waits for it, instead of racing it. Different
// keys run concurrently. The current holder's label is visible (`holder`), so event
// reporting can tell "being spawned" from "settled".
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly holders = new Map<string, string>();

  holder(key: string): string | undefined {
    return this.holders.get(key);
  }

  /** Every key an operation holds right now. */
  held(): string[] {
    return [...this.holders.keys()];
  }

  /** Runs `fn` holding every key (taken in sorted order, so two callers never deadlock). */
  async runAll<T>(keys: readonly string[], label: string, fn: () => Promise<T>): Promise<T> {
    const [first, ...rest] = [...new Set(keys)].sort();
    if (first === undefined) return fn();
    return this.run(first, label, () => this.runAll(rest, label, fn));
  }

  async run<T>(key: string, label: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    this.holders.set(key, label);
    try {
      return await fn();
    } finally {
      this.holders.delete(key);
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
