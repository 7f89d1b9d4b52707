// strato as an operator runs it: installed by `scripts/install-host --role all` into a
// Debian 12 container booted by a real systemd (test/harness/systemd-container.ts),
// with libvirtd, virtlogd and tgtd as Debian's units and a real TCG guest inside the
// container (its own network namespace: taps, bridges and dnsmasq never touch this
// machine's). What the units promise, checked through systemctl and the journal:
// READY and STATUS, install-host idempotent, `systemctl restart strato-agent` leaving
// the guest's QEMU, tap and dnsmasq alone (same pids, and its DHCP server still
// answering), kill -9 and a hung event loop (the test-only trigger) followed by a
// restart and convergence, libvirtd away making the agent degraded but never killed,
// `systemctl stop` draining within its timeout, and uninstall-host keeping the state.
//
// Two test-only settings, in drop-ins under /run (nothing of the installation changes):
// WatchdogSec=8s instead of 30s, so a watchdog kill takes seconds, and
// STRATO_TEST_HANG_TRIGGER=1, which arms the SIGUSR2 trigger (common/systemd/).
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootSystemdContainer, REPO, type SystemdContainer } from '../../harness/systemd-container.ts';
import { testImage } from '../../harness/test-image.ts';
import { seedCloud } from './seed.ts';
import { scenario, until } from './steps.ts';

const TEST_WATCHDOG_S = 8;
const AGENT = 'strato-agent.service';
const CONDUCTOR = 'strato-conductor.service';
const HOST_ID = 'hv1';
const STRATO = `${REPO}/bin/strato`;
// Asks dnsmasq for a lease every 2 s and prints what it got: "the guest keeps its lease"
// means these keep coming, with the same address, across an agent restart.
const USER_DATA = `#!/bin/sh
cat >/root/lease.sh <<'EOF'
#!/bin/sh
[ "$1" = bound ] && echo "STRATO-TEST-LEASE $ip" >/dev/console
exit 0
EOF
chmod 755 /root/lease.sh
( while :; do
    udhcpc -i eth0 -n -q -t 3 -T 1 -s /root/lease.sh >/dev/null 2>&1 || echo STRATO-TEST-LEASE-FAIL >/dev/console
    sleep 2
  done ) </dev/null >/dev/null 2>&1 &
`;

let c: SystemdContainer;

/** `systemctl show` properties of a unit. */
async function show(unit: string, ...props: string[]): Promise<Record<string, string>> {
  const out = await c.run(['systemctl', 'show', unit, ...props.flatMap((p) => ['-p', p])]);
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

const strato = (...args: string[]) => c.run([STRATO, ...args]);

/** Active, with a status line matching `status`: returns its main pid. */
function serving(unit: string, status: RegExp, timeoutMs = 90_000): Promise<string> {
  return until(
    `${unit} active with status ${status}`,
    async () => {
      const s = await show(unit, 'ActiveState', 'SubState', 'StatusText', 'MainPID');
      return s.ActiveState === 'active' && s.SubState === 'running' && status.test(s.StatusText ?? '')
        ? s.MainPID
        : undefined;
    },
    timeoutMs,
  );
}

const AGENT_SERVING = new RegExp(`^serving as ${HOST_ID}, registered with conductor 127\\.0\\.0\\.1:8775$`);
const CONDUCTOR_SERVING = /^serving, 1 host up$/;

async function restarts(unit: string): Promise<number> {
  return Number((await show(unit, 'NRestarts')).NRestarts);
}

/** Messages of a unit's JSON log lines since `cursor` (an ISO time). */
async function logMessages(unit: string, since: string): Promise<string[]> {
  const out = await c.run(['journalctl', '--no-pager', '-o', 'cat', '--since', since, '-u', unit]);
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { msg: string }).msg);
}

const containerNow = async (): Promise<string> => (await c.run(['date', '+%Y-%m-%d %H:%M:%S'])).trim();

describe('strato under a real systemd', { timeout: 900_000 }, () => {
  const { step, failed } = scenario();
  let serverId = '';
  let netId = '';

  before(async () => {
    const image = await testImage();
    c = await bootSystemdContainer({ binds: [{ path: dirname(image.disk) }] });
    for (const unit of [AGENT, CONDUCTOR]) {
      const dropIn = join(c.root, `run/systemd/system/${unit}.d`);
      await mkdir(dropIn, { recursive: true });
      await writeFile(
        join(dropIn, 'test.conf'),
        `# TEST ONLY (test/e2e/systemd/services.test.ts)\n[Service]\nWatchdogSec=${TEST_WATCHDOG_S}s\nEnvironment=STRATO_TEST_HANG_TRIGGER=1\n`,
      );
    }
  });

  after(async () => {
    if (failed() && c !== undefined) {
      for (const u of [CONDUCTOR, AGENT]) process.stderr.write(`--- ${u}\n${await c.journal(u, 80)}\n`);
    }
    await c?.stop();
  });

  step('install-host --role all: both units active after READY, with their status lines', async () => {
    const out = await c.run([`${REPO}/scripts/install-host`, '--role', 'all', '--host-id', HOST_ID], {
      timeoutMs: 300_000,
    });
    assert.match(out, /strato installed on this host \(role all\)/);
    await serving(AGENT, AGENT_SERVING);
    await serving(CONDUCTOR, CONDUCTOR_SERVING);
    for (const unit of [AGENT, CONDUCTOR]) {
      const s = await show(unit, 'Type', 'UnitFileState', 'NRestarts');
      assert.deepEqual(s, { Type: 'notify', UnitFileState: 'enabled', NRestarts: '0' }, unit);
    }
    const conductorPid = (await show(CONDUCTOR, 'MainPID')).MainPID!;
    assert.equal((await c.run(['ps', '-o', 'user=', '-p', conductorPid])).trim(), 'strato', 'conductor unprivileged');
  });

  step('install-host again changes nothing and restarts nothing', async () => {
    const before = [(await show(AGENT, 'MainPID')).MainPID, (await show(CONDUCTOR, 'MainPID')).MainPID];
    await c.run([`${REPO}/scripts/install-host`, '--role', 'all', '--host-id', HOST_ID], { timeoutMs: 300_000 });
    const after = [(await show(AGENT, 'MainPID')).MainPID, (await show(CONDUCTOR, 'MainPID')).MainPID];
    assert.deepEqual(after, before);
  });

  // The guest's processes and links, as the host sees them.
  const guestSide = async () => {
    const qemu = (await c.run(['cat', `/run/libvirt/qemu/strato-${serverId}.pid`])).trim();
    const taps = (await c.run(['ip', '-o', 'link', 'show']))
      .split('\n')
      .filter((l) => / tap[0-9a-f-]+[:@]/.test(l))
      .map((l) => l.split(':').slice(0, 2).join(':'));
    const unit = `strato-dnsmasq-qdhcp-${netId}.service`;
    const dnsmasq = await show(unit, 'ActiveState', 'MainPID');
    return { qemu, taps, dnsmasq };
  };
  const leases = async () =>
    (await strato('console', 'log', serverId, '--lines', '1000'))
      .split('\n')
      .filter((l) => l.startsWith('STRATO-TEST-LEASE'));

  step('a guest boots, its DHCP from dnsmasq running in a unit of its own', async () => {
    await seedCloud(strato);
    netId = (JSON.parse(await strato('network', 'show', 'net1', '-f', 'json')) as { id: string }).id;
    await writeFile(join(c.root, 'root/user-data'), USER_DATA);
    await strato(
      ...['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny', '--network', 'net1'],
      ...['--user-data', '/root/user-data', '--wait', 'vm1'],
    );
    serverId = (JSON.parse(await strato('server', 'show', 'vm1', '-f', 'json')) as { id: string }).id;
    await until('two leases', async () => ((await leases()).length >= 2 ? true : undefined), 180_000);
    const g = await guestSide();
    assert.equal(g.dnsmasq.ActiveState, 'active', 'dnsmasq runs as strato-dnsmasq-qdhcp-<network>.service');
    assert.equal(g.taps.length, 1);
    const agentCgroup = await c.run(['cat', `/proc/${g.dnsmasq.MainPID}/cgroup`]);
    assert.doesNotMatch(agentCgroup, /strato-agent\.service/, 'dnsmasq is not in the agent cgroup');
  });

  step('systemctl restart strato-agent: QEMU, tap and dnsmasq untouched, the guest keeps its lease', async () => {
    const before = await guestSide();
    const oldAgent = (await show(AGENT, 'MainPID')).MainPID;
    const since = await containerNow();
    await c.run(['systemctl', 'restart', AGENT]);
    const newAgent = await serving(AGENT, AGENT_SERVING);
    assert.notEqual(newAgent, oldAgent);
    assert.deepEqual(await guestSide(), before, 'same QEMU pid, same tap (index and name), same dnsmasq pid');
    const seen = (await leases()).length;
    const after = await until('two more leases', async () => {
      const l = await leases();
      return l.length >= seen + 2 ? l : undefined;
    });
    assert.deepEqual(
      [...new Set(after.filter((l) => l !== 'STRATO-TEST-LEASE-FAIL'))],
      [after[0]],
      'one address, before and after',
    );
    assert.ok(!after.includes('STRATO-TEST-LEASE-FAIL'), 'no DHCP request went unanswered');
    assert.ok((await logMessages(AGENT, since)).includes('registered with conductor'));
  });

  step('kill -9 of the agent: systemd restarts it, it registers again, the guest is untouched', async () => {
    const before = await guestSide();
    const n = await restarts(AGENT);
    const since = await containerNow();
    await c.run(['systemctl', 'kill', '--signal=SIGKILL', '--kill-who=main', AGENT]);
    await until('a restart', async () => ((await restarts(AGENT)) === n + 1 ? true : undefined));
    await serving(AGENT, AGENT_SERVING);
    assert.ok((await logMessages(AGENT, since)).includes('registered with conductor'));
    assert.deepEqual(await guestSide(), before);
  });

  step('kill -9 of the conductor: systemd restarts it and hears from the agent again', async () => {
    const n = await restarts(CONDUCTOR);
    await c.run(['systemctl', 'kill', '--signal=SIGKILL', '--kill-who=main', CONDUCTOR]);
    await until('a restart', async () => ((await restarts(CONDUCTOR)) === n + 1 ? true : undefined));
    await serving(CONDUCTOR, CONDUCTOR_SERVING);
    const host = JSON.parse(await strato('host', 'show', HOST_ID, '-f', 'json')) as { state: string };
    assert.equal(host.state, 'up');
    const vm = JSON.parse(await strato('server', 'show', 'vm1', '-f', 'json')) as { vmState: string };
    assert.equal(vm.vmState, 'ACTIVE');
  });

  step('a hung event loop: the watchdog kills each daemon and systemd restarts it', async () => {
    const units = [AGENT, CONDUCTOR];
    const counts = await Promise.all(units.map(restarts));
    const since = await containerNow();
    for (const u of units) await c.run(['systemctl', 'kill', '--signal=SIGUSR2', '--kill-who=main', u]);
    for (const [i, u] of units.entries()) {
      await until(`${u} restarted`, async () => ((await restarts(u)) === counts[i]! + 1 ? true : undefined), 90_000);
    }
    await serving(AGENT, AGENT_SERVING);
    await serving(CONDUCTOR, CONDUCTOR_SERVING);
    for (const u of units) {
      const journal = await c.run(['journalctl', '--no-pager', '-o', 'cat', '--since', since, '-u', u]);
      assert.match(journal, /Watchdog timeout/, `${u} was killed by the watchdog, not otherwise`);
    }
  });

  step('libvirtd away: the agent says so and keeps running; serving again once it is back', async () => {
    const pid = (await show(AGENT, 'MainPID')).MainPID;
    const n = await restarts(AGENT);
    // The sockets too: socket activation would bring libvirtd straight back.
    const libvirt = ['libvirtd.socket', 'libvirtd-ro.socket', 'libvirtd-admin.socket', 'libvirtd.service'];
    await c.run(['systemctl', 'stop', ...libvirt]);
    await serving(AGENT, /^degraded: libvirt unreachable, reconnecting$/, 30_000);
    await sleep((TEST_WATCHDOG_S + 4) * 1000);
    assert.deepEqual([(await show(AGENT, 'MainPID')).MainPID, await restarts(AGENT)], [pid, n], 'not restarted');
    await c.run(['systemctl', 'start', ...libvirt]);
    await serving(AGENT, AGENT_SERVING, 60_000);
    assert.equal((await show(AGENT, 'MainPID')).MainPID, pid);
  });

  step('systemctl stop drains within TimeoutStopSec and leaves the guest running', async () => {
    const before = await guestSide();
    const since = await containerNow();
    const t0 = Date.now();
    await c.run(['systemctl', 'stop', AGENT, CONDUCTOR], { timeoutMs: 120_000 });
    const took = Date.now() - t0;
    for (const u of [AGENT, CONDUCTOR]) {
      const s = await show(u, 'ActiveState', 'Result', 'ExecMainCode', 'ExecMainStatus', 'TimeoutStopUSec');
      assert.deepEqual(
        [s.ActiveState, s.Result, s.ExecMainCode, s.ExecMainStatus],
        ['inactive', 'success', '1', '0'],
        u,
      );
      assert.ok(took < 30_000, `stopping took ${took} ms (TimeoutStopSec ${s.TimeoutStopUSec})`);
    }
    assert.ok((await logMessages(AGENT, since)).includes('agent stopped'));
    assert.ok((await logMessages(CONDUCTOR, since)).includes('conductor stopped'));
    assert.deepEqual(await guestSide(), before, 'the guest, its tap and its DHCP outlive the agent');
  });

  step(
    'uninstall-host removes units and settings, keeps the state; --purge refuses while a guest is defined',
    async () => {
      const purge = await c.exec([`${REPO}/scripts/uninstall-host`, '--purge']);
      assert.notEqual(purge.code, 0);
      assert.match(purge.output, /--purge would remove the disks of strato-/);
      await c.run([`${REPO}/scripts/uninstall-host`]);
      for (const u of [AGENT, CONDUCTOR]) assert.equal((await show(u, 'LoadState')).LoadState, 'not-found', u);
      const left = (await c.run(['ls', '/etc/strato', '/etc/strato/tls', '/var/lib/strato'])).split('\n');
      assert.ok(!left.includes('agent.env') && !left.includes('conductor.env'), 'settings removed');
      for (const kept of ['ca.key', 'conductor.key', 'agent', 'conductor'])
        assert.ok(left.includes(kept), `${kept} kept`);
    },
  );
});
