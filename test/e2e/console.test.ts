// The interactive serial console end to end: `strato console attach` with piped
// stdin types a command into a real guest (through the conductor, the agent's
// AttachConsole and libvirt's console stream) and prints its output; the console
// log keeps recording meanwhile; a user of another project is refused as if the
// server did not exist; a caller that vanishes mid-session leaves the console
// free on the host (libvirt opens it without taking it over).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { runExitWithInput } from '../harness/exec.ts';
import type { Api } from './lib/api.ts';
import { strato } from './lib/cli.ts';
import type { Cloud } from './lib/cloud.ts';
import { useCloud } from './lib/fixture.ts';
import { withLibvirt } from './lib/host-libvirt.ts';

const STRATO = fileURLToPath(new URL('../../bin/strato', import.meta.url));

/** `strato console attach SERVER` as `api`'s user, `input` piped to it. */
function attach(c: Cloud, server: string, input: string, api: Api = c.admin) {
  const env = {
    ...process.env,
    STRATO_CONFIG: '/nonexistent/clouds.yaml',
    STRATO_URL: c.endpoint,
    STRATO_CA_FILE: c.caFile,
    STRATO_TOKEN: api.token,
  };
  return runExitWithInput(STRATO, ['console', 'attach', server, '--linger', '3', '--timeout', '60'], input, {
    env,
    timeout: 90_000,
  });
}

describe('console attach (e2e)', { timeout: 600_000 }, () => {
  const cloud = useCloud({ hosts: 1 });
  let serverId = '';

  it('boots a server whose console has a command reader', async () => {
    const c = cloud();
    serverId = (await c.servers.create({ name: 'con-1', image: c.image.id, flavor: 'm1.tiny' })).id;
    await c.servers.waitForState(serverId, 'ACTIVE', 'RUNNING');
    // The reader starts from inittab with the rest of the system.
    await c.servers.waitForConsole(serverId, 'CONFIG-DRIVE', 120_000);
  });

  it('types a command from piped stdin and prints its output; the console log has it too', async () => {
    const c = cloud();
    const r = await attach(c, 'con-1', 'echo E2E-CONSOLE-$((6*7))\n');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split(/\r?\n/);
    assert.ok(lines.includes('E2E-CONSOLE-42'), `no output line E2E-CONSOLE-42 in ${JSON.stringify(r.stdout)}`);
    assert.match(r.stderr, /Ctrl-\] to leave/);
    await c.servers.waitForConsole(serverId, 'E2E-CONSOLE-42', 10_000);
  });

  it('refuses a user of another project as if the server did not exist (NOT_FOUND)', async () => {
    const c = cloud();
    await c.admin.identity.CreateProject({ name: 'con-other' });
    await c.admin.identity.CreateUser({
      name: 'mallory',
      password: 'mallory-secret-pw',
      project: 'con-other',
      role: 'member',
    });
    const mallory = await c.api();
    await mallory.login('mallory', 'mallory-secret-pw', 'con-other');
    for (const ref of [serverId, 'con-1']) {
      const r = await attach(c, ref, 'echo E2E-INTRUDER-$((1+1))\n', mallory);
      assert.equal(r.code, 5, `exit code for NOT_FOUND: ${r.stderr}`);
      assert.match(r.stderr, /NOT_FOUND/);
    }
    const log = await c.servers.consoleLines(serverId);
    assert.ok(!log.some((l) => l.includes('E2E-INTRUDER-2')), 'nothing typed by the intruder reached the guest');
  });

  it('a client that vanishes mid-session releases the console: the next attach works at once', async () => {
    const c = cloud();
    const env = {
      ...process.env,
      STRATO_CONFIG: '/nonexistent/clouds.yaml',
      STRATO_URL: c.endpoint,
      STRATO_CA_FILE: c.caFile,
      STRATO_TOKEN: c.admin.token,
    };
    const child = spawn(STRATO, ['console', 'attach', 'con-1'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stdin.write('echo E2E-VANISH-$((2*4))\n');
    const deadline = Date.now() + 30_000;
    while (!out.split(/\r?\n/).includes('E2E-VANISH-8')) {
      assert.ok(Date.now() < deadline, `no E2E-VANISH-8 in ${JSON.stringify(out)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // Released on the host: libvirt opens the console without taking it over (no FORCE),
    // which it refuses while any session holds it.
    const host = c.hosts[0];
    assert.ok(host);
    const released = Date.now() + 15_000;
    for (;;) {
      const free = await withLibvirt(host, async (lv) => {
        try {
          const s = await lv.openConsole(`strato-${serverId}`, 0);
          s.resume(); // 'close' waits for the readable side to be consumed
          s.end();
          await once(s, 'close');
          return true;
        } catch {
          return false;
        }
      });
      if (free) break;
      assert.ok(Date.now() < released, 'the console is still held 15 s after its client vanished');
      await new Promise((r) => setTimeout(r, 250));
    }
    const r = await attach(c, 'con-1', 'echo E2E-AFTER-$((3*3))\n');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.split(/\r?\n/).includes('E2E-AFTER-9'), r.stdout);
    await strato(c, ['server', 'delete', serverId]);
  });
});
