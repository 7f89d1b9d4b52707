// Serialises a backend's operations per volume and per snapshot (a clone waits for a
// delete of its source instead of copying half-wiped bytes), plus one short section
// for capacity: the free-space check and the claim it justifies happen together, so
// concurrent creates never promise the same bytes twice.
import { KeyedLock } from '../compute/keyed-lock.ts';

export class VolumeLocks {
  readonly #lock = new KeyedLock();

  /** Runs `fn` holding every named lock, taken in one global order (no deadlock). */
  run<T>(keys: { volumes?: string[]; snapshots?: string[] }, label: string, fn: () => Promise<T>): Promise<T> {
    const all = [...(keys.volumes ?? []).map((v) => `v:${v}`), ...(keys.snapshots ?? []).map((s) => `s:${s}`)];
    const sorted = [...new Set(all)].sort();
    const step = (i: number): Promise<T> =>
      i === sorted.length ? fn() : this.#lock.run(sorted[i]!, label, () => step(i + 1));
    return step(0);
  }

  /** The capacity section: check free space and claim it before anyone else checks. */
  claim<T>(fn: () => Promise<T>): Promise<T> {
    return this.#lock.run('capacity', 'claim', fn);
  }
}
