// A host whose instance disk is (nearly) full refuses a boot before its first side
// effect: RESOURCE_EXHAUSTED HOST_DISK_FULL, no image fetched, no directory, no domain.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { requireFreeSpace } from '../../../agent/compute/disk-space.ts';
import { isStratoError } from '../../../common/errors.ts';
import { MiB, req, setup } from './compute-fixture.ts';

const diskFull = (e: unknown): boolean =>
  isStratoError(e, 'RESOURCE_EXHAUSTED') && e.reason === 'HOST_DISK_FULL' && /instance disk is full/.test(e.message);

test('free space below the reserve is HOST_DISK_FULL, naming both amounts', async () => {
  await assert.rejects(
    requireFreeSpace('/x', 1024 * MiB, async () => 10 * MiB),
    (e: unknown) => {
      assert.ok(diskFull(e));
      assert.match((e as Error).message, /10 MiB free, a boot needs at least 1024 MiB/);
      return true;
    },
  );
  await requireFreeSpace('/x', 1024 * MiB, async () => 1024 * MiB);
  await requireFreeSpace('/x', 0, async () => 0);
});

test('a spawn on a full disk fails with HOST_DISK_FULL and leaves nothing', async () => {
  const asked: string[] = [];
  const { stateDir, hv, images, manager } = await setup({
    deps: {
      diskReserveBytes: 512 * MiB,
      freeSpace: async (path) => {
        asked.push(path);
        return 100 * MiB;
      },
    },
  });
  const r = req();
  await assert.rejects(manager.spawn(r), diskFull);
  assert.deepEqual(asked, [stateDir], "the state dir's file system is asked");
  assert.equal(images.ensured, 0, 'no image fetched');
  assert.equal(existsSync(join(stateDir, 'instances', r.instanceId)), false, 'no instance directory');
  assert.equal(await hv.powerState(r.instanceId), undefined, 'no domain');
  assert.deepEqual(hv.calls, [], 'no hypervisor call');
});
