// Crashes of the real daemons: kill -9 the agent while guests run and one powers
// itself off, kill -9 the conductor in the middle of boots. After a restart the
// cloud must tell the truth about every guest and finish (or fail) every boot.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '../harness/wait.ts';
import type { Api } from './lib/api.ts';
import { useCloud } from './lib/fixture.ts';
import { bootIds, ticks, userData } from './lib/guest.ts';
import { BOOT_TIMEOUT_MS } from './lib/servers.ts';

/** How long the self-stopping guest's user data waits before `poweroff`. */
const POWEROFF_AFTER_S = 8;

describe('resilience (e2e: kill -9 of agent and conductor)', { timeout: 900_000 }, () => {
  const cloud = useCloud({ hosts: 1 });
  let steady = '';
  let member: Api | undefined;

  it('after kill -9 of the agent, a running guest stays ACTIVE and one that powered itself off meanwhile is SHUTOFF', async () => {
    const c = cloud();
    const host = c.hosts[0]!;
    steady = (
      await c.servers.create({
        name: 'steady',
        image: 'testvm',
        flavor: 'm1.tiny',
        userData: userData({ ticker: true }),
      })
    ).id;
    const selfoff = (
      await c.servers.create({
        name: 'selfoff',
        image: 'testvm',
        flavor: 'm1.tiny',
        userData: userData({ marker: 'selfoff', finally: `sleep ${POWEROFF_AFTER_S}; poweroff` }),
      })
    ).id;
    await c.servers.waitForState(steady, 'ACTIVE', 'RUNNING');
    await c.servers.waitForState(selfoff, 'ACTIVE', 'RUNNING');
    await c.servers.waitForConsole(steady, 'E2E-TICK', 90_000);
    await c.servers.waitForConsole(selfoff, 'E2E-MARK selfoff', 90_000);

    // The guest is now sleeping before its poweroff: the agent dies first.
    await host.agent.kill('SIGKILL');
    const bootBefore = bootIds(await c.servers.consoleLines(steady).catch(() => [] as string[]));
    await waitFor(
      () => c.servers.domainState(host.id, selfoff),
      (st) => st === 'SHUTOFF',
      {
        timeoutMs: (POWEROFF_AFTER_S + 30) * 1000,
        retryErrors: true,
        intervalMs: 250,
        what: 'the guest to power itself off while the agent is dead',
      },
    );
    assert.equal(await c.servers.domainState(host.id, steady), 'RUNNING', 'guests outlive their agent');

    await host.agent.start();
    await c.waitForHostsUp(60_000);
    await c.servers.waitForState(selfoff, 'SHUTOFF', 'SHUTDOWN', 60_000);
    const s = await c.servers.waitForState(steady, 'ACTIVE', 'RUNNING', 60_000);
    assert.equal(s.host, host.id);
    // Still the same boot, still running; the console is readable again soon after
    // the agent is back (the conductor must not sit in a long reconnect backoff).
    const t0 = Date.now();
    const lines = await waitFor(
      () => c.servers.consoleLines(steady),
      () => true,
      {
        timeoutMs: 15_000,
        retryErrors: true,
        intervalMs: 250,
        what: 'the console of the steady guest through the restarted agent',
      },
    );
    process.stderr.write(`console readable ${Date.now() - t0} ms after the host was up again\n`);
    const last = Math.max(...ticks(lines));
    await waitFor(
      async () => Math.max(...ticks(await c.servers.consoleLines(steady))),
      (t) => t > last,
      { timeoutMs: 30_000, retryErrors: true, intervalMs: 250, what: 'the steady guest to keep ticking' },
    );
    if (bootBefore.length > 0) assert.deepEqual(bootIds(lines), bootBefore);
    assert.deepEqual(
      (await c.servers.domainsOn(host.id)).sort(),
      [`strato-${steady}`, `strato-${selfoff}`].sort(),
      'the restarted agent neither lost nor added domains',
    );
  });

  it('after kill -9 of the conductor mid-boot: images, flavors, tokens and instances intact; the boots finish', async () => {
    const c = cloud();
    const host = c.hosts[0]!;
    await c.admin.identity.CreateProject({ name: 'p-resil' });
    await c.admin.identity.CreateUser({
      name: 'u-resil',
      password: 'resilient-pass',
      project: 'p-resil',
      role: 'member',
    });
    member = await c.api();
    await member.login('u-resil', 'resilient-pass', 'p-resil');
    const memberServer = (await c.servers.create({ name: 'member-vm', image: 'testvm', flavor: 'm1.tiny' }, member)).id;

    const snapshot = async () => ({
      images: (await c.admin.images.ListImages({})).images.map((i) => `${i.id}:${i.name}:${i.status}:${i.sha256}`),
      flavors: (await c.admin.flavors.ListFlavors({})).flavors.map((f) => `${f.id}:${f.name}:${f.vcpus}:${f.ramMib}`),
      servers: (await c.admin.servers.ListServers({ allProjects: true })).servers
        .map((s) => `${s.id}:${s.name}`)
        .sort(),
    });

    const before = await snapshot();
    // Boots accepted a moment before the crash, still in BUILD when it hits.
    const first = (await c.servers.create({ name: 'midboot-1', image: 'testvm', flavor: 'm1.tiny' })).id;
    const second = (await c.servers.create({ name: 'midboot-2', image: 'testvm', flavor: 'm1.tiny' })).id;
    const atCrash = await c.servers.get(second);
    await c.conductor.kill('SIGKILL');
    assert.equal(atCrash.vmState, 'BUILD', 'the crash was meant to hit a boot in progress');
    before.servers = [...before.servers, `${first}:midboot-1`, `${second}:midboot-2`].sort();

    await c.conductor.start();
    // Old tokens still work: the calls below carry the tokens from before the crash.
    const who = await waitFor(
      () => c.admin.identity.WhoAmI({}),
      () => true,
      {
        timeoutMs: 30_000,
        retryErrors: true,
        intervalMs: 250,
        what: 'the restarted conductor to answer',
      },
    );
    assert.equal(who.user?.name, 'admin');
    assert.equal((await member.identity.WhoAmI({})).user?.name, 'u-resil');
    const after = await snapshot();
    assert.deepEqual(after.images, before.images);
    assert.deepEqual(after.flavors, before.flavors);
    assert.deepEqual(after.servers, before.servers);

    const ends = await Promise.all(
      [first, second, memberServer].map((id) =>
        c.servers.waitFor(
          id,
          (s) => (s.vmState === 'ACTIVE' || s.vmState === 'ERROR') && s.taskState === '',
          BOOT_TIMEOUT_MS,
          'the interrupted boot to end ACTIVE or ERROR',
        ),
      ),
    );
    const active = ends.filter((s) => s.vmState === 'ACTIVE').map((s) => s.id);
    for (const id of active) assert.equal((await c.servers.get(id)).powerState, 'RUNNING');
    assert.deepEqual(
      (await c.servers.domainsOn(host.id)).sort(),
      [steady, ...active, ...(await selfoffId())].map((id) => `strato-${id}`).sort(),
      `one domain per instance that should have one (ends: ${ends.map((s) => `${s.name}=${s.vmState}`).join(', ')})`,
    );
    const h = await c.admin.hosts.GetHost({ host: host.id });
    // Claims follow instances: the SHUTOFF guest keeps its claim, an ERROR boot holds none.
    assert.equal(h.usage?.ramMib, 256 * (active.length + 2));

    async function selfoffId(): Promise<string[]> {
      return [(await c.servers.get('selfoff')).id];
    }
  });
});
