// One reading of a source shared by the several metrics of a scrape: prom-client
// starts every metric's collect() at once, so a reading that is still pending is
// handed to every collect that asks; once it settled it serves `holdMs` more (a
// short cache for sources that are costly to ask), then the next ask reads anew.
export function sharedReading<T>(read: () => Promise<T>, holdMs = 0, clock: () => number = Date.now): () => Promise<T> {
  let current: { promise: Promise<T>; settledAt: number | undefined } | undefined;
  return () => {
    if (current !== undefined) {
      const { settledAt } = current;
      if (settledAt === undefined || clock() - settledAt <= holdMs) return current.promise;
    }
    const entry: { promise: Promise<T>; settledAt: number | undefined } = { promise: read(), settledAt: undefined };
    const settle = () => {
      entry.settledAt = clock();
    };
    entry.promise.then(settle, settle);
    current = entry;
    return entry.promise;
  };
}
