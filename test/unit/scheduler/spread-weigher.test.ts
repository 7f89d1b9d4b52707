import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ranksBefore, spreadNorm, spreadWeight } from '../../../conductor/scheduler/weighers/spread-weigher.ts';
import { host } from './fixtures.ts';

describe('spread weigher', () => {
  const cases = [
    {
      name: 'more free RAM wins',
      a: host('a', { usage: { ramMiB: 1024 } }),
      b: host('b', { usage: { ramMiB: 8192 } }),
      better: 'a',
    },
    {
      name: 'more free vCPUs wins when RAM is equal',
      a: host('a', { usage: { vcpus: 6 } }),
      b: host('b', { usage: { vcpus: 2 } }),
      better: 'b',
    },
    {
      name: 'allocation ratio counts as free capacity',
      a: host('a', { allocationRatio: { cpu: 4 } }),
      b: host('b'),
      better: 'a',
    },
    {
      name: 'reserved RAM counts as used',
      a: host('a', { reserved: { ramMiB: 4096 } }),
      b: host('b'),
      better: 'b',
    },
    { name: 'equal weight: lower hostId first', a: host('h2'), b: host('h1'), better: 'h1' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const norm = spreadNorm([c.a, c.b]);
      const wa = spreadWeight(c.a, norm);
      const wb = spreadWeight(c.b, norm);
      const winner = ranksBefore(wa, c.a.hostId, wb, c.b.hostId) ? c.a.hostId : c.b.hostId;
      assert.equal(winner, c.better);
      assert.notEqual(ranksBefore(wa, c.a.hostId, wb, c.b.hostId), ranksBefore(wb, c.b.hostId, wa, c.a.hostId));
    });
  }

  it('normalises each resource to [0, weight] by the cluster maximum', () => {
    const big = host('big', { capacity: { vcpus: 64, ramMiB: 262_144 } });
    const small = host('small', { capacity: { vcpus: 4, ramMiB: 8192 } });
    const norm = spreadNorm([big, small]);
    assert.deepEqual(norm, { vcpus: 64, ramMiB: 262_144 });
    assert.equal(spreadWeight(big, norm), 2);
    assert.equal(spreadWeight(small, norm), 8192 / 262_144 + 4 / 64);
    assert.equal(spreadWeight(big, norm, { ram: 2, cpu: 0 }), 2);
  });
});
