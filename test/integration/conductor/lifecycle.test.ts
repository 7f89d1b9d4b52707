// A real conductor and one FAKE agent: boot to ACTIVE (the agent pulls the image
// over the registry and checks its sha256), every power action moves the states,
// illegal actions are refused without changing anything, console log and events
// come through, and delete removes the server from the host and the lists.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { waitFor } from '../../harness/wait.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

describe('conductor: server lifecycle with a fake agent', () => {
  let env: Env;
  let agent: FakeAgent;

  before(async () => {
    env = await startEnv(['hv-1']);
    agent = await env.startAgent('hv-1');
    await uploadImage(env.admin, env.dir, 'cirros', true);
    await env.admin.flavors.CreateFlavor({ name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 });
  });
  after(async () => {
    await env?.close();
  });

  it('boots a server to ACTIVE/RUNNING on the registered host', async () => {
    const created = await env.admin.servers.CreateServer({
      name: 'vm-1',
      image: 'cirros',
      flavor: 'm1.tiny',
      userData: Buffer.from('#!/bin/sh\necho hello\n'),
      metadata: { role: 'test' },
    });
    assert.equal(created.vmState, 'BUILD');
    assert.equal(created.taskState, 'scheduling');
    const s = await waitServer(env.admin, 'vm-1', settled);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.powerState, 'RUNNING');
    assert.equal(s.host, 'hv-1');
    assert.notEqual(s.launchedAt, '');
    const inst = agent.instances.get(s.id);
    assert.ok(inst, 'the fake agent holds the instance');
    assert.equal(inst.spec.userData.toString(), '#!/bin/sh\necho hello\n');
    assert.equal(inst.spec.metadata['role'], 'test');
    assert.equal(inst.spec.flavor?.ramMib, 256);
    assert.match(inst.spec.image?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(JSON.parse(inst.spec.networkDataJson), { links: [], networks: [], services: [] });
    assert.equal(agent.pulls, 1);
  });

  it('moves through every power action and refuses illegal ones', async () => {
    const steps: Array<[string, boolean, string, string]> = [
      ['stop', false, 'SHUTOFF', 'SHUTDOWN'],
      ['start', false, 'ACTIVE', 'RUNNING'],
      ['pause', false, 'PAUSED', 'PAUSED'],
      ['unpause', false, 'ACTIVE', 'RUNNING'],
      ['suspend', false, 'SUSPENDED', 'SUSPENDED'],
      ['resume', false, 'ACTIVE', 'RUNNING'],
      ['reboot', false, 'ACTIVE', 'RUNNING'],
      ['reboot', true, 'ACTIVE', 'RUNNING'],
      ['stop', true, 'SHUTOFF', 'SHUTDOWN'],
      ['reboot', true, 'ACTIVE', 'RUNNING'],
    ];
    for (const [action, hard, vm, power] of steps) {
      const accepted = await env.admin.servers.ServerAction({ server: 'vm-1', action, hard });
      assert.notEqual(accepted.taskState, '', `${action}: a task runs`);
      const s = await waitServer(env.admin, 'vm-1', settled);
      assert.equal(s.vmState, vm, `${action} hard=${hard}`);
      assert.equal(s.powerState, power, `${action} hard=${hard}`);
    }
    for (const [action, hard] of [
      ['start', false],
      ['unpause', false],
      ['resume', false],
    ] as const) {
      await assert.rejects(
        env.admin.servers.ServerAction({ server: 'vm-1', action, hard }),
        (e: StratoError) => e.code === 'FAILED_PRECONDITION' && e.reason === 'INVALID_STATE',
      );
    }
    await assert.rejects(
      env.admin.servers.ServerAction({ server: 'vm-1', action: 'explode', hard: false }),
      (e: StratoError) => e.code === 'INVALID_ARGUMENT',
    );
    const s = await env.admin.servers.GetServer({ server: 'vm-1' });
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.taskState, '');
  });

  it('refuses an action while another task runs', async () => {
    agent.spawnDelayMs = 0;
    await env.admin.servers.ServerAction({ server: 'vm-1', action: 'stop', hard: false });
    // The stop may already be done on a fast machine; only a refusal while busy is asserted.
    try {
      await env.admin.servers.ServerAction({ server: 'vm-1', action: 'pause', hard: false });
    } catch (e) {
      assert.ok(e instanceof StratoError);
      assert.equal(e.code, 'FAILED_PRECONDITION');
      assert.ok(['TASK_IN_PROGRESS', 'INVALID_STATE'].includes(e.reason), e.reason);
    }
    await waitServer(env.admin, 'vm-1', settled);
    await env.admin.servers.ServerAction({ server: 'vm-1', action: 'start', hard: false });
    await waitServer(env.admin, 'vm-1', (s) => settled(s) && s.vmState === 'ACTIVE');
  });

  it('proxies the console log and lists the server events', async () => {
    const log = await env.admin.servers.GetConsoleLog({ server: 'vm-1', lines: 10 });
    assert.ok(
      log.lines.some((l) => l.includes('echo hello')),
      log.lines.join('\n'),
    );
    const { events } = await env.admin.servers.ListServerEvents({ server: 'vm-1' });
    assert.equal(events[0]?.action, 'create');
    assert.equal(events[0]?.result, 'success');
    assert.ok(events.some((e) => e.action === 'reboot --hard' && e.result === 'success'));
    for (const e of events.filter((x) => !x.action.startsWith('host:'))) {
      assert.notEqual(e.requestId, '');
      assert.notEqual(e.userId, '');
      assert.notEqual(e.finishedAt, '', `${e.action} finished`);
    }
  });

  it('follows the host: a guest that powers itself off is SHUTOFF within moments', async () => {
    const s = await env.admin.servers.GetServer({ server: 'vm-1' });
    await agent.guestPowersOff(s.id);
    const off = await waitServer(env.admin, 'vm-1', (x) => x.vmState === 'SHUTOFF', 3000);
    assert.equal(off.powerState, 'SHUTDOWN');
    const { events } = await env.admin.servers.ListServerEvents({ server: 'vm-1' });
    const last = events.at(-1);
    assert.match(last?.action ?? '', /^host: ACTIVE\/RUNNING -> SHUTOFF\/SHUTDOWN \(stopped\/shutdown\)$/);
    assert.equal(last?.result, 'success');
  });

  it('a domain that vanished from the host turns the server to ERROR', async () => {
    await env.admin.servers.ServerAction({ server: 'vm-1', action: 'start', hard: false });
    const s = await waitServer(env.admin, 'vm-1', (x) => settled(x) && x.vmState === 'ACTIVE');
    agent.vanish(s.id);
    const e = await waitServer(env.admin, 'vm-1', (x) => x.vmState === 'ERROR', 5000);
    assert.equal(e.fault?.reason, 'INSTANCE_MISSING_ON_HOST');
  });

  it('deletes: gone from the host, the lists and the claims', async () => {
    const s = await env.admin.servers.GetServer({ server: 'vm-1' });
    const d = await env.admin.servers.DeleteServer({ server: 'vm-1' });
    assert.equal(d.taskState, 'deleting');
    // Idempotent while deleting.
    await env.admin.servers.DeleteServer({ server: s.id }).catch((e: StratoError) => {
      assert.equal(e.code, 'NOT_FOUND');
    });
    await waitFor(
      async () => {
        const { servers } = await env.admin.servers.ListServers({ pageSize: 0, pageToken: '', allProjects: true });
        return servers.length === 0;
      },
      (done) => done,
      { what: 'the server to disappear', intervalMs: 50 },
    );
    assert.equal(agent.instances.has(s.id), false);
    await assert.rejects(env.admin.servers.GetServer({ server: s.id }), (e: StratoError) => e.code === 'NOT_FOUND');
    const host = await env.admin.hosts.GetHost({ host: 'hv-1' });
    assert.deepEqual(host.usage, { vcpus: 0, ramMib: 0, diskGib: 0 });
    assert.equal(host.instanceCount, 0);
    assert.equal(host.state, 'up');
  });
});
