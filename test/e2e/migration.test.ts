// Moving servers between two simulated hosts with real QEMU guests (TCG), through
// the CLI as an operator and a user run it: cold migration of a running and of a
// stopped server (same power state, same addresses, still reachable by a neighbour
// on another host), live migration (the guest's ticker never restarts), and resize
// to a bigger flavor (the guest sees more memory, vCPUs and disk) with revert and
// confirm — the hosts' usage exact at every step — and the drain of a host with a
// running and a stopped server. While the mover lives, its neighbour holds one TCP
// connection to it (busybox nc) that a live migration must not break.
// The console log read through the API is its last 1000 lines (~100 s of ticks), and
// a new QEMU process starts a new log: facts a test needs again are printed again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cloud } from './lib/cloud.ts';
import { stratoOk } from './lib/cli.ts';
import { useCloud } from './lib/fixture.ts';
import { TICK, ticks } from './lib/guest.ts';
import { pingLoop, pingResults, script, tagged } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const IP_MOVER = '10.91.0.10';
const IP_PEER = '10.91.0.20';
const IP_IDLE = '10.91.0.30';
const TCP_PORT = 7000;
/** The mover prints each line its neighbour sends over TCP as `E2E-GOT <connection> <seq>`. */
const GOT = 'E2E-GOT';
/** The neighbour prints `E2E-TCP-CLOSED <connection>` when its connection ends. */
const CLOSED = 'E2E-TCP-CLOSED';
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

/**
 * What the mover prints: its memory (kB) and CPUs every 5 s, a ticker, and what its
 * neighbour sends over TCP; it answers its neighbour's pings.
 */
function moverScript(): Buffer {
  return script([
    "(while :; do echo E2E-MEM $(grep MemTotal /proc/meminfo | tr -s ' ' | cut -d' ' -f2); echo E2E-CPUS $(grep -c ^processor /proc/cpuinfo); sleep 5; done) &",
    // busybox nc ends the connection when its stdin ends: feed it a newline a second
    // (which dies of SIGPIPE once the connection is gone, so the listener restarts).
    `(while :; do (while :; do echo; sleep 1; done) | nc -l -p ${TCP_PORT} | while read -r c n; do echo ${GOT} $c $n; done; done) &`,
    // Every 0.1 s where busybox sleeps fractions, else every second.
    `(while :; do echo ${TICK} $(cut -d' ' -f1 /proc/uptime); sleep 0.1 2>/dev/null || sleep 1; done) &`,
  ]);
}

/** The neighbour pings the mover and keeps one TCP connection to it (numbered), sending a line a second. */
function peerScript(): Buffer {
  return script([
    pingLoop(IP_MOVER),
    `(c=0; while :; do c=$((c+1)); (i=0; while :; do echo $c $i; i=$((i+1)); sleep 1; done) | nc ${IP_MOVER} ${TCP_PORT} >/dev/null; echo ${CLOSED} $c; sleep 2; done) &`,
  ]);
}

/** [connection, seq] of the TCP lines the mover received, oldest first. */
function received(lines: readonly string[]): [number, number][] {
  return lines.flatMap((l) => {
    const m = new RegExp(`${GOT} ([0-9]+) ([0-9]+)`).exec(l);
    return m ? [[Number(m[1]), Number(m[2])] as [number, number]] : [];
  });
}

describe('moving servers (e2e: two simulated hosts, real QEMU)', { timeout: 3_600_000 }, () => {
  const cloud = useCloud({
    hosts: 2,
    migration: true,
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
  let netId: string;
  let a: string;
  let b: string;

  /** The mover's host now (admin view). */
  const hostOf = async (id: string) => (await cloud().servers.get(id)).host;
  const other = (h: string) => (h === a ? b : a);

  it('boots the mover on one host and a neighbour pinging it on the other', async () => {
    const c = cloud();
    [a, b] = [c.hosts[0]!.id, c.hosts[1]!.id];
    const net = await world.network('mig-net', '10.91.0.0/24');
    netId = net.id;
    const pm = await world.port('mig-mover', net.id, IP_MOVER);
    const pp = await world.port('mig-peer', net.id, IP_PEER);
    [mover, peer] = await Promise.all([
      world.boot('mig-mover', a, pm, moverScript()),
      world.boot('mig-peer', b, pp, peerScript()),
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
    const t0 = Date.now();
    const s = await json<{
      host: string;
      vmState: string;
      powerState: string;
      addresses: Record<string, { ips: string[] }>;
    }>(c, ['server', 'migrate', mover.id, '--wait', '--wait-timeout', MOVE_TIMEOUT_S]);
    console.log(`cold migration of a running server: ${Date.now() - t0} ms (CLI, --wait)`);
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

  it('live-migrates: the ticker never restarts, the TCP connection survives, the downtime is reported', async () => {
    const c = cloud();
    const from = await hostOf(mover.id);
    // The neighbour's connection to the (restarted) mover is up and carrying lines.
    const got = await world.untilConsole(mover, (ls) => received(ls).length >= 3, GUEST_TIMEOUT_MS, 'TCP lines');
    const [conn, seq0] = received(got).at(-1)!;
    const t0 = Math.max(...ticks(got));
    assert.ok(t0 > 0, 'the ticker runs before the move');
    const started = Date.now();
    const s = await json<{ host: string; vmState: string }>(c, [
      'server',
      'migrate',
      '--live',
      mover.id,
      '--wait',
      '--wait-timeout',
      MOVE_TIMEOUT_S,
    ]);
    const took = Date.now() - started;
    assert.equal(s.host, other(from));
    assert.equal(s.vmState, 'ACTIVE');
    const [m] = await json<{ id: string; kind: string }[]>(c, ['server', 'migration', 'list', '--server', mover.id]);
    assert.equal(m?.kind, 'live');
    const shown = await json<Record<string, unknown>>(c, ['server', 'migration', 'show', m!.id]);
    assert.equal(shown['status'], 'finished');
    const progress = shown['progress'] as { downtimeMs: number; elapsedMs: number };
    console.log(
      `live migration: ${took} ms (CLI, --wait), ${progress.elapsedMs} ms elapsed, downtime ${progress.downtimeMs} ms`,
    );
    assert.ok(Number(progress.downtimeMs) > 0, 'a downtime is reported');
    // The same connection keeps delivering on the new host, and the neighbour never saw it close.
    const after = await world.untilConsole(
      mover,
      (ls) => received(ls).some(([k, n]) => k === conn && n >= seq0 + 5),
      GUEST_TIMEOUT_MS,
      'TCP lines after the live migration',
    );
    const peerLines = await c.servers.consoleLines(peer.id);
    assert.ok(!peerLines.some((l) => l.includes(`${CLOSED} ${conn}`)), `connection ${conn} closed by the move`);
    const seqs = received(after)
      .filter(([k]) => k === conn)
      .map(([, n]) => n);
    for (let i = 1; i < seqs.length; i++) assert.equal(seqs[i], seqs[i - 1]! + 1, `TCP lines in order: ${seqs}`);
    // The same boot keeps counting on the new host: its uptime goes on from before the move.
    const t = ticks(after);
    assert.ok(t.length > 0, 'ticks on the new host');
    assert.ok(t[0]! >= t0, `ticker restarted: ${t0} before the move, ${t[0]} after`);
    for (let i = 1; i < t.length; i++) assert.ok(t[i]! >= t[i - 1]!, `ticker restarted: ${t[i - 1]} then ${t[i]}`);
    assert.ok(!(await c.servers.domainsOn(from)).includes(`strato-${mover.id}`), `no domain left on ${from}`);
    assert.deepEqual(await c.servers.instanceFilesOn(from, mover.id), [], `no files left on ${from}`);
    const before = await answered();
    await reachableAgain(before, 'reach the mover after the live migration');
  });

  it('resizes to a bigger flavor (more memory, vCPUs, disk); revert and confirm keep usage exact', async () => {
    const c = cloud();
    const from = await hostOf(mover.id);
    const to = other(from);
    const peerOn = (h: string) => (h === peer.host ? TINY : ZERO);
    await c.servers.waitForConsole(mover.id, 'E2E-MEM', GUEST_TIMEOUT_MS);
    const mem0 = Number(tagged(await c.servers.consoleLines(mover.id), 'E2E-MEM'));
    assert.ok(mem0 > 0, 'the mover printed its memory');
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

  it('drains the host of a running and a stopped server: the host ends empty', async () => {
    const c = cloud();
    const host = await hostOf(mover.id);
    const to = other(host);
    const idle = await world.boot('mig-idle', host, await world.port('mig-idle', netId, IP_IDLE), script([]));
    await c.servers.action(idle.id, 'stop');
    await c.servers.waitForState(idle.id, 'SHUTOFF', 'SHUTDOWN');
    const started = Date.now();
    const rows = await json<{ serverId: string; kind: string; status: string }[]>(c, [
      'host',
      'drain',
      host,
      '--wait',
      '--wait-timeout',
      MOVE_TIMEOUT_S,
    ]);
    console.log(`drain of ${rows.length} servers: ${Date.now() - started} ms`);
    const kinds = Object.fromEntries(rows.map((r) => [r.serverId, `${r.kind} ${r.status}`]));
    assert.equal(kinds[mover.id], 'live finished');
    assert.equal(kinds[idle.id], 'cold finished');
    const [m, i] = [await c.servers.get(mover.id), await c.servers.get(idle.id)];
    assert.deepEqual([m.host, m.vmState], [to, 'ACTIVE']);
    assert.deepEqual([i.host, i.vmState], [to, 'SHUTOFF']);
    const left = (await c.servers.domainsOn(host)).filter((d) => d.startsWith('strato-'));
    assert.deepEqual(left, [], `no domain left on ${host}`);
    const peerOn = (h: string) => (h === peer.host ? TINY : ZERO);
    await assertUsage(c, { [host]: ZERO, [to]: sum(BIG, TINY, peerOn(to), peerOn(host)) }, 'after the drain');
  });
});
