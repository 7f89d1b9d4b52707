// What the hypervisor says about the host: its CPUs and memory, the account guest
// processes run as (the agent gives QEMU's group the instance files and nothing else),
// and the files it keeps about an instance after the definition is gone (its logs),
// which the agent removes with the instance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshId, type SuiteContext } from './suite-helpers.ts';

export function hostTests(c: SuiteContext): void {
  test('host resources are whole, positive numbers', async () => {
    const r = await c.s.hv.hostResources();
    assert.ok(Number.isInteger(r.vcpus) && r.vcpus >= 1, `vcpus ${r.vcpus}`);
    assert.ok(Number.isInteger(r.ramMiB) && r.ramMiB >= 1, `ramMiB ${r.ramMiB}`);
  });

  test('names the account guest processes run as', async () => {
    const owner = await c.s.hv.guestProcessOwner('qemu');
    assert.ok(Number.isInteger(owner.uid) && owner.uid >= 0, `uid ${owner.uid}`);
    assert.ok(Number.isInteger(owner.gid) && owner.gid >= 0, `gid ${owner.gid}`);
  });

  test('a guest that ran leaves logs after undefine, listed; removeLogs removes them, and again succeeds', async (t) => {
    const { s } = c;
    const id = freshId(t, s);
    await s.hv.define(await s.spec(id));
    await s.hv.start(id);
    await s.hv.destroy(id);
    await s.hv.undefine(id);
    assert.equal(await s.hasLogs(id), true, 'the logs outlive the definition');
    assert.ok((await s.hv.loggedInstances(s.filesDir)).includes(id), 'and are listed under the instance id');
    assert.ok(
      !(await s.hv.loggedInstances('/elsewhere/another-agent')).includes(id),
      "not as another agent's (whose guests' files are elsewhere)",
    );
    await s.hv.removeLogs(id);
    assert.equal(await s.hasLogs(id), false);
    assert.ok(!(await s.hv.loggedInstances(s.filesDir)).includes(id), 'removed logs are no longer listed');
    await s.hv.removeLogs(id);
  });
}
