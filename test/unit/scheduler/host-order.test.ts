import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostOrder, type Ranked } from '../../../conductor/scheduler/host-order.ts';
import { seededRandom } from '../../../conductor/scheduler/seeded-random.ts';

function contents(o: HostOrder<Ranked>): string[] {
  return Array.from({ length: o.size }, (_, i) => (o.at(i) as Ranked).hostId);
}
function sortedIds(items: Ranked[]): string[] {
  return [...items]
    .sort((a, b) => b.weight - a.weight || (a.hostId < b.hostId ? -1 : a.hostId > b.hostId ? 1 : 0))
    .map((x) => x.hostId);
}

describe('HostOrder', () => {
  it('keeps rank order (weight desc, hostId asc) through random moves, inserts and removes', () => {
    const rnd = seededRandom(11);
    // Few distinct weights, so ties (broken by hostId) are common.
    const w = () => Math.floor(rnd() * 8) / 4;
    const items: Ranked[] = Array.from({ length: 300 }, (_, i) => ({ hostId: `h${i}`, weight: w() }));
    const o = new HostOrder<Ranked>();
    o.reset([...items]);
    assert.deepEqual(contents(o), sortedIds(items));
    for (let step = 0; step < 3000; step++) {
      const r = rnd();
      if (r < 0.8) o.move(items[Math.floor(rnd() * items.length)] as Ranked, w());
      else if (r < 0.9) {
        const it = { hostId: `n${step}`, weight: w() };
        items.push(it);
        o.insert(it);
      } else {
        const [gone] = items.splice(Math.floor(rnd() * items.length), 1);
        o.remove(gone as Ranked);
      }
    }
    assert.deepEqual(contents(o), sortedIds(items));
  });

  it('refuses to move an item whose weight was changed behind its back', () => {
    const a = { hostId: 'a', weight: 1 };
    const o = new HostOrder<Ranked>();
    o.reset([a, { hostId: 'b', weight: 2 }]);
    a.weight = 5;
    assert.throws(() => o.move(a, 0), /not at its rank/);
  });
});
