// Define, start, pause, save, destroy, undefine: the power states each leaves, which
// repeats are no-ops (the agent retries freely), which calls the state refuses
// (FAILED_PRECONDITION, the common error model), and what a redefine or an undefine
// of a running domain does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshId, rejectsWith, type SuiteContext } from './suite-helpers.ts';

export function lifecycleTests(c: SuiteContext): void {
  test('define, start, pause, unpause, save, restore, destroy, undefine', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    await hv.define(await c.s.spec(id));
    assert.equal(await hv.powerState(id), 'shutdown');
    assert.deepEqual(
      (await hv.list()).find((d) => d.instanceId === id),
      { instanceId: id, powerState: 'shutdown' },
    );
    await hv.start(id);
    assert.equal(await hv.powerState(id), 'running');
    await hv.pause(id);
    assert.equal(await hv.powerState(id), 'paused');
    await hv.unpause(id);
    assert.equal(await hv.powerState(id), 'running');
    await hv.save(id);
    assert.equal(await hv.powerState(id), 'suspended');
    assert.equal((await hv.list()).find((d) => d.instanceId === id)?.powerState, 'suspended');
    await hv.start(id);
    assert.equal(await hv.powerState(id), 'running', 'start restores the saved guest');
    await hv.destroy(id);
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.undefine(id);
    assert.equal(await hv.powerState(id), undefined);
    assert.ok(!(await hv.list()).some((d) => d.instanceId === id));
  });

  test('repeats are no-ops: pause, destroy, undefine, discardSave', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    await hv.define(await c.s.spec(id));
    await hv.start(id);
    await hv.pause(id);
    await hv.pause(id);
    assert.equal(await hv.powerState(id), 'paused', 'pause of a paused guest');
    await hv.destroy(id, { graceful: true });
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.destroy(id);
    await hv.destroy(id, { graceful: true });
    await hv.discardSave(id);
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.undefine(id);
    await hv.undefine(id);
    assert.equal(await hv.powerState(id), undefined);
  });

  test('a suspended instance can be discarded to a plain stop; undefine removes its image', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    await hv.define(await c.s.spec(id));
    await hv.start(id);
    await hv.save(id);
    await hv.discardSave(id);
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.discardSave(id);
    await hv.start(id);
    await hv.save(id);
    await hv.undefine(id);
    assert.equal(await hv.powerState(id), undefined);
    assert.equal(await c.s.hasLogs(id), true, 'the logs stay until removeLogs');
  });

  test('what the state refuses is FAILED_PRECONDITION and changes nothing', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    await hv.define(await c.s.spec(id));
    await rejectsWith(hv.pause(id), 'FAILED_PRECONDITION', 'pause of a stopped guest');
    await rejectsWith(hv.unpause(id), 'FAILED_PRECONDITION', 'unpause of a stopped guest');
    await rejectsWith(hv.save(id), 'FAILED_PRECONDITION', 'save of a stopped guest');
    await rejectsWith(hv.acpiShutdown(id), 'FAILED_PRECONDITION', 'ACPI power-off of a stopped guest');
    await rejectsWith(hv.acpiReboot(id), 'FAILED_PRECONDITION', 'ACPI reboot of a stopped guest');
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.start(id);
    await rejectsWith(hv.start(id), 'FAILED_PRECONDITION', 'start of a running guest');
    await rejectsWith(hv.unpause(id), 'FAILED_PRECONDITION', 'unpause of a running guest');
    assert.equal(await hv.powerState(id), 'running');
  });

  test('redefining replaces the definition; a running domain takes it at its next start', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    const spec = await c.s.spec(id);
    await hv.define(spec);
    await hv.define({ ...spec, name: 'renamed' });
    assert.equal((await hv.metadata(id))?.name, 'renamed');
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.start(id);
    await hv.define({ ...spec, name: 'renamed again' });
    assert.equal(await hv.powerState(id), 'running');
    assert.equal((await hv.metadata(id))?.name, 'renamed', 'the running domain is still the one started');
    await hv.destroy(id);
    assert.equal((await hv.metadata(id))?.name, 'renamed again');
  });

  test('undefining a running domain leaves it running until it stops, then it is gone', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    await hv.define(await c.s.spec(id));
    await hv.start(id);
    await hv.undefine(id);
    assert.equal(await hv.powerState(id), 'running');
    assert.ok((await hv.list()).some((d) => d.instanceId === id));
    await hv.destroy(id);
    assert.equal(await hv.powerState(id), undefined);
    assert.ok(!(await hv.list()).some((d) => d.instanceId === id));
  });
}
