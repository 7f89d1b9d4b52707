// NIC hot-plug. On a stopped domain it changes the definition only; on a running guest
// it plugs the live device too, and an unplug returns once the guest has released it.
// Both are idempotent (the conductor retries), keyed by MAC (plug) and tap (unplug).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionPort, eventLog, freshId, type SuiteContext } from './suite-helpers.ts';

export function portTests(c: SuiteContext): void {
  test('a stopped domain: plug and unplug change the definition; repeats are no-ops', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    await hv.define(await c.s.spec(id));
    const port = definitionPort();
    await hv.attachPort(id, port);
    await hv.attachPort(id, port);
    await hv.attachPort(id, { ...port, id: 'another-port-same-mac' });
    assert.deepEqual(
      (await hv.metadata(id))?.ports.map((p) => p.id),
      [port.id],
      'the metadata records the plugged port, once',
    );
    await hv.detachPort(id, port.tap);
    await hv.detachPort(id, port.tap);
    await hv.detachPort(id, 'tapnever00000');
    assert.deepEqual((await hv.metadata(id))?.ports, []);
    assert.equal(await hv.powerState(id), 'shutdown');
  });

  test('a running guest: plug, plug again, unplug once released, ACPI reboot and power-off', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    const events = eventLog(t, hv, id);
    await hv.define(await c.s.spec(id));
    await hv.start(id);
    await c.s.guestUp(id);
    const port = await c.s.port();
    await hv.attachPort(id, port);
    await hv.attachPort(id, port);
    assert.deepEqual(
      (await hv.metadata(id))?.ports.map((p) => p.tap),
      [port.tap],
    );
    await hv.detachPort(id, port.tap, { timeoutMs: 120_000 });
    await hv.detachPort(id, port.tap);
    assert.deepEqual((await hv.metadata(id))?.ports, []);
    assert.equal(await hv.powerState(id), 'running');

    await hv.acpiReboot(id);
    await events.next(/^reboot$/, 120_000);
    await c.s.guestUp(id);
    await hv.acpiShutdown(id);
    await events.next(/^stopped\/shutdown$/, 120_000);
    assert.equal(await hv.powerState(id), 'shutdown');
  });
}
