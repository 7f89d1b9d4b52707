// Security groups enforced on real guests across two simulated hosts: members of
// `default` ping each other, a non-member cannot until an ICMP ingress rule for its
// address opens the way, and removing that rule stops even the already-established
// ping flow within 5 s. A guest that changes its IP or MAC gets nothing through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SecurityGroup__Output } from '../../common/gen/strato/network/v1/SecurityGroup.ts';
import type { SecurityGroupRule__Output } from '../../common/gen/strato/network/v1/SecurityGroupRule.ts';
import { isCode } from '../harness/errors.ts';
import { useCloud } from './lib/fixture.ts';
import { ticks } from './lib/guest.ts';
import { kindsMissing, leftoversOn } from './lib/host-network.ts';
import { continuousPing, pingCount, pingLoop, replies, script, tagged, waitReachable } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const GUEST_TIMEOUT_MS = 120_000;
const CIDR = '10.78.0.0/24';
const IP_A = '10.78.0.10';
const IP_B = '10.78.0.11';
const IP_X = '10.78.0.12';
const SPOOF_IP = '10.78.0.50';
const SPOOF_MAC = 'fa:16:3e:de:ad:01';
const TCP = 'E2E-TCP';
const TCP_PORT = 5001;
/** Long enough for every rule test to be over before B starts spoofing. */
const SPOOF_AFTER_S = 60;
const TICKER = "(while :; do echo E2E-TICK $(cut -d' ' -f1 /proc/uptime); sleep 1; done) &";

/**
 * A listens for B's TCP stream and prints each line with its uptime. busybox nc
 * closes the session when its own stdin ends, so that stdin is a pipe that never does.
 */
const TCP_LISTEN = `(sleep 100000 | nc -l -p ${TCP_PORT} | while read -r l; do echo ${TCP} $(cut -d' ' -f1 /proc/uptime) $l; done) &`;

/**
 * B streams a numbered line a second to A over one TCP session, then (after the rule
 * tests are over) proves anti-spoofing on itself: reachable, spoofed (nothing),
 * restored. The test image treats a new MAC as a new NIC (its DHCP client restarts
 * and flushes the address), so the spoofed MAC gets the address set by hand.
 */
function memberBScript(): Buffer {
  return script([
    pingLoop(IP_A),
    waitReachable(IP_A),
    // Retried until A listens; a reconnect would restart the numbering (the test sees it).
    `(until (i=0; while :; do echo seq$i; i=$((i+1)); sleep 1; done) | nc ${IP_A} ${TCP_PORT}; do sleep 1; done) &`,
    `sleep ${SPOOF_AFTER_S}`,
    pingCount('E2E-SPOOF-BEFORE', IP_A, 3),
    // Deleting a primary address also deletes the secondaries of its subnet: swap, not add first.
    `ip addr del ${IP_B}/24 dev eth0; ip addr add ${SPOOF_IP}/24 dev eth0`,
    `echo E2E-SPOOF-IP-HASIP $(ip -4 addr show dev eth0 | grep -c ${SPOOF_IP}/24)`,
    pingCount('E2E-SPOOF-IP', IP_A, 4),
    `ip addr del ${SPOOF_IP}/24 dev eth0; ip addr add ${IP_B}/24 dev eth0`,
    pingCount('E2E-SPOOF-IP-RESTORED', IP_A, 3),
    'mac=$(cat /sys/class/net/eth0/address)',
    `ip link set eth0 down && ip link set eth0 address ${SPOOF_MAC} && ip link set eth0 up`,
    'sleep 3',
    `ip addr replace ${IP_B}/24 dev eth0`,
    `echo E2E-SPOOF-MAC-HASIP $(ip -4 addr show dev eth0 | grep -c ${IP_B}/24)`,
    pingCount('E2E-SPOOF-MAC', IP_A, 4),
    'ip link set eth0 down && ip link set eth0 address $mac && ip link set eth0 up',
    waitReachable(IP_A, 30),
    pingCount('E2E-SPOOF-MAC-RESTORED', IP_A, 3),
  ]);
}

/** A's lines of B's TCP stream: A's uptime and B's line number. */
function tcpLines(lines: readonly string[]): { uptime: number; seq: number }[] {
  return lines.flatMap((l) => {
    const m = new RegExp(`${TCP} ([0-9.]+) seq(\\d+)`).exec(l);
    return m ? [{ uptime: Number(m[1]), seq: Number(m[2]) }] : [];
  });
}

describe('security groups (e2e: conductor, 2 agents, nftables, TCG guests)', { timeout: 900_000 }, () => {
  const cloud = useCloud({ hosts: 2 });
  const world = new NetWorld(cloud);
  cloud.beforeStop(() => world.cleanUp());
  let outsider: SecurityGroup__Output;
  let a: NetGuest;
  let b: NetGuest;
  let x: NetGuest;
  let rule: SecurityGroupRule__Output;
  /** How many TCP lines A had printed before the rule was added / when it was removed / 8 s later. */
  const tcp = { beforeAdd: 0, atRemove: 0, after: [] as { uptime: number; seq: number }[] };

  const consoleOf = (g: NetGuest) => cloud().servers.consoleLines(g.id);

  it('boots two members of default on two hosts and a non-member', async () => {
    const cl = cloud();
    const api = cl.admin;
    const [h0, h1] = [cl.hosts[0]!.id, cl.hosts[1]!.id];
    const net = await world.network('sg-net', CIDR);
    // A group of its own that may send anything but lets nothing in.
    outsider = await api.securityGroups.CreateSecurityGroup({ name: 'outsider' });
    world.securityGroups.push(outsider);
    await api.securityGroups.CreateSecurityGroupRule({
      securityGroup: outsider.id,
      direction: 'egress',
      protocol: 'any',
    });
    const pa = await world.port('sg-a', net.id, IP_A);
    const pb = await world.port('sg-b', net.id, IP_B);
    const px = await world.port('sg-x', net.id, IP_X, [outsider.id]);
    const dflt = await api.securityGroups.GetSecurityGroup({ securityGroup: 'default' });
    assert.deepEqual(pa.securityGroupIds, [dflt.id]);
    assert.deepEqual(px.securityGroupIds, [outsider.id]);
    [a, b, x] = await Promise.all([
      world.boot('sg-a', h0, pa, script([TCP_LISTEN, pingLoop(IP_B)])),
      world.boot('sg-b', h1, pb, memberBScript()),
      world.boot('sg-x', h0, px, script([TICKER, continuousPing(IP_A)])),
    ]);
    for (const g of [a, b, x]) await cl.servers.waitForConsole(g.id, `STRATO-ADDR eth0 ${g.ip}/24`, GUEST_TIMEOUT_MS);
  });

  it('members of default ping each other across hosts', async () => {
    await world.untilPingEachOther(a, b, 3, GUEST_TIMEOUT_MS);
  });

  it('a non-member cannot ping in', async () => {
    const start = Math.max(0, ...ticks(await consoleOf(x)));
    const lines = await world.untilConsole(
      x,
      (ls) => Math.max(0, ...ticks(ls)) >= start + 6,
      60_000,
      '6 more seconds of sg-x',
    );
    assert.deepEqual(replies(lines, IP_A), [], 'sg-x got answers from sg-a without a rule');
  });

  it('an ICMP ingress rule for its address lets it in', async () => {
    const before = await world.untilConsole(
      a,
      (ls) => tcpLines(ls).length >= 3,
      60_000,
      "3 lines of sg-b's TCP stream on sg-a",
    );
    tcp.beforeAdd = tcpLines(before).length;
    rule = await cloud().admin.securityGroups.CreateSecurityGroupRule({
      securityGroup: 'default',
      direction: 'ingress',
      protocol: 'icmp',
      remoteIpPrefix: `${IP_X}/32`,
    });
    await world.untilConsole(x, (ls) => replies(ls, IP_A).length >= 3, 30_000, '3 answers to sg-x from sg-a');
  });

  it('removing the rule stops the established ping flow within 5 s', async (t) => {
    // Guest uptime ≈ wall time + offset; the console lags, so the largest
    // (tick - wall) seen is the closest estimate (it errs towards a longer measure).
    let offset = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 8; i++) {
      const ls = await consoleOf(x);
      offset = Math.max(offset, Math.max(...ticks(ls)) - Date.now() / 1000);
      await sleep(250);
    }
    await cloud().admin.securityGroups.DeleteSecurityGroupRule({ ruleId: rule.id });
    const removedAt = Date.now() / 1000 + offset;
    tcp.atRemove = tcpLines(await consoleOf(a)).length;
    await world.untilConsole(
      x,
      (ls) => Math.max(...ticks(ls)) >= removedAt + 8,
      30_000,
      '8 s of sg-x after the rule went',
    );
    const got = replies(await consoleOf(x), IP_A);
    const last = Math.max(...got);
    tcp.after = tcpLines(await consoleOf(a));
    t.diagnostic(`last answer ${(last - removedAt).toFixed(1)} s after the removal (guest time, estimated)`);
    assert.ok(
      got.some((u) => u < removedAt),
      'answers flowed before the removal',
    );
    assert.ok(last <= removedAt + 5, `answers went on ${(last - removedAt).toFixed(1)} s after the rule was removed`);
  });

  it('an open TCP session between members carries on across those unrelated rule changes', () => {
    const ls = tcp.after;
    assert.ok(tcp.beforeAdd >= 3, 'the session was open before the rule changes');
    assert.ok(ls.length >= tcp.atRemove + 5, `${ls.length - tcp.atRemove} lines in the 8 s after the removal`);
    assert.deepEqual(
      ls.map((l) => l.seq),
      ls.map((_, i) => i),
      'one session, no line lost (a reconnect restarts at seq0)',
    );
    const gaps = ls.slice(1).map((l, i) => l.uptime - ls[i]!.uptime);
    assert.ok(Math.max(...gaps) <= 3, `the stream stalled: gaps ${gaps.map((g) => g.toFixed(1)).join(' ')}`);
  });

  it('a guest that changes its IP or its MAC gets nothing through', async () => {
    const lines = await world.untilConsole(
      b,
      (ls) => tagged(ls, 'E2E-SPOOF-MAC-RESTORED') !== undefined,
      180_000,
      'the spoofing probes of sg-b',
    );
    const n = (tag: string) => Number(tagged(lines, tag)?.split('/')[0]);
    const why = `\n${lines.slice(-40).join('\n')}`;
    assert.equal(n('E2E-SPOOF-BEFORE'), 3, `pings before spoofing${why}`);
    assert.equal(n('E2E-SPOOF-IP-HASIP'), 1, `the guest had the spoofed address${why}`);
    assert.equal(n('E2E-SPOOF-IP'), 0, `pings from a changed IP got answers${why}`);
    assert.ok(n('E2E-SPOOF-IP-RESTORED') >= 1, `pings after restoring the IP${why}`);
    assert.equal(n('E2E-SPOOF-MAC-HASIP'), 1, `the spoofed MAC had the port's address${why}`);
    assert.equal(n('E2E-SPOOF-MAC'), 0, `pings from a changed MAC got answers${why}`);
    assert.ok(n('E2E-SPOOF-MAC-RESTORED') >= 1, `pings after restoring the MAC${why}`);
  });

  it('deleting the guests, ports, group and network leaves nothing of them on any host', async () => {
    const cl = cloud();
    const trace = world.trace();
    const present = (await Promise.all(cl.hosts.map((h) => leftoversOn(h, trace)))).flat();
    assert.deepEqual(kindsMissing(present), [], `while in use the hosts show: ${present.join('; ')}`);
    await world.deleteAll();
    await assert.rejects(cl.admin.securityGroups.GetSecurityGroup({ securityGroup: outsider.id }), isCode('NOT_FOUND'));
    assert.deepEqual(await world.leftoversOnHosts(), []);
  });
});
