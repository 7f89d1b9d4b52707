// One contract for every Hypervisor implementation: the fake runs it in the unit
// tests, the libvirt driver against the real libvirtd in the integration tests,
// so the fake the manager's unit tests trust behaves like the real thing. Only
// what needs no guest cooperation is here (ACPI is the guest's choice).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Hypervisor, HypervisorEvent } from '../../../agent/hypervisor/hypervisor.ts';
import type { InstanceSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { isStratoError } from '../../../common/errors.ts';

export interface ContractSubject {
  hv: Hypervisor;
  /** A definable (and startable) spec for `id`, with whatever files it needs. */
  spec(id: string): Promise<InstanceSpec>;
  /** Removes what a failed case may leave (domain, files). */
  cleanup(id: string): Promise<void>;
}

function nextEvent(hv: Hypervisor, id: string, pattern: RegExp, timeoutMs: number): Promise<HypervisorEvent> {
  const p = new Promise<HypervisorEvent>((resolve, reject) => {
    const on = (ev: HypervisorEvent): void => {
      if (ev.instanceId !== id || !pattern.test(ev.event)) return;
      clearTimeout(timer);
      hv.off('event', on);
      resolve(ev);
    };
    const timer = setTimeout(() => {
      hv.off('event', on);
      reject(new Error(`no event for ${id} within ${timeoutMs} ms`));
    }, timeoutMs);
    hv.on('event', on);
  });
  p.catch(() => {});
  return p;
}

export function hypervisorContract(name: string, subject: () => Promise<ContractSubject>, timeout = 120_000): void {
  test(`${name}: absent instances — no state, destroy and undefine succeed`, { timeout }, async () => {
    const { hv } = await subject();
    const id = randomUUID();
    assert.equal(await hv.powerState(id), undefined);
    assert.equal(await hv.metadata(id), undefined);
    await hv.destroy(id);
    await hv.undefine(id);
    await hv.removeLogs(id);
    assert.ok(!(await hv.list()).some((d) => d.instanceId === id));
    // Unplugging from what is gone succeeds; plugging into it cannot.
    await hv.detachPort(id, 'tapabsent000');
    const port = {
      id: randomUUID(),
      mac: 'fa:16:3e:00:00:99',
      networkId: randomUUID(),
      tap: 'tapabsent000',
      bridge: 'brqabsent000',
      mode: 'ethernet' as const,
    };
    await assert.rejects(hv.attachPort(id, port), (e) => isStratoError(e, 'NOT_FOUND'));
  });

  test(`${name}: names the account guest processes run as`, { timeout }, async () => {
    const { hv } = await subject();
    const owner = await hv.guestProcessOwner('qemu');
    assert.ok(Number.isInteger(owner.uid) && owner.uid >= 0, `uid ${owner.uid}`);
    assert.ok(Number.isInteger(owner.gid) && owner.gid >= 0, `gid ${owner.gid}`);
  });

  test(`${name}: define, start, pause, unpause, save, restore, destroy, undefine`, { timeout }, async (t) => {
    const s = await subject();
    const { hv } = s;
    const id = randomUUID();
    t.after(() => s.cleanup(id));
    const spec = await s.spec(id);
    await hv.define(spec);
    assert.equal(await hv.powerState(id), 'shutdown');
    assert.deepEqual(
      (await hv.list()).find((d) => d.instanceId === id),
      { instanceId: id, powerState: 'shutdown' },
    );
    const meta = await hv.metadata(id);
    assert.equal(meta?.instanceId, id);
    assert.deepEqual(meta?.flavor, spec.flavor);
    await assert.rejects(hv.pause(id), (e) => isStratoError(e, 'FAILED_PRECONDITION'));

    const started = nextEvent(hv, id, /^started\//, 30_000);
    await hv.start(id);
    assert.equal(await hv.powerState(id), 'running');
    await started; // pushed, not polled

    await hv.pause(id);
    assert.equal(await hv.powerState(id), 'paused');
    await hv.unpause(id);
    assert.equal(await hv.powerState(id), 'running');

    await hv.save(id);
    assert.equal(await hv.powerState(id), 'suspended');
    assert.deepEqual((await hv.list()).find((d) => d.instanceId === id)?.powerState, 'suspended');
    await hv.start(id);
    assert.equal(await hv.powerState(id), 'running');

    const stopped = nextEvent(hv, id, /^stopped\/destroyed$/, 30_000);
    await hv.destroy(id);
    assert.equal(await hv.powerState(id), 'shutdown');
    await stopped;
    await hv.destroy(id);

    await hv.undefine(id);
    assert.equal(await hv.powerState(id), undefined);
    await hv.undefine(id);
  });

  test(`${name}: a suspended instance can be discarded to a plain stop; undefine removes its image`, {
    timeout,
  }, async (t) => {
    const s = await subject();
    const { hv } = s;
    const id = randomUUID();
    t.after(() => s.cleanup(id));
    await hv.define(await s.spec(id));
    await hv.start(id);
    await hv.save(id);
    await hv.discardSave(id);
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.discardSave(id);
    await hv.start(id);
    await hv.save(id);
    await hv.undefine(id);
    assert.equal(await hv.powerState(id), undefined);
  });
}
