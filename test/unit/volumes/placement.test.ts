// Where a new volume goes (pure), table by table, and the volume scheduler's
// claims under concurrent creates on a real store: never more than a host holds.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { usageKey, VOLUME_RECORDS } from '../../../conductor/volumes/keys.ts';
import type { StorageUsage } from '../../../conductor/volumes/model.ts';
import { claimBytes, pickStorageHost, type StorageHostView } from '../../../conductor/volumes/placement.ts';
import { alice, type Fixture, fixture, GiB } from './fixture.ts';

const host = (hostId: string, freeGiB: number, over: Partial<StorageHostView> = {}): StorageHostView => ({
  hostId,
  backend: 'file',
  up: true,
  enabled: true,
  totalBytes: 100 * GiB,
  granularityBytes: 1024 ** 2,
  snapshotsSupported: true,
  snapshotsUnsupportedReason: '',
  usage: { allocatedBytes: (100 - freeGiB) * GiB, volumeCount: 0, snapshotCount: 0 },
  ...over,
});

describe('pickStorageHost', () => {
  const cases: [string, StorageHostView[], number, 'file' | 'lvm' | undefined, string][] = [
    ['the most free', [host('a', 10), host('b', 30), host('c', 20)], 5, undefined, 'b'],
    ['ties by host id', [host('b', 10), host('a', 10)], 5, undefined, 'a'],
    ['only the backend asked for', [host('a', 90), host('b', 10, { backend: 'lvm' })], 5, 'lvm', 'b'],
    ['not a down host', [host('a', 90, { up: false }), host('b', 10)], 5, undefined, 'b'],
    ['not a disabled host', [host('a', 90, { enabled: false }), host('b', 10)], 5, undefined, 'b'],
    ['one that has room', [host('a', 3), host('b', 4)], 4, undefined, 'b'],
  ];
  for (const [what, hosts, size, backend, want] of cases) {
    it(`places on ${what}`, () => {
      const p = pickStorageHost(hosts, size, backend);
      assert.ok(p.ok, JSON.stringify(p));
      assert.equal(p.host.hostId, want);
    });
  }

  const refusals: [string, StorageHostView[], number, 'file' | 'lvm' | undefined, string, string][] = [
    ['no storage host', [], 1, undefined, 'FAILED_PRECONDITION', 'NO_STORAGE_HOST'],
    ['none of the backend', [host('a', 90)], 1, 'lvm', 'FAILED_PRECONDITION', 'NO_STORAGE_HOST'],
    ['none up', [host('a', 90, { up: false })], 1, undefined, 'UNAVAILABLE', 'STORAGE_UNAVAILABLE'],
    ['none with room', [host('a', 3), host('b', 2)], 4, undefined, 'RESOURCE_EXHAUSTED', 'INSUFFICIENT_CAPACITY'],
    [
      'only disabled ones',
      [host('a', 90, { enabled: false })],
      1,
      undefined,
      'RESOURCE_EXHAUSTED',
      'INSUFFICIENT_CAPACITY',
    ],
  ];
  for (const [what, hosts, size, backend, code, reason] of refusals) {
    it(`refuses with ${what}: ${code}/${reason}`, () => {
      const p = pickStorageHost(hosts, size, backend);
      assert.ok(!p.ok);
      assert.deepEqual([p.error.code, p.error.reason], [code, reason]);
    });
  }

  it('names the largest free space when nothing fits', () => {
    const p = pickStorageHost([host('a', 3), host('b', 2)], 4);
    assert.ok(!p.ok);
    assert.equal(p.error.details.largest_free_gib, '3');
  });

  it('rounds a claim up to the host granularity', () => {
    assert.equal(claimBytes(1, 1024 ** 2), GiB);
    assert.equal(claimBytes(1, 4 * 1024 ** 2 * 3), Math.ceil(GiB / (12 * 1024 ** 2)) * 12 * 1024 ** 2);
  });
});

describe('volume scheduler under concurrent creates', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
    f.agents.hold = new Promise(() => {}); // the hosts never finish: only the claims matter here
  });
  afterEach(() => f.close());

  const createMany = (n: number, sizeGib: number) =>
    Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        f.bs.volumes.create(
          alice,
          { name: `v${i}`, description: '', sizeGib, source: { kind: 'empty' }, backend: '' },
          `r${i}`,
        ),
      ),
    );

  it('30 creates of 3 GiB on a 10 GiB host: exactly 3 placed, the rest INSUFFICIENT_CAPACITY', async () => {
    await f.storageHost('st-1', 10);
    const results = await createMany(30, 3);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    assert.equal(ok.length, 3);
    assert.ok(
      refused.every((e) => e instanceof StratoError && e.reason === 'INSUFFICIENT_CAPACITY'),
      String(refused[0]),
    );
    const u = (await f.store.get<StorageUsage>(usageKey('st-1'))).value;
    assert.deepEqual(u, { allocatedBytes: 9 * GiB, volumeCount: 3, snapshotCount: 0 });
    assert.equal((await f.store.list(VOLUME_RECORDS)).entries.length, 3);
  });

  it('spreads over two hosts by free capacity without over-allocating either', async () => {
    await f.storageHost('st-1', 10);
    await f.storageHost('st-2', 10);
    const results = await createMany(12, 3);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 6);
    for (const h of ['st-1', 'st-2']) {
      assert.equal((await f.store.get<StorageUsage>(usageKey(h))).value.allocatedBytes, 9 * GiB, h);
    }
  });
});
