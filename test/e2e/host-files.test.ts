// Tenant data on a hypervisor host (issue 7, items 1 and 10). Two guests boot with a
// secret in their user data and a DHCP port each; the second port reaches a dnsmasq
// already running, which learns it on SIGHUP by re-reading its hosts file as its own
// account. Both guests read the secret from their config drive and get their address,
// yet no file or directory under the agent's state directory is readable by another
// local account (`nobody`, which dnsmasq used to run as), though the secret is on disk
// there. Deleting the servers leaves no file named after them under the host's
// /var/log/libvirt (libvirt's per-domain log) or the agent's state directory.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type RunResult, run } from '../harness/host-plumbing.ts';
import { useCloud } from './lib/fixture.ts';
import { script } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const GUEST_TIMEOUT_MS = 120_000;
const CIDR = '10.78.0.0/24';

/** Every path below `dir` (itself included), as root sees them. */
async function tree(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return [dir, ...(await readdir(dir, { recursive: true })).map((p) => join(dir, p))];
}

/** Runs as `nobody`; never rejects (a permission error is what most checks expect). */
function asNobody(cmd: string, args: readonly string[]): Promise<RunResult & { failed: boolean }> {
  return run('runuser', ['-u', 'nobody', '--', cmd, ...args]).then(
    (r) => ({ ...r, failed: false }),
    (err: unknown) => ({ stdout: '', stderr: String(err), failed: true }),
  );
}

describe('tenant data on the host (e2e: conductor, agent, libvirtd, dnsmasq, TCG guests)', { timeout: 900_000 }, () => {
  const cloud = useCloud({ hosts: 1 });
  const world = new NetWorld(cloud);
  const secret = `SECRET-${randomBytes(12).toString('hex')}`;
  const secretSha = createHash('sha256').update(secret).digest('hex');
  // The guest proves it read the secret from its config drive by printing its digest.
  const userData = script([`secret='${secret}'`, 'echo E2E-SECRET-SHA $(printf %s "$secret" | sha256sum)']);
  const guests: NetGuest[] = [];

  const stateDir = () => cloud().hosts[0]!.stateDir;
  /** The simulated host's private /var/log/libvirt. */
  const libvirtLogDir = () => join(cloud().hosts[0]!.sim.dir, 'log');

  it('boots two guests one after the other: each reads its user data and gets its address by DHCP', async () => {
    const c = cloud();
    const host = c.hosts[0]!.id;
    const net = await world.network('private-net', CIDR);
    for (const [name, ip] of [
      ['private-a', '10.78.0.10'],
      ['private-b', '10.78.0.11'],
    ] as const) {
      const port = await world.port(name, net.id, ip);
      const g = await world.boot(name, host, port, userData);
      guests.push(g);
      await world.untilConsole(
        g,
        (ls) => ls.some((l) => l.includes(`STRATO-ADDR eth0 ${ip}/24`)),
        GUEST_TIMEOUT_MS,
        'its DHCP address',
      );
      const lines = await world.untilConsole(
        g,
        (ls) => ls.some((l) => l.includes('E2E-SECRET-SHA')),
        GUEST_TIMEOUT_MS,
        'its user data',
      );
      assert.ok(
        lines.some((l) => l.includes(`E2E-SECRET-SHA ${secretSha}`)),
        'the guest read the secret from its config drive',
      );
    }
  });

  it('no file or directory under the agent state directory is readable by nobody, though the secret is there', async () => {
    const dir = stateDir();
    const paths = await tree(dir);
    const [a] = guests;
    const net = world.networks[0]!.id;
    // What the check must cover: the images, each instance's disks, console and config
    // drive, the network state and dnsmasq's files (hosts, leases, log).
    for (const p of [
      join(dir, 'images', cloud().image.sha256),
      join(dir, 'instances', a!.id, 'disk.qcow2'),
      join(dir, 'instances', a!.id, 'disk.config'),
      join(dir, 'instances', a!.id, 'console.log'),
      join(dir, 'network', 'desired-state.json'),
      join(dir, 'network', 'dhcp', net, 'hosts'),
      join(dir, 'network', 'dhcp', net, 'leases'),
    ]) {
      assert.ok(paths.includes(p), `${p} exists`);
    }
    // As root the secret is found on disk (the config drives): the checks below are not vacuous.
    const asRoot = await run('grep', ['-rl', '--', secret, dir]).catch(() => ({ stdout: '' }));
    for (const g of guests)
      assert.ok(asRoot.stdout.includes(join(dir, 'instances', g.id, 'disk.config')), asRoot.stdout);

    const readable = await asNobody('sh', ['-c', 'for f; do [ -r "$f" ] && echo "$f"; done; exit 0', 'sh', ...paths]);
    assert.equal(readable.failed, false, readable.stderr);
    assert.deepEqual(readable.stdout.split('\n').filter(Boolean), [], 'readable by nobody');
    const grep = await asNobody('grep', ['-rl', '--', secret, dir]);
    assert.equal(grep.stdout, '', 'nobody finds the secret');
  });

  it('deleting the servers leaves no file named after them under /var/log/libvirt or the state directory', async () => {
    const logs = libvirtLogDir();
    for (const g of guests) {
      assert.ok(existsSync(join(logs, 'qemu', `strato-${g.id}.log`)), `libvirt logged ${g.name} in ${logs}/qemu`);
    }
    await world.deleteAll();
    const left = [...(await tree(logs)), ...(await tree(stateDir()))].filter((p) =>
      guests.some((g) => p.includes(g.id)),
    );
    assert.deepEqual(left, []);
  });
});
