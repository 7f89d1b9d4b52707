// One guest through its whole life on a real conductor and agent: boot with user data,
// every power action (the guest's console proves what happened inside it), refused
// actions, the event list, and a delete that leaves nothing on the host.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Metadata } from '@grpc/grpc-js';
import { isStratoError } from '../../common/errors.ts';
import { waitFor } from '../harness/wait.ts';
import { useCloud } from './lib/fixture.ts';
import { bootIds, ticks, userData } from './lib/guest.ts';
import { BOOT_TIMEOUT_MS } from './lib/servers.ts';

const GUEST_TIMEOUT_MS = 90_000;

describe('compute lifecycle (e2e: real conductor, agent, libvirtd, TCG guest)', { timeout: 900_000 }, () => {
  const cloud = useCloud({ hosts: 1, acpiTimeoutS: 30 });
  const marker = `m${randomBytes(6).toString('hex')}`;
  const createRequestId = `e2e-create-${marker}`;
  const requestIds = new Map<string, string>();
  let id = '';
  let host = '';
  let bootsSeen: string[] = [];

  /** Waits for a boot id not seen before; returns it. */
  async function newBoot(): Promise<string> {
    const seen = new Set(bootsSeen);
    const lines = await waitFor(
      () => cloud().servers.consoleLines(id),
      (ls) => bootIds(ls).some((b) => !seen.has(b)),
      { timeoutMs: GUEST_TIMEOUT_MS, retryErrors: true, what: 'a new boot of the guest', intervalMs: 500 },
    );
    const fresh = bootIds(lines).filter((b) => !seen.has(b));
    bootsSeen = [...bootsSeen, ...fresh];
    return fresh.at(-1)!;
  }

  /** Waits for a tick with a guest uptime above `after`; returns that uptime. */
  async function tickAfter(after: number): Promise<number> {
    const lines = await waitFor(
      () => cloud().servers.consoleLines(id),
      (ls) => ticks(ls).some((t) => t > after),
      { timeoutMs: GUEST_TIMEOUT_MS, retryErrors: true, what: `a guest tick after uptime ${after}`, intervalMs: 500 },
    );
    return Math.max(...ticks(lines));
  }

  async function act(action: string, hard = false): Promise<void> {
    const rid = await cloud().servers.action(id, action, { hard });
    requestIds.set(hard ? `${action} --hard` : action, rid);
  }

  it('boots the test image and runs its user data', async () => {
    const c = cloud();
    const md = new Metadata();
    md.set('x-request-id', createRequestId);
    const created = await c.admin.servers.CreateServer(
      { name: 'life-1', image: 'testvm', flavor: 'm1.tiny', userData: userData({ marker, ticker: true }) },
      { metadata: md },
    );
    id = created.id;
    assert.equal(created.vmState, 'BUILD');
    const s = await c.servers.waitForState(id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    host = s.host;
    assert.equal(host, c.hosts[0]!.id);
    assert.notEqual(s.launchedAt, '');
    await c.servers.waitForConsole(id, 'STRATO-BOOT-OK', GUEST_TIMEOUT_MS);
    await c.servers.waitForConsole(id, `E2E-MARK ${marker}`, GUEST_TIMEOUT_MS);
    assert.match(await c.servers.waitForConsole(id, 'STRATO-USERDATA-END', GUEST_TIMEOUT_MS), /rc=0/);
    await c.servers.waitForConsole(id, 'STRATO-CONFIG-DRIVE', 1000);
    await newBoot();
    assert.deepEqual(await c.servers.domainsOn(host), [`strato-${id}`]);
    assert.equal((await c.servers.instanceFilesOn(host, id)).length, 4, 'dir, overlay, config drive, console log');
  });

  it('refuses actions that are illegal while ACTIVE, changing nothing', async () => {
    const c = cloud();
    const before = (await c.admin.servers.ListServerEvents({ server: id })).events.length;
    for (const action of ['start', 'unpause', 'resume']) {
      await assert.rejects(c.servers.action(id, action), (err: unknown) => {
        assert.ok(isStratoError(err, 'FAILED_PRECONDITION'), `${action}: ${String(err)}`);
        assert.equal(err.reason, 'INVALID_STATE');
        return true;
      });
    }
    await assert.rejects(c.servers.action(id, 'explode'), (err: unknown) => isStratoError(err, 'INVALID_ARGUMENT'));
    const s = await c.servers.get(id);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.taskState, '');
    assert.equal((await c.admin.servers.ListServerEvents({ server: id })).events.length, before);
  });

  it('stop powers the guest off by ACPI (its shutdown marker) → SHUTOFF', async () => {
    const c = cloud();
    await act('stop');
    await c.servers.waitForState(id, 'SHUTOFF', 'SHUTDOWN', 60_000);
    await c.servers.waitForConsole(id, 'STRATO-SHUTDOWN', 10_000);
    assert.deepEqual(await c.servers.domainsOn(host), [`strato-${id}`], 'a stopped server keeps its domain');
  });

  it('refuses actions that are illegal while SHUTOFF', async () => {
    const c = cloud();
    for (const [action, hard] of [
      ['stop', false],
      ['reboot', false],
      ['pause', false],
      ['unpause', false],
      ['suspend', false],
      ['resume', false],
    ] as const) {
      await assert.rejects(c.servers.action(id, action, { hard }), (err: unknown) => {
        assert.ok(isStratoError(err, 'FAILED_PRECONDITION'), `${action}: ${String(err)}`);
        return true;
      });
    }
    assert.equal((await c.servers.get(id)).vmState, 'SHUTOFF');
  });

  it('start → ACTIVE, the guest boots again', async () => {
    await act('start');
    await cloud().servers.waitForState(id, 'ACTIVE', 'RUNNING', 60_000);
    await newBoot();
  });

  it('soft reboot goes through the guest (shutdown marker, then a new boot)', async () => {
    const c = cloud();
    await act('reboot');
    await c.servers.waitForState(id, 'ACTIVE', 'RUNNING', 90_000);
    await newBoot();
    // A soft reboot keeps the QEMU process, so the log still holds the shutdown.
    await c.servers.waitForConsole(id, 'STRATO-SHUTDOWN', 5000);
  });

  it('hard reboot → a new boot', async () => {
    await act('reboot', true);
    await cloud().servers.waitForState(id, 'ACTIVE', 'RUNNING', 60_000);
    await newBoot();
  });

  it('pause freezes the guest, unpause lets it run on', async () => {
    const c = cloud();
    const running = await tickAfter(0);
    await act('pause');
    await c.servers.waitForState(id, 'PAUSED', 'PAUSED', 30_000);
    const frozen = Math.max(0, ...ticks(await c.servers.consoleLines(id)));
    await sleep(3000);
    const later = Math.max(0, ...ticks(await c.servers.consoleLines(id)));
    assert.ok(later <= frozen + 1.5, `a paused guest ticked on: ${frozen} → ${later}`);
    assert.ok(frozen >= running);
    await act('unpause');
    await c.servers.waitForState(id, 'ACTIVE', 'RUNNING', 30_000);
    await tickAfter(later);
  });

  it('suspend → SUSPENDED, resume continues the same boot', async () => {
    const c = cloud();
    const before = await tickAfter(0);
    const boot = bootsSeen.at(-1);
    await act('suspend');
    await c.servers.waitForState(id, 'SUSPENDED', 'SUSPENDED', 60_000);
    await act('resume');
    await c.servers.waitForState(id, 'ACTIVE', 'RUNNING', 60_000);
    // The guest's uptime goes on from where it was: restored, not rebooted.
    await tickAfter(before);
    const ids = bootIds(await c.servers.consoleLines(id));
    assert.ok(
      ids.every((b) => b === boot),
      `resume rebooted the guest: boot ids ${ids.join(', ')} (was ${boot})`,
    );
  });

  it('lists every action as a server event with its request id and result', async () => {
    const { events } = await cloud().admin.servers.ListServerEvents({ server: id });
    const summary = events.map((e) => `${e.action}:${e.result}`);
    const expected = ['create', ...requestIds.keys()];
    assert.deepEqual(
      events.map((e) => e.action),
      expected,
      `events: ${summary.join(', ')}`,
    );
    const ids = new Map([['create', createRequestId], ...requestIds]);
    for (const e of events) {
      assert.equal(e.requestId, ids.get(e.action), `request id of ${e.action}`);
      assert.equal(e.result, 'success', `${e.action}: ${e.error}`);
      assert.notEqual(e.userId, '');
      assert.notEqual(e.startedAt, '');
      assert.ok(e.finishedAt >= e.startedAt, `${e.action} finished ${e.finishedAt} before it started ${e.startedAt}`);
    }
  });

  it('delete leaves no domain, overlay, config drive or console log on the host', async () => {
    const c = cloud();
    await c.servers.deleteAndWait(id, 60_000);
    assert.deepEqual(await c.servers.domainsOn(host), []);
    assert.deepEqual(await c.servers.instanceFilesOn(host, id), []);
    const h = await c.admin.hosts.GetHost({ host });
    assert.deepEqual(
      { vcpus: h.usage?.vcpus, ramMib: h.usage?.ramMib, diskGib: h.usage?.diskGib, n: h.instanceCount },
      { vcpus: 0, ramMib: 0, diskGib: 0, n: 0 },
    );
  });
});
