// Conformance: what a delete leaves in the storage the volume occupied. With `zero`,
// every byte it held reads as zero afterwards; with `none` the bytes stay (which also
// shows the test's reader really looks at that storage).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { id, isZero, MiB, pattern, type SubjectFactory, unit, useSubject } from './suite-helpers.ts';

export function wipeTests(factory: SubjectFactory): void {
  for (const wipe of ['zero', 'none'] as const) {
    test(`delete with wipe=${wipe} ${wipe === 'zero' ? 'zeroes every byte the volume held' : 'leaves the bytes as they were'}`, async (t) => {
      const s = await useSubject(t, factory, { wipe });
      assert.equal(s.driver.wipe, wipe);
      const u = unit(s.driver);
      const v = id();
      await s.driver.create({ volumeId: v, sizeBytes: 2 * u, source: { kind: 'empty' } });
      const head = pattern(MiB);
      const tail = pattern(64 * 1024);
      await s.write(v, 0, head);
      await s.write(v, 2 * u - tail.length, tail);
      const storage = await s.retain(v);
      assert.deepEqual(await storage(0, MiB), head, 'the retained reader sees the volume');
      await s.driver.delete(v);
      assert.equal(await s.driver.get(v), undefined);
      const [h, tl] = [await storage(0, MiB), await storage(2 * u - tail.length, tail.length)];
      if (wipe === 'zero') {
        assert.ok(isZero(h) && isZero(tl), 'no byte of the deleted volume is left');
      } else {
        assert.deepEqual([h, tl], [head, tail]);
      }
    });
  }
}
