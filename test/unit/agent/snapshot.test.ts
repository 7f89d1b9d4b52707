// The agent's root disk export (agent/compute/snapshot.ts) over the fake
// hypervisor with recording tools: a running guest is paused exactly around the
// overlay copy and runs again before the flatten; a paused or stopped one is
// not touched; working files never outlive the export; errors are the contract's.
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { instancePaths } from '../../../agent/compute/instance-paths.ts';
import type { SnapshotTools } from '../../../agent/compute/snapshot.ts';
import type { StratoError } from '../../../common/errors.ts';
import { req, setup } from './compute-fixture.ts';

function recordingTools(steps: string[], power: () => Promise<string | undefined>, fail?: Error): SnapshotTools {
  return {
    async copyOverlay(src, dst) {
      steps.push(`copy while ${await power()}`);
      await writeFile(dst, await readFile(src));
    },
    async flatten(overlay, out) {
      steps.push(`flatten while ${await power()}`);
      if (fail) throw fail;
      await writeFile(out, `flat:${await readFile(overlay, 'utf8')}`);
    },
  };
}

async function withInstance(fail?: Error) {
  const steps: string[] = [];
  let id = '';
  const env = await setup({
    deps: { snapshotTools: recordingTools(steps, () => env.hv.powerState(id).then((p) => p), fail) },
  });
  const r = req();
  id = r.instanceId;
  await env.manager.spawn(r);
  return { ...env, id, steps };
}

describe('agent: root disk export', () => {
  it('pauses a running guest only for the copy, then flattens and cleans up', async () => {
    const { manager, hv, id, steps, stateDir } = await withInstance();
    const disk = await manager.exportRootDisk(id);
    assert.deepEqual(steps, ['copy while paused', 'flatten while running']);
    assert.equal(await hv.powerState(id), 'running');
    assert.equal(await readFile(disk.path, 'utf8'), 'flat:overlay');
    assert.equal(disk.sizeBytes, 'flat:overlay'.length);
    assert.ok(disk.pausedMs >= 0);
    await disk.cleanup();
    const dir = instancePaths(stateDir, id).dir;
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.startsWith('export-')),
      [],
    );
  });

  it('leaves a stopped or paused guest as it is', async () => {
    const { manager, hv, id, steps } = await withInstance();
    await manager.action(id, 'pause');
    await (await manager.exportRootDisk(id)).cleanup();
    assert.equal(await hv.powerState(id), 'paused');
    await manager.action(id, 'stop', { hard: true });
    const d = await manager.exportRootDisk(id);
    await d.cleanup();
    assert.equal(d.pausedMs, 0);
    assert.deepEqual(steps, [
      'copy while paused',
      'flatten while paused',
      'copy while shutdown',
      'flatten while shutdown',
    ]);
  });

  it('a failed flatten leaves the guest running and no working files', async () => {
    const { manager, hv, id, stateDir } = await withInstance(new Error('qemu-img exploded'));
    await assert.rejects(manager.exportRootDisk(id), /qemu-img exploded/);
    assert.equal(await hv.powerState(id), 'running');
    const dir = instancePaths(stateDir, id).dir;
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.startsWith('export-')),
      [],
    );
  });

  it('answers NOT_FOUND without a domain and NO_LOCAL_ROOT_DISK without an overlay', async () => {
    const { manager, id, stateDir } = await withInstance();
    await assert.rejects(
      manager.exportRootDisk(req().instanceId),
      (e: StratoError) => e.reason === 'INSTANCE_NOT_FOUND',
    );
    await rm(instancePaths(stateDir, id).disk);
    await assert.rejects(
      manager.exportRootDisk(id),
      (e: StratoError) => e.code === 'FAILED_PRECONDITION' && e.reason === 'NO_LOCAL_ROOT_DISK',
    );
  });

  it('refuses with HOST_DISK_FULL when the working copies would eat the reserve, touching nothing', async () => {
    const steps: string[] = [];
    const env = await setup({
      deps: {
        snapshotTools: recordingTools(steps, async () => 'x'),
        diskReserveBytes: 1024 ** 3,
        freeSpace: async () => 1024 ** 3 + 5,
      },
    });
    const r = req();
    await env.manager.spawn(r);
    await assert.rejects(
      env.manager.exportRootDisk(r.instanceId),
      (e: StratoError) => e.code === 'RESOURCE_EXHAUSTED' && e.reason === 'HOST_DISK_FULL',
    );
    assert.deepEqual(steps, []);
    assert.equal(await env.hv.powerState(r.instanceId), 'running');
  });
});
