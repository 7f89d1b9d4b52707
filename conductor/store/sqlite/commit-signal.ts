// Wakes watchers after each commit. A watcher takes the current promise *before*
// it reads history, so a commit that lands while it is busy delivering events
// still wakes it afterwards (no lost wake-up).
export class CommitSignal {
  #current = Promise.withResolvers<void>();

  /** The promise the next commit (or close) resolves. */
  next(): Promise<void> {
    return this.#current.promise;
  }

  notify(): void {
    const fired = this.#current;
    this.#current = Promise.withResolvers<void>();
    fired.resolve();
  }
}

/** Resolves when `wake` resolves or `signal` aborts, without leaking abort listeners. */
export function waitOrAbort(wake: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return wake;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    void wake.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
