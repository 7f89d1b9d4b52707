// An instance the hypervisor has never heard of (or that is gone): nothing to report,
// removing it succeeds (Nova's driver contract; the agent's delete and retries rely on
// it), acting on it is NOT_FOUND.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { definitionPort, rejectsWith, type SuiteContext } from './suite-helpers.ts';

export function absentTests(c: SuiteContext): void {
  test('no state, no metadata, not listed', async () => {
    const { hv } = c.s;
    const id = randomUUID();
    assert.equal(await hv.powerState(id), undefined);
    assert.equal(await hv.metadata(id), undefined);
    assert.ok(!(await hv.list()).some((d) => d.instanceId === id));
  });

  test('destroy, undefine, discardSave, removeLogs, detachPort and detachVolume succeed', async () => {
    const { hv } = c.s;
    const id = randomUUID();
    await hv.destroy(id);
    await hv.destroy(id, { graceful: true });
    await hv.undefine(id);
    await hv.discardSave(id);
    await hv.removeLogs(id);
    await hv.detachPort(id, 'tapabsent000');
    await hv.detachVolume(id, randomUUID());
    assert.equal(await hv.powerState(id), undefined);
  });

  test('start, stop, pause, unpause, save, attachPort, attachVolume and resizeVolume are NOT_FOUND', async () => {
    const { hv } = c.s;
    const id = randomUUID();
    await rejectsWith(hv.start(id), 'NOT_FOUND', 'start');
    await rejectsWith(hv.acpiShutdown(id), 'NOT_FOUND', 'acpiShutdown');
    await rejectsWith(hv.acpiReboot(id), 'NOT_FOUND', 'acpiReboot');
    await rejectsWith(hv.pause(id), 'NOT_FOUND', 'pause');
    await rejectsWith(hv.unpause(id), 'NOT_FOUND', 'unpause');
    await rejectsWith(hv.save(id), 'NOT_FOUND', 'save');
    await rejectsWith(hv.attachPort(id, definitionPort()), 'NOT_FOUND', 'attachPort');
    const v = await c.s.volume();
    await rejectsWith(hv.attachVolume(id, v.spec), 'NOT_FOUND', 'attachVolume');
    await rejectsWith(hv.resizeVolume(id, v.spec.id, v.sizeBytes), 'NOT_FOUND', 'resizeVolume');
    assert.equal(await hv.powerState(id), undefined, 'a refused call made nothing');
  });
}
