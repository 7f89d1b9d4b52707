// What one host can check of the move methods (the two-host behaviour is in
// test/integration/agent-migration/): a stopped domain started paused, no job
// reported or cancelled when none runs, a migration to an unreachable destination
// failing with the guest still here, and a stopped domain's flavor changed in its
// definition and metadata (refused while it runs).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { freshId, rejectsWith, type SuiteContext } from './suite-helpers.ts';

export function moveTests(c: SuiteContext): void {
  test('startPaused: a stopped domain comes up paused; again is FAILED_PRECONDITION', async (t) => {
    const { s } = c;
    const id = freshId(t, s);
    await s.hv.define(await s.spec(id));
    await s.hv.startPaused(id);
    assert.equal(await s.hv.powerState(id), 'paused');
    await rejectsWith(s.hv.startPaused(id), 'FAILED_PRECONDITION', 'startPaused of a paused domain');
    await s.hv.destroy(id);
    assert.equal(await s.hv.powerState(id), 'shutdown');
  });

  test('no migration job: no progress, abort succeeds (absent domains too)', async (t) => {
    const { s } = c;
    const id = freshId(t, s);
    await s.hv.define(await s.spec(id));
    assert.equal(await s.hv.migrationProgress(id), undefined);
    await s.hv.abortMigration(id);
    const absent = randomUUID();
    assert.equal(await s.hv.migrationProgress(absent), undefined);
    await s.hv.abortMigration(absent);
  });

  test('a migration to a destination nobody answers fails; the guest keeps running here', async (t) => {
    const { s } = c;
    const id = freshId(t, s);
    await s.hv.define(await s.spec(id));
    await s.hv.start(id);
    await assert.rejects(
      s.hv.migrate(id, { address: '127.0.0.1', live: true, rewrites: [], bandwidthMiBs: 0 }),
      (e) => isStratoError(e) && e.code !== 'NOT_FOUND',
    );
    assert.equal(await s.hv.powerState(id), 'running');
    await rejectsWith(
      s.hv.migrate(randomUUID(), { address: '127.0.0.1', live: true, rewrites: [], bandwidthMiBs: 0 }),
      'NOT_FOUND',
      'migrate of an absent domain',
    );
  });

  test('setFlavor: a stopped domain records the new flavor; running is FAILED_PRECONDITION; absent NOT_FOUND', async (t) => {
    const { s } = c;
    const id = freshId(t, s);
    const spec = await s.spec(id);
    await s.hv.define(spec);
    const bigger = { name: 'm1.bigger', vcpus: spec.flavor.vcpus + 1, ramMiB: spec.flavor.ramMiB * 2, diskGiB: 2 };
    await s.hv.setFlavor(id, bigger);
    assert.deepEqual((await s.hv.metadata(id))?.flavor, bigger);
    await s.hv.start(id);
    await rejectsWith(s.hv.setFlavor(id, spec.flavor), 'FAILED_PRECONDITION', 'setFlavor of a running domain');
    await s.hv.destroy(id);
    await rejectsWith(s.hv.setFlavor(randomUUID(), bigger), 'NOT_FOUND', 'setFlavor of an absent domain');
  });
}
