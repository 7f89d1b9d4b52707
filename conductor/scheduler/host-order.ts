// Hosts kept in rank order (weight descending, hostId ascending) in one flat array.
// Selection reads from the top and usually stops after a handful of hosts. A claim
// changes one host's weight: move() finds both positions by binary search and shifts
// the items in between by one, in place — no allocation, so a busy scheduler does
// not churn the garbage collector; at most n pointer moves (microseconds at 10,000).
import { ranksBefore } from './weighers/spread-weigher.ts';

export interface Ranked {
  readonly hostId: string;
  /** Owned by the HostOrder while the item is in it: change it only through move(). */
  weight: number;
}

export class HostOrder<T extends Ranked> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  at(i: number): T | undefined {
    return this.items[i];
  }

  /** Replaces the whole order in one sort (bulk load, or after the normaliser changed). */
  reset(items: T[]): void {
    this.items = items.sort((a, b) => (ranksBefore(a.weight, a.hostId, b.weight, b.hostId) ? -1 : 1));
  }

  insert(item: T): void {
    this.items.splice(this.lowerBound(item.hostId, item.weight), 0, item);
  }

  remove(item: T): void {
    this.items.splice(this.indexOf(item), 1);
  }

  /** Sets the item's weight and moves it to its new rank. */
  move(item: T, weight: number): void {
    if (item.weight === weight) return;
    const items = this.items;
    let from = this.indexOf(item);
    item.weight = weight;
    if (from + 1 < items.length && this.ranksAfter(item, items[from + 1] as T)) {
      // Weight fell (a claim): slide the better items after it up by one.
      while (from + 1 < items.length && this.ranksAfter(item, items[from + 1] as T)) {
        items[from] = items[from + 1] as T;
        from++;
      }
    } else {
      // Weight rose (a release): slide the worse items before it down by one.
      while (from > 0 && this.ranksAfter(items[from - 1] as T, item)) {
        items[from] = items[from - 1] as T;
        from--;
      }
    }
    items[from] = item;
  }

  private ranksAfter(a: T, b: T): boolean {
    return ranksBefore(b.weight, b.hostId, a.weight, a.hostId);
  }

  private indexOf(item: T): number {
    const i = this.lowerBound(item.hostId, item.weight);
    if (this.items[i] !== item) throw new Error(`host-order: ${item.hostId} is not at its rank`);
    return i;
  }

  /** First position whose item does not rank before (weight, hostId). */
  private lowerBound(hostId: string, weight: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const it = this.items[mid] as T;
      if (ranksBefore(it.weight, it.hostId, weight, hostId)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
