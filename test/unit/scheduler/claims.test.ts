import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyClaim, releaseClaim } from '../../../conductor/scheduler/claims.ts';
import type { HostSnapshot } from '../../../conductor/scheduler/types.ts';
import { host } from './fixtures.ts';

const flavor = { vcpus: 2, ramMiB: 4096, diskGiB: 20 };

describe('claims', () => {
  it('adds the flavor to usage and counts the instance, without mutating the input', () => {
    const h = host('h', { usage: { vcpus: 1, ramMiB: 512, diskGiB: 1 }, instanceCount: 1 });
    const before = structuredClone(h);
    const next = applyClaim(h, flavor) as HostSnapshot;
    assert.equal(typeof next, 'object');
    assert.deepEqual(next.usage, { vcpus: 3, ramMiB: 4608, diskGiB: 21 });
    assert.equal(next.instanceCount, 2);
    assert.deepEqual(h, before);
  });

  const refusals = [
    { name: 'cpu', h: host('h', { usage: { vcpus: 7 } }), want: 'needs 2 vCPU, 1 free' },
    { name: 'ram', h: host('h', { usage: { ramMiB: 14_000 } }), want: 'MiB RAM' },
    { name: 'disk', h: host('h', { capacity: { diskGiB: 10 } }), want: 'GiB disk' },
    { name: 'reserved', h: host('h', { reserved: { ramMiB: 13_000 } }), want: 'needs 4096 MiB RAM, 3384 free' },
  ];
  for (const c of refusals) {
    it(`refuses when ${c.name} no longer fits`, () => {
      const got = applyClaim(c.h, flavor);
      assert.equal(typeof got, 'string');
      assert.ok((got as string).includes(c.want), String(got));
    });
  }

  it('fills a host with allocation ratio 4.0 to exactly 8 vCPU on 2 cores, then refuses', () => {
    let h: HostSnapshot = host('h', { capacity: { vcpus: 2 }, allocationRatio: { cpu: 4 } });
    for (let i = 0; i < 4; i++) h = applyClaim(h, { vcpus: 2, ramMiB: 0, diskGiB: 0 }) as HostSnapshot;
    assert.equal(h.usage.vcpus, 8);
    assert.equal(typeof applyClaim(h, { vcpus: 1, ramMiB: 0, diskGiB: 0 }), 'string');
  });

  it('release is the inverse of claim and clamps at zero', () => {
    const h = host('h');
    const claimed = applyClaim(h, flavor) as HostSnapshot;
    assert.deepEqual(releaseClaim(claimed, flavor), h);
    const twice = releaseClaim(releaseClaim(claimed, flavor), flavor);
    assert.deepEqual(twice.usage, { vcpus: 0, ramMiB: 0, diskGiB: 0 });
    assert.equal(twice.instanceCount, 0);
  });
});
