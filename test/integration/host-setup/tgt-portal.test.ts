// tgtd serves iSCSI on loopback only (issue 7, item 2): left to itself it listens on
// 0.0.0.0 and [::] port 3260, on every network the host is on. This host, set up by
// scripts/setup-host, must listen on 127.0.0.1:3260 alone. The rules setup-host applies
// (scripts/lib/tgt.sh) are also run against private tgtd daemons, each in a network
// namespace of its own with its own control socket: a fresh start binds loopback only,
// a daemon started the old way is moved to loopback live (same process, targets kept),
// and Debian's tgt.service with strato's drop-in passes `systemd-analyze verify`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inNetns, runCommand } from '../../../agent/network/linux/run-command.ts';
import { processAlive } from '../../harness/processes.ts';
import { waitFor } from '../../harness/wait.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const IQN = 'iqn.2026-01.io.strato:tgt-portal-test';

/** Runs `script` in bash with scripts/lib/{common,tgt}.sh sourced. */
function tgtLib(script: string, env: Record<string, string> = {}, netns?: string) {
  const lib = `source ${ROOT}scripts/lib/common.sh; source ${ROOT}scripts/lib/tgt.sh; ${script}`;
  return runCommand([...inNetns(netns), 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'bash', '-c', lib]);
}

/** Local addresses listening on TCP 3260 in `netns` (the host's own without one). */
async function listeners3260(netns?: string): Promise<string[]> {
  const r = await runCommand([...inNetns(netns), 'ss', '-H', '-ltn', 'sport = :3260']);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/)[3] ?? '')
    .sort();
}

interface PrivateTgtd {
  netns: string;
  port: string;
  pidFile: string;
}

describe('tgtd listens on loopback only', () => {
  const tag = randomBytes(3).toString('hex');
  const daemons: PrivateTgtd[] = [];
  let dir: string;

  /** A network namespace (lo up) for a private tgtd with its own control port. */
  const privateTgtd = async (name: string): Promise<PrivateTgtd> => {
    const netns = `strato-tgt-${tag}-${name}`;
    assert.equal((await runCommand(['ip', 'netns', 'add', netns])).code, 0);
    const d = {
      netns,
      port: String(20_000 + (randomBytes(2).readUInt16BE() % 10_000)),
      pidFile: join(dir, `${name}.pid`),
    };
    daemons.push(d);
    assert.equal((await runCommand([...inNetns(netns), 'ip', 'link', 'set', 'lo', 'up'])).code, 0);
    return d;
  };
  const pidOf = async (d: PrivateTgtd): Promise<number> => Number(await readFile(d.pidFile, 'utf8'));
  const admin = (d: PrivateTgtd, ...args: string[]) => runCommand(['tgtadm', '--control-port', d.port, ...args]);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strato-tgt-'));
  });

  after(async () => {
    const running: number[] = [];
    for (const d of daemons) {
      // tgtd leaves on this request; SIGTERM alone does not stop it.
      await admin(d, '--op', 'delete', '--mode', 'system').catch(() => undefined);
      const pid = await pidOf(d).catch(() => 0);
      const exited = (timeoutMs: number) =>
        waitFor(
          () => processAlive(pid),
          (alive) => !alive,
          { what: `tgtd ${pid} to exit`, timeoutMs },
        );
      if (pid > 0) await exited(2_000).catch(() => process.kill(pid, 'SIGKILL'));
      if (
        pid > 0 &&
        !(await exited(5_000).then(
          () => true,
          () => false,
        ))
      )
        running.push(pid);
      await rm(`/run/tgtd/socket.${d.port}`, { force: true });
      await rm(`/run/tgtd/socket.${d.port}.lock`, { force: true });
      await runCommand(['ip', 'netns', 'delete', d.netns]);
    }
    await rm(dir, { recursive: true, force: true });
    assert.deepEqual(running, [], 'tgtd daemons the test started still run');
  });

  it('this host (after scripts/setup-host): 127.0.0.1:3260 and nothing else', async () => {
    assert.deepEqual(await listeners3260(), ['127.0.0.1:3260']);
  });

  it('a tgtd started by setup-host’s rule binds loopback only', async () => {
    const d = await privateTgtd('fresh');
    const r = await tgtLib(`start_tgtd --pid-file ${d.pidFile}`, { TGT_CONTROL_PORT: d.port }, d.netns);
    assert.equal(r.code, 0, r.stderr);
    await waitForListeners(d.netns, 1);
    assert.deepEqual(await listeners3260(d.netns), ['127.0.0.1:3260']);
  });

  it('a tgtd started with the wildcard portals moves to loopback live, keeping its targets; again: no change', async () => {
    const d = await privateTgtd('old');
    const started = await runCommand([...inNetns(d.netns), 'tgtd', '--control-port', d.port, '--pid-file', d.pidFile]);
    assert.equal(started.code, 0, started.stderr);
    await waitForListeners(d.netns, 2);
    assert.deepEqual(await listeners3260(d.netns), ['0.0.0.0:3260', '[::]:3260'], 'control: tgtd’s default');
    const made = await admin(d, '--lld', 'iscsi', '--op', 'new', '--mode', 'target', '--tid', '1', '-T', IQN);
    assert.equal(made.code, 0, made.stderr);
    const pid = await pidOf(d);

    const fixed = await tgtLib('tgt_loopback_portal', { TGT_CONTROL_PORT: d.port });
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.deepEqual(await listeners3260(d.netns), ['127.0.0.1:3260']);
    assert.equal(await pidOf(d), pid, 'not restarted');
    assert.ok(await processAlive(pid));
    assert.match((await admin(d, '--lld', 'iscsi', '--op', 'show', '--mode', 'target')).stdout, new RegExp(IQN));

    const again = await tgtLib('tgt_loopback_portal', { TGT_CONTROL_PORT: d.port });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stderr, '', 'nothing to do the second time');
    assert.deepEqual(await listeners3260(d.netns), ['127.0.0.1:3260']);
  });

  it('Debian’s tgt.service with strato’s drop-in verifies, its ExecStart binding loopback', async () => {
    const units = join(dir, 'units');
    const dropins = join(units, 'tgt.service.d');
    const installed = await tgtLib(`install_tgt_dropin ${dropins}`);
    assert.equal(installed.code, 0, installed.stderr);
    assert.equal((await tgtLib(`install_tgt_dropin ${dropins}`)).code, 1, 'already installed: nothing written');
    const dropin = await readFile(join(dropins, 'strato-portal.conf'), 'utf8');
    assert.deepEqual(
      dropin.split('\n').filter((l) => l.startsWith('ExecStart')),
      ['ExecStart=', 'ExecStart=/usr/sbin/tgtd -f --iscsi portal=127.0.0.1:3260'],
    );
    // Debian's own unit, unchanged; verify reads the drop-ins next to it (without the
    // empty ExecStart= it would refuse a second ExecStart for a Type=notify service).
    await writeFile(join(units, 'tgt.service'), await readFile('/lib/systemd/system/tgt.service'));
    const verify = await runCommand([
      'env',
      `SYSTEMD_UNIT_PATH=${units}:`,
      'systemd-analyze',
      'verify',
      join(units, 'tgt.service'),
    ]);
    assert.equal(verify.code, 0, verify.stderr);
  });
});

/** tgtd daemonizes before it listens: wait (bounded) for `n` listeners in `netns`. */
async function waitForListeners(netns: string, n: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const r = await runCommand([...inNetns(netns), 'ss', '-H', '-ltn', 'sport = :3260']);
    if (r.stdout.split('\n').filter((l) => l.trim() !== '').length >= n) return;
    await sleep(100);
  }
}
