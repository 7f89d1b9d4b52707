// The events a hypervisor pushes (never polled): the instance manager turns each into
// a report to the conductor, so every transition must announce itself with the same
// `<event>/<detail>` names whatever the backend.
import { test } from 'node:test';
import { eventLog, freshId, type SuiteContext } from './suite-helpers.ts';

export function eventTests(c: SuiteContext): void {
  test('every transition is pushed, in order, with its libvirt-style name', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    const events = eventLog(t, hv, id);
    const wait = (pattern: RegExp) => events.next(pattern, 60_000);
    const spec = await c.s.spec(id);
    await hv.define(spec);
    await wait(/^defined\/added$/);
    await hv.define({ ...spec, name: 'again' });
    await wait(/^defined\/updated$/);
    await hv.start(id);
    await wait(/^started\/booted$/);
    await hv.pause(id);
    await wait(/^suspended\/paused$/);
    await hv.unpause(id);
    await wait(/^resumed\/unpaused$/);
    await hv.save(id);
    await wait(/^stopped\/saved$/);
    await hv.start(id);
    await wait(/^started\/restored$/);
    await hv.destroy(id);
    await wait(/^stopped\/destroyed$/);
    await hv.undefine(id);
    await wait(/^undefined\/removed$/);
  });
}
