// Moving servers between two simulated hosts with real QEMU guests (TCG), through
// the CLI as an operator and a user run it: cold migration of a running and of a
// stopped server (same power state, same addresses, still reachable by a neighbour
// on another host), live migration (the guest's ticker never restarts), and resize
// to a bigger flavor (the guest sees more memory, vCPUs and disk) with revert and
// confirm — the hosts' usage exact at every step.
// Needs the agent side of issue 12 (PrepareIncoming, StartMigration, ...): until it
// is merged the agents answer UNIMPLEMENTED and every move here ends in error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cloud } from './lib/cloud.ts';
import { stratoOk } from './lib/cli.ts';
import { useCloud } from './lib/fixture.ts';
import { bootIds, TICK, ticks } from './lib/guest.ts';
import { pingLoop, pingResults, script, tagged } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const IP_MOVER = '10.91.0.10';
const IP_PEER = '10.91.0.20';
const MOVE_TIMEOUT_S = '600';
const GUEST_TIMEOUT_MS = 180_000;
const TINY = { vcpus: 1, ramMib: 256, diskGib: 1 };
const BIG = { vcpus: 2, ramMib: 384, diskGib: 2 };

type Usage = { vcpus: number; ramMib: number; diskGib: number };
const ZERO: Usage = { vcpus: 0, ramMib: 0, diskGib: 0 };
const sum = (...fs: Usage[]): Usage => ({
  vcpus: fs.reduce((n, f) => n + f.vcpus, 0),
  ramMib: fs.reduce((n, f) => n + f.ramMib, 0),
  diskGib: fs.reduce((n, f) => n + f.diskGib, 0),
});

async function usage(c: Cloud, host: string): Promise<Usage> {
  const h = await c.admin.hosts.GetHost({ host });
  return { vcpus: h.usage?.vcpus ?? -1, ramMib: h.usage?.ramMib ?? -1, diskGib: h.usage?.diskGib ?? -1 };
}

async function assertUsage(c: Cloud, want: Record<string, Usage>, when: string) {
  for (const [host, u] of Object.entries(want)) assert.deepEqual(await usage(c, host), u, `usage of ${host} ${when}`);
}

async function json<T>(c: Cloud, args: string[]): Promise<T> {
  return JSON.parse(await stratoOk(c, [...args, '-f', 'json'], undefined, 700_000)) as T;
}

/** What the mover prints each boot: its memory (kB), CPUs and ticker; it answers its neighbour's pings. */
function moverScript(): Buffer {
  return script([
    "echo E2E-MEM $(grep MemTotal /proc/meminfo | tr -s ' ' | cut -d' ' -f2)",
    'echo E2E-CPUS $(grep -c ^processor /proc/cpuinfo)',
    // Every 0.1 s where busybox sleeps fractions, else every second.
    `(while :; do echo ${TICK} $(cut -d' ' -f1 /proc/uptime); sleep 0.1 2>/dev/null || sleep 1; done) &`,
  ]);
}

describe('moving servers (e2e: two simulated hosts, real QEMU)', { timeout: 3_600_000 }, () => {
  const cloud = useCloud({
    hosts: 2,
    capacity: { vcpus: 4, ramMib: 2048, diskGib: 20 },
    flavors: [
      { name: 'm1.tiny', ...TINY },
      { name: 'm1.big', ...BIG },
    ],
  });
  const world = new NetWorld(cloud);
  cloud.beforeStop(() => world.cleanUp());
  let mover: NetGuest;
  let peer: NetGuest;
  let a: string;
  let b: string;

  /** The mover's host now (admin view). */
  const hostOf = async (id: string) => (await cloud().servers.get(id)).host;
  const other = (h: string) => (h === a ? b : a);

  it('boots the mover on one host and a neighbour pinging it on the other', async () => {
    const c = cloud();
    [a, b] = [c.hosts[0]!.id, c.hosts[1]!.id];
    const net = await world.network('mig-net', '10.91.0.0/24');
    const pm = await world.port('mig-mover', net.id, IP_MOVER);
    const pp = await world.port('mig-peer', net.id, IP_PEER);
    [mover, peer] = await Promise.all([
      world.boot('mig-mover', a, pm, moverScript()),
      world.boot('mig-peer', b, pp, script([pingLoop(IP_MOVER)])),
    ]);
    await world.untilConsole(
      peer,
      (ls) => pingResults(ls, IP_MOVER).some((r) => r.ok),
      GUEST_TIMEOUT_MS,
      'reach mover',
    );
    await assertUsage(c, { [a]: TINY, [b]: TINY }, 'after boot');
  });

  /** The neighbour's pings to the mover answered after `since` answers so far. */
  const reachableAgain = async (since: number, what: string) =>
    world.untilConsole(
      peer,
      (ls) => pingResults(ls, IP_MOVER).filter((r) => r.ok).length > since + 3,
      GUEST_TIMEOUT_MS,
      what,
    );
  const answered = async () =>
    pingResults(await cloud().servers.consoleLines(peer.id), IP_MOVER).filter((r) => r.ok).length;

  it('cold-migrates the running server: ACTIVE on the other host, same address, reachable', async () => {
    const c = cloud();
    const from = await hostOf(mover.id);
    const before = await answered();
    const s = await json<{
      host: string;
      vmState: string;
      powerState: string;
      addresses: Record<string, { ips: string[] }>;
    }>(c, ['server', 'migrate', mover.id, '--wait', '--wait-timeout', MOVE_TIMEOUT_S]);
    assert.equal(s.host, other(from));
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.powerState, 'RUNNING');
    assert.deepEqual(s.addresses['mig-net']?.ips, [IP_MOVER]);
    assert.ok(!(await c.servers.domainsOn(from)).includes(`strato-${mover.id}`), `no domain left on ${from}`);
    assert.deepEqual(await c.servers.instanceFilesOn(from, mover.id), [], `no files left on ${from}`);
    await assertUsage(c, { [from]: ZERO, [other(from)]: sum(TINY, TINY) }, 'after the cold migration');
    await c.servers.waitForConsole(mover.id, `STRATO-ADDR eth0 ${IP_MOVER}/24`, GUEST_TIMEOUT_MS);
    await reachableAgain(before, 'reach the mover after the cold migration');
  });

  it('cold-migrates a stopped server: it stays SHUTOFF and starts on the new host', async () => {
    const c = cloud();
    await c.servers.action(mover.id, 'stop');
    await c.servers.waitForState(mover.id, 'SHUTOFF', 'SHUTDOWN');
    const from = await hostOf(mover.id);
    const s = await json<{ host: string; vmState: string }>(c, [
      'server',
      'migrate',
      mover.id,
      '--host',
      other(from),
      '--wait',
      '--wait-timeout',
      MOVE_TIMEOUT_S,
    ]);
    assert.equal(s.host, other(from));
    assert.equal(s.vmState, 'SHUTOFF');
    assert.equal(await c.servers.domainState(other(from), mover.id), 'SHUTOFF');
    assert.ok(!(await c.servers.domainsOn(from)).includes(`strato-${mover.id}`), `no domain left on ${from}`);
    await assertUsage(
      c,
      { [from]: from === peer.host ? TINY : ZERO, [other(from)]: sum(TINY, from === peer.host ? ZERO : TINY) },
      'after the stopped move',
    );
    const before = await answered();
    await c.servers.action(mover.id, 'start');
    await c.servers.waitForState(mover.id, 'ACTIVE', 'RUNNING');
    await reachableAgain(before, 'reach the mover after the stopped move and start');
  });

  it('live-migrates: the ticker never restarts, the migration reports its downtime', async () => {
    const c = cloud();
    const from = await hostOf(mover.id);
    const boot0 = bootIds(await c.servers.consoleLines(mover.id)).at(-1);
    await c.servers.waitForConsole(mover.id, TICK, GUEST_TIMEOUT_MS);
    const s = await json<{ host: string; vmState: string }>(c, [
      'server',
      'migrate',
      '--live',
      mover.id,
      '--wait',
      '--wait-timeout',
      MOVE_TIMEOUT_S,
    ]);
    assert.equal(s.host, other(from));
    assert.equal(s.vmState, 'ACTIVE');
    const [m] = await json<{ id: string; kind: string }[]>(c, ['server', 'migration', 'list', '--server', mover.id]);
    assert.equal(m?.kind, 'live');
    const shown = await json<Record<string, unknown>>(c, ['server', 'migration', 'show', m!.id]);
    assert.equal(shown['status'], 'finished');
    const downtime = Number((shown['progress'] as { downtimeMs: number }).downtimeMs);
    console.log(`live migration downtime: ${downtime} ms`);
    // The same boot keeps counting on the new host: uptimes only grow.
    const lines = await c.servers.consoleLines(mover.id);
    assert.equal(bootIds(lines).at(-1), boot0, 'the guest did not reboot');
    const t = ticks(lines);
    for (let i = 1; i < t.length; i++) assert.ok(t[i]! >= t[i - 1]!, `ticker restarted: ${t[i - 1]} then ${t[i]}`);
    assert.ok(!(await c.servers.domainsOn(from)).includes(`strato-${mover.id}`), `no domain left on ${from}`);
    const before = await answered();
    await reachableAgain(before, 'reach the mover after the live migration');
  });

  it('resizes to a bigger flavor (more memory, vCPUs, disk); revert and confirm keep usage exact', async () => {
    const c = cloud();
    const from = await hostOf(mover.id);
    const to = other(from);
    const peerOn = (h: string) => (h === peer.host ? TINY : ZERO);
    const mem0 = Number(tagged(await c.servers.consoleLines(mover.id), 'E2E-MEM'));
    let s = await json<{ host: string; vmState: string; flavor: { name: string } }>(c, [
      'server',
      'resize',
      mover.id,
      '--flavor',
      'm1.big',
      '--wait',
      '--wait-timeout',
      MOVE_TIMEOUT_S,
    ]);
    assert.equal(s.vmState, 'RESIZED');
    assert.equal(s.host, to);
    assert.equal(s.flavor.name, 'm1.big');
    await assertUsage(c, { [from]: sum(TINY, peerOn(from)), [to]: sum(BIG, peerOn(to)) }, 'in VERIFY_RESIZE');
    await c.servers.waitForConsole(mover.id, 'E2E-CPUS 2', GUEST_TIMEOUT_MS);
    const lines = await c.servers.consoleLines(mover.id);
    assert.ok(Number(tagged(lines, 'E2E-MEM')) > mem0, `more memory: ${tagged(lines, 'E2E-MEM')} kB vs ${mem0} kB`);
    assert.ok(
      lines.some((l) => l.includes(`STRATO-DISK vda ${2 * 1024 ** 3}`)),
      'a 2 GiB root disk',
    );

    s = await json(c, ['server', 'resize', 'revert', mover.id, '--wait', '--wait-timeout', MOVE_TIMEOUT_S]);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.host, from);
    assert.equal(s.flavor.name, 'm1.tiny');
    await assertUsage(c, { [from]: sum(TINY, peerOn(from)), [to]: peerOn(to) }, 'after revert');
    await c.servers.waitForConsole(mover.id, 'STRATO-DISK vda', GUEST_TIMEOUT_MS);
    assert.ok(
      (await c.servers.consoleLines(mover.id)).some((l) => l.includes(`STRATO-DISK vda ${1024 ** 3}`)),
      'the old 1 GiB disk again',
    );

    s = await json(c, ['server', 'resize', mover.id, '--flavor', 'm1.big', '--wait', '--wait-timeout', MOVE_TIMEOUT_S]);
    assert.equal(s.vmState, 'RESIZED');
    s = await json(c, ['server', 'resize', 'confirm', mover.id, '--wait', '--wait-timeout', MOVE_TIMEOUT_S]);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.host, to);
    await assertUsage(c, { [from]: peerOn(from), [to]: sum(BIG, peerOn(to)) }, 'after confirm');
    assert.deepEqual(
      (await c.servers.domainsOn(from)).filter((d) => d === `strato-${mover.id}`),
      [],
      'the source copy is gone after confirm',
    );
    const before = await answered();
    await reachableAgain(before, 'reach the mover after the resize');
  });
});
