// The sd_notify side of the daemons against a fake NOTIFY_SOCKET (a real datagram
// socket): READY=1 with a status, STATUS= kept current, WATCHDOG=1 at half of
// WATCHDOG_USEC only while every registered loop turns (and not at all once the event
// loop is blocked by the test-only trigger), STOPPING=1, and nothing at all without
// NOTIFY_SOCKET. The agent's and conductor's status lines: degraded while libvirtd is
// away (the watchdog keeps being fed) and back when it returns; store failures.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { AgentHealth, agentStatus } from '../../../agent/agent-status.ts';
import type { HypervisorEvents } from '../../../agent/hypervisor/hypervisor.ts';
import { internal } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';
import { Liveness } from '../../../common/systemd/liveness.ts';
import { encodeNotify, openNotifySink, parseNotifyAddress } from '../../../common/systemd/notify-socket.ts';
import { ServiceNotifier, watchdogIntervalMs } from '../../../common/systemd/service-notifier.ts';
import { conductorStatus } from '../../../conductor/conductor-status.ts';
import { type FakeNotifySocket, fakeNotifySocket } from './fake-notify-socket.ts';

const quiet = log.child({});
quiet.level = 'silent';
const NODE = process.execPath;
const HANG_CHILD = fileURLToPath(new URL('./fixtures/hang-child.ts', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function socket(): Promise<FakeNotifySocket> {
  const s = await fakeNotifySocket();
  cleanups.push(() => s.close());
  return s;
}

function notifier(env: NodeJS.ProcessEnv, status: () => string, liveness = new Liveness()): ServiceNotifier {
  const n = new ServiceNotifier({ log: quiet, liveness, status, statusIntervalMs: 50, env });
  cleanups.push(() => n.close());
  return n;
}

describe('NOTIFY_SOCKET and WATCHDOG_USEC', () => {
  test('addresses: a path, or @name for the abstract namespace; anything else is none', () => {
    assert.deepEqual(parseNotifyAddress('/run/systemd/notify'), { kind: 'path', path: '/run/systemd/notify' });
    assert.deepEqual(parseNotifyAddress('@/org/freedesktop/systemd1/notify'), {
      kind: 'abstract',
      name: '/org/freedesktop/systemd1/notify',
    });
    for (const v of [undefined, '', '@', 'relative/notify']) assert.equal(parseNotifyAddress(v), undefined, `${v}`);
  });

  test('one datagram of KEY=value lines; a status cannot inject a second assignment', () => {
    assert.equal(
      encodeNotify({ READY: 1, STATUS: 'serving\nWATCHDOG=trigger' }).toString(),
      'READY=1\nSTATUS=serving WATCHDOG=trigger\n',
    );
  });

  test('the watchdog period is half of WATCHDOG_USEC, and only for the process WATCHDOG_PID names', () => {
    assert.equal(watchdogIntervalMs({ WATCHDOG_USEC: '30000000' }), 15_000);
    assert.equal(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: String(process.pid) }), 15_000);
    assert.equal(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '1' }), undefined);
    assert.equal(watchdogIntervalMs({ WATCHDOG_USEC: 'soon' }), undefined);
    assert.equal(watchdogIntervalMs({}), undefined);
  });

  test('without NOTIFY_SOCKET nothing is sent and nothing fails; an abstract one is refused, not misaddressed', async () => {
    const env: NodeJS.ProcessEnv = { WATCHDOG_USEC: '100000' };
    const n = notifier(env, () => 'serving');
    await n.ready();
    await n.refreshStatus();
    await n.stopping();
    assert.equal(n.status, 'stopping: draining calls');
    const abstract = openNotifySink({ NOTIFY_SOCKET: '@strato-test' }, quiet);
    assert.equal(abstract.enabled, false);
  });
});

describe('ServiceNotifier through a fake NOTIFY_SOCKET', () => {
  test('READY=1 with the status, STATUS= on change, STOPPING=1; the variables leave the environment', async () => {
    const s = await socket();
    const env: NodeJS.ProcessEnv = { NOTIFY_SOCKET: s.path, WATCHDOG_USEC: '60000000', WATCHDOG_PID: `${process.pid}` };
    let status = 'serving, 0 hosts up';
    const n = notifier(env, () => status);
    assert.deepEqual(env, {}, 'children must not inherit NOTIFY_SOCKET or the watchdog');
    await n.ready();
    assert.deepEqual(await s.waitFor((m) => m.READY === '1'), { READY: '1', STATUS: 'serving, 0 hosts up' });
    status = 'serving, 2 hosts up';
    await s.waitFor((m) => m.STATUS === 'serving, 2 hosts up');
    await n.stopping();
    assert.deepEqual(await s.waitFor((m) => m.STOPPING === '1'), { STOPPING: '1', STATUS: 'stopping: draining calls' });
    // Each change is sent once, not at every refresh.
    assert.equal(s.received.filter((m) => m.STATUS === 'serving, 2 hosts up').length, 1);
  });

  test('WATCHDOG=1 every half period while the loops turn, withheld while one is stuck, resumed after', async () => {
    const s = await socket();
    const liveness = new Liveness();
    const loop = liveness.register('heartbeat', 150);
    const turning = setInterval(() => loop.beat(), 20);
    cleanups.push(() => clearInterval(turning));
    const n = notifier({ NOTIFY_SOCKET: s.path, WATCHDOG_USEC: '100000' }, () => 'serving', liveness);
    await n.ready();
    await sleep(400);
    assert.ok(s.pings() >= 4, `about one ping per 50 ms while turning, got ${s.pings()}`);

    clearInterval(turning); // the loop hangs
    const stuck = await s.waitFor((m) => m.STATUS?.startsWith('stuck:') === true);
    assert.match(stuck.STATUS!, /^stuck: heartbeat stopped turning/);
    const mark = s.received.length;
    await sleep(400);
    assert.equal(s.pings(mark), 0, 'no ping while a loop is stuck');

    const again = setInterval(() => loop.beat(), 20);
    cleanups.push(() => clearInterval(again));
    await sleep(300);
    assert.ok(s.pings(mark) >= 2, 'pings resume once the loop turns again');
  });

  test('a loop that ended on purpose no longer counts', async () => {
    const liveness = new Liveness();
    const loop = liveness.register('resync', 10);
    await sleep(30);
    assert.deepEqual(liveness.stale(), ['resync']);
    loop.retire();
    assert.deepEqual(liveness.stale(), []);
  });
});

describe('the test-only hang trigger', () => {
  function child(env: NodeJS.ProcessEnv): ChildProcess {
    const c = spawn(NODE, [HANG_CHILD], { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
    cleanups.push(() => {
      c.kill('SIGKILL');
    });
    return c;
  }

  test('SIGUSR2 blocks the event loop: the pings stop, as systemd needs to see', async () => {
    const s = await socket();
    const c = child({ NOTIFY_SOCKET: s.path, WATCHDOG_USEC: '200000', STRATO_TEST_HANG_TRIGGER: '1' });
    await s.waitFor((m) => m.READY === '1', 15_000);
    await s.waitFor(() => s.pings() >= 3, 5000);
    c.kill('SIGUSR2');
    await sleep(300); // a ping already in flight may still land
    const mark = s.received.length;
    await sleep(800);
    assert.equal(s.pings(mark), 0, 'a blocked event loop sends nothing');
    assert.equal(c.exitCode, null, 'the process is hung, not gone: the watchdog must act');
  });

  test('without the variable SIGUSR2 keeps its default action (the process ends)', async () => {
    const s = await socket();
    const c = child({ NOTIFY_SOCKET: s.path });
    await s.waitFor((m) => m.READY === '1', 15_000);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => c.once('exit', (_code, sig) => resolve(sig)));
    c.kill('SIGUSR2');
    assert.equal(await exited, 'SIGUSR2');
  });
});

describe('status lines', () => {
  test('the agent: degraded while libvirtd is away, fed watchdog all along, serving again when it is back', async () => {
    const s = await socket();
    const hv = new EventEmitter<HypervisorEvents>();
    const health = new AgentHealth('hv-1', '10.0.0.1:8775');
    health.watchHypervisor(hv);
    const liveness = new Liveness();
    const heartbeat = liveness.register('heartbeat', 150);
    // The registrar keeps turning (and failing nothing) while libvirt is away.
    const turning = setInterval(() => heartbeat.beat(), 20);
    cleanups.push(() => clearInterval(turning));
    const n = notifier({ NOTIFY_SOCKET: s.path, WATCHDOG_USEC: '100000' }, () => health.status, liveness);
    health.on('change', () => void n.refreshStatus());
    await n.ready();
    assert.equal(
      (await s.waitFor((m) => m.READY === '1')).STATUS,
      'starting: registering with conductor 10.0.0.1:8775',
    );
    health.conductorTurn(true, true, '10.0.0.1:8775');
    await s.waitFor((m) => m.STATUS === 'serving as hv-1, registered with conductor 10.0.0.1:8775');

    hv.emit('disconnected');
    await s.waitFor((m) => m.STATUS === 'degraded: libvirt unreachable, reconnecting');
    const mark = s.received.length;
    await sleep(300);
    assert.ok(s.pings(mark) >= 3, 'losing libvirtd is no reason to be restarted');

    hv.emit('reconnected');
    await s.waitFor(
      (m) => m.STATUS === 'serving as hv-1, registered with conductor 10.0.0.1:8775' && s.received.indexOf(m) > mark,
    );
  });

  test('the agent: worst first', () => {
    const base = { hostId: 'hv', conductor: 'c:1', libvirtConnected: true, registered: true, conductorAnswered: true };
    assert.equal(agentStatus(base), 'serving as hv, registered with conductor c:1');
    assert.equal(agentStatus({ ...base, conductorAnswered: false }), 'degraded: conductor c:1 unreachable, retrying');
    assert.equal(
      agentStatus({ ...base, conductorAnswered: false, libvirtConnected: false }),
      'degraded: libvirt unreachable, reconnecting',
    );
    assert.equal(
      agentStatus({ ...base, registered: false, conductorAnswered: undefined }),
      'starting: registering with conductor c:1',
    );
  });

  test('the conductor: hosts up and down, or the store failing', async () => {
    type Hosts = Parameters<typeof conductorStatus>[0];
    const hosts = (states: Array<'up' | 'down'>): Hosts =>
      ({
        list: async () => states.map((st, i) => ({ id: `h${i}`, st })),
        state: (h: { st: 'up' | 'down' }) => h.st,
      }) as unknown as Hosts;
    assert.equal(await conductorStatus(hosts([])), 'serving, 0 hosts up');
    assert.equal(await conductorStatus(hosts(['up'])), 'serving, 1 host up');
    assert.equal(await conductorStatus(hosts(['up', 'down', 'up'])), 'serving, 2 hosts up, 1 down');
    const broken = {
      list: async () => {
        throw internal('STORE_IO', 'disk I/O error');
      },
      state: () => 'up' as const,
    };
    assert.equal(await conductorStatus(broken), 'degraded: store unusable (STORE_IO)');
  });
});
