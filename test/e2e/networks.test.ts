// Tenant networks across simulated hosts: two guests on one VXLAN network, on two
// hosts, get their ports' addresses from the network's dnsmasq and ping each other
// through the tunnel (its counters rise on both hosts), full-MTU packets cross, a
// guest on another network with the same CIDR reaches neither, and deleting it all
// leaves nothing of it on any host.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vxlanName } from '../../common/network-names.ts';
import type { Network__Output } from '../../common/gen/strato/network/v1/Network.ts';
import { useCloud } from './lib/fixture.ts';
import { kindsMissing, leftoversOn, linkStats } from './lib/host-network.ts';
import { pingCount, pingLoop, pingResults, script, tagged, waitReachable } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const GUEST_TIMEOUT_MS = 120_000;
const CIDR = '10.77.0.0/24';
const IP_A = '10.77.0.10';
const IP_B = '10.77.0.11';
const IP_C = '10.77.0.13';

describe('tenant networks across hosts (e2e: conductor, 2 agents, dnsmasq, TCG guests)', { timeout: 900_000 }, () => {
  const cloud = useCloud({ hosts: 2 });
  const world = new NetWorld(cloud);
  cloud.beforeStop(() => world.cleanUp());
  let net1: Network__Output;
  let net2: Network__Output;
  let a: NetGuest;
  let b: NetGuest;
  let c: NetGuest;

  const consoleOf = (g: NetGuest) => cloud().servers.consoleLines(g.id);

  it('boots two guests on one network on two hosts and a third on a network with the same CIDR', async () => {
    const cl = cloud();
    const [h0, h1] = [cl.hosts[0]!.id, cl.hosts[1]!.id];
    net1 = await world.network('net-one', CIDR);
    net2 = await world.network('net-two', CIDR);
    assert.notEqual(net1.segmentationId, net2.segmentationId);
    assert.ok(net1.mtu > 0 && net1.mtu <= 1450, `vxlan MTU ${net1.mtu}`);
    const [pa, pb, pc] = [
      await world.port('port-a', net1.id, IP_A),
      await world.port('port-b', net1.id, IP_B),
      await world.port('port-c', net2.id, IP_C),
    ];
    const mtu = 'echo E2E-MTU $(cat /sys/class/net/eth0/mtu)';
    [a, b, c] = await Promise.all([
      world.boot(
        'net-a',
        h0,
        pa,
        script([
          mtu,
          pingLoop(IP_B),
          waitReachable(IP_B),
          pingCount('E2E-BIG1400', IP_B, 3, '-s 1400'),
          // The largest ICMP payload that fits the network's MTU (IP 20 + ICMP 8).
          pingCount('E2E-BIGMAX', IP_B, 3, `-s ${net1.mtu - 28}`),
        ]),
      ),
      world.boot('net-b', h1, pb, script([mtu, pingLoop(IP_A)])),
      // On h0 with A (another bridge on the same host) and with no path to h1's B.
      world.boot('net-c', h0, pc, script([mtu, pingLoop(IP_A), pingLoop(IP_B)])),
    ]);
  });

  it('each guest gets its port address by DHCP, with the network MTU', async () => {
    const cl = cloud();
    for (const g of [a, b, c]) {
      await cl.servers.waitForConsole(g.id, `STRATO-ADDR eth0 ${g.ip}/24`, GUEST_TIMEOUT_MS);
      const line = await cl.servers.waitForConsole(g.id, 'E2E-MTU', GUEST_TIMEOUT_MS);
      assert.match(line, new RegExp(`E2E-MTU ${net1.mtu}\\b`), `${g.name}: ${line}`);
    }
  });

  it('the two guests ping each other across hosts; vxlan counters rise on both hosts', async () => {
    const cl = cloud();
    const vx = vxlanName(net1.segmentationId);
    const hosts = [cl.host(a.host), cl.host(b.host)];
    const before = await Promise.all(hosts.map((h) => linkStats(h, vx)));
    for (const [i, s] of before.entries()) assert.ok(s, `${vx} missing on ${hosts[i]!.id}`);
    await world.untilPingEachOther(a, b, 3, GUEST_TIMEOUT_MS);
    const after = await Promise.all(hosts.map((h) => linkStats(h, vx)));
    for (const [i, h] of hosts.entries()) {
      const [s0, s1] = [before[i]!, after[i]!];
      assert.ok(s1.txPackets >= s0.txPackets + 3, `${vx} tx on ${h.id}: ${s0.txPackets} → ${s1.txPackets}`);
      assert.ok(s1.rxPackets >= s0.rxPackets + 3, `${vx} rx on ${h.id}: ${s0.rxPackets} → ${s1.rxPackets}`);
    }
  });

  it('1400-byte and full-MTU pings cross hosts', async () => {
    const lines = await world.untilConsole(
      a,
      (ls) => tagged(ls, 'E2E-BIGMAX') !== undefined,
      GUEST_TIMEOUT_MS,
      'the large pings of net-a',
    );
    assert.equal(tagged(lines, 'E2E-BIG1400'), '3/3', '1400-byte payload pings answered');
    assert.equal(tagged(lines, 'E2E-BIGMAX'), '3/3', `${net1.mtu - 28}-byte payload pings answered`);
  });

  it('a guest on another network with the same CIDR reaches neither guest', async () => {
    // Wait for C's pings sent while A and B demonstrably answer each other.
    const seen = pingResults(await consoleOf(c)).length;
    const lines = await world.untilConsole(
      c,
      (ls) => pingResults(ls).length >= seen + 8,
      60_000,
      'more pings of net-c',
    );
    const results = pingResults(lines);
    assert.ok(results.filter((r) => r.target === IP_A).length >= 4);
    assert.ok(results.filter((r) => r.target === IP_B).length >= 4);
    assert.deepEqual(
      results.filter((r) => r.ok),
      [],
      'a guest of net-two got answers from net-one',
    );
    const aLines = await consoleOf(a);
    assert.ok(
      pingResults(aLines, IP_B)
        .slice(-3)
        .every((r) => r.ok),
      'A and B still answer each other',
    );
  });

  it('deleting the guests, ports and networks leaves nothing of them on any host', async () => {
    const cl = cloud();
    const trace = world.trace();
    const present = (await Promise.all(cl.hosts.map((h) => leftoversOn(h, trace)))).flat();
    assert.deepEqual(kindsMissing(present), [], `while in use the hosts show: ${present.join('; ')}`);
    await world.deleteAll();
    assert.deepEqual(await world.leftoversOnHosts(), []);
  });
});
