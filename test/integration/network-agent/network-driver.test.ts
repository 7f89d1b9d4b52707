// The real network driver on two simulated hosts (namespaces h1, h2 over a veth
// underlay): VXLAN + FDB peers, DHCP from dnsmasq in qdhcp namespaces, isolation of
// equal CIDRs, security groups (stateful, default deny in, rule removal cuts an
// established flow, unrelated changes keep TCP sessions), anti-spoofing, idempotent
// and restart-safe applies, and a teardown that leaves nothing behind.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { LinuxNetworkDriver } from '../../../agent/network/linux/linux-network-driver.ts';
import { dhcpNamespaceName, tapName, vxlanName } from '../../../common/network-names.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { leftoverLinks, nftTables, processAlive, tcpSession, udpReceive, udpSend } from './helpers.ts';
import { dhcpLease, inNs, type Lab, makeLab, ping, spawnInNs } from './lab.ts';
import { CIDR, DHCP_IP, egressAll, type Guest, icmpFrom, makeScenario, type Scenario, tcpFrom } from './scenario.ts';

const ZERO = '00:00:00:00:00:00';

describe('linux network driver on two simulated hosts (real kernel, dnsmasq, nft)', () => {
  let lab: Lab;
  let s: Scenario;
  const dnsmasqPids: number[] = [];

  const apply = async (host: 0 | 1) => lab.hosts[host].driver.apply(s.desired(host));
  const applyBoth = async () => {
    await apply(0);
    await apply(1);
  };
  const hostOf = (g: Guest): 0 | 1 => (g === s.g2 ? 1 : 0);
  const setRules = async (g: Guest, rules: Parameters<Scenario['rules']['set']>[1]) => {
    s.rules.set(g, rules);
    return apply(hostOf(g));
  };
  const vxStats = async (host: 0 | 1) => (await lab.hosts[host].netlink.getLink(vxlanName(s.vniA))).stats;

  before(async () => {
    lab = await makeLab();
    s = await makeScenario(lab);
  });

  after(async () => {
    await lab?.close();
  });

  it('plumbs bridges, VXLAN links with FDB peers, ports and DHCP on both hosts', async () => {
    await applyBoth();
    for (const [i, h] of lab.hosts.entries()) {
      const links = new Map((await h.netlink.listLinks()).map((l) => [l.name, l]));
      const other = lab.hosts[1 - i]!.underlayIp;
      for (const vni of [s.vniA, s.vniB]) {
        const vx = links.get(vxlanName(vni));
        assert.equal(vx?.kind, 'vxlan');
        assert.equal(vx?.mtu, 1450, 'underlay 1500 − 50');
        assert.equal(vx?.vxlan?.learning, false);
        assert.equal(vx?.vxlan?.local, h.underlayIp);
        const remotes = (await h.netlink.listFdb(vxlanName(vni))).filter((e) => e.mac === ZERO).map((e) => e.dst);
        assert.deepEqual(remotes, [other]);
      }
    }
    const h1Links = new Map((await lab.hosts[0].netlink.listLinks()).map((l) => [l.name, l]));
    assert.equal(h1Links.get(tapName(s.g1.port.portId))?.master?.startsWith('brq'), true);
    for (const [host, net] of [
      [0, s.netA],
      [1, s.netB],
    ] as const) {
      assert.ok(await lab.root.namespaceExists(dhcpNamespaceName(net)));
      const { readFile } = await import('node:fs/promises');
      const pid = Number(await readFile(`${lab.hosts[host].stateDir}/dhcp/${net}/dnsmasq.pid`, 'utf8'));
      assert.ok(await processAlive(pid), 'dnsmasq runs');
      dnsmasqPids.push(pid);
    }
  });

  it('a second apply with the same desired state performs zero steps', async () => {
    for (const h of [0, 1] as const) assert.deepEqual((await apply(h)).steps, []);
  });

  it('guests get their addresses, MTU and DNS by DHCP (static entries only)', async () => {
    for (const g of [s.g1, s.g2, s.g3]) {
      const lease = await dhcpLease(lab, g.netns, g.ifname);
      assert.ok(lease, `${g.ip} got a lease`);
      assert.equal(lease.ip, g.ip);
      assert.equal(lease.mask, '255.255.255.0');
      assert.equal(lease.mtu, '1450');
      assert.equal(lease.dns, '10.77.0.53');
      assert.equal(lease.router, undefined, 'no gateway: no router option');
      await lab.root.inNamespace(g.netns).addAddress(g.ifname, `${g.ip}/24`);
    }
  });

  it('guests ping across hosts, the VXLAN counters rise on both, and 1400 bytes cross', async () => {
    const before = [await vxStats(0), await vxStats(1)];
    assert.ok(await ping(s.g1.netns, s.g2.ip, { count: 3, min: 2 }), 'g1 → g2');
    assert.ok(await ping(s.g2.netns, s.g1.ip, { count: 3, min: 2 }), 'g2 → g1');
    assert.ok(await ping(s.g1.netns, s.g2.ip, { count: 2, size: 1372 }), '1400-byte IP packets cross');
    for (const h of [0, 1] as const) {
      const now = await vxStats(h);
      assert.ok(
        now.txPackets > before[h]!.txPackets && now.rxPackets > before[h]!.rxPackets,
        `vxlan counters on h${h + 1}`,
      );
    }
  });

  it('a network with the same CIDR is isolated', async () => {
    assert.ok(await ping(s.g3.netns, DHCP_IP), 'network B itself works across hosts');
    assert.equal(await ping(s.g3.netns, s.g1.ip), false);
    assert.equal(await ping(s.g3.netns, s.g2.ip), false);
  });

  it('denies inbound by default; an ICMP rule opens it; removing it stops an established flow within 5 s', async () => {
    await setRules(s.g2, [egressAll]);
    assert.equal(await ping(s.g1.netns, s.g2.ip), false, 'default deny inbound');
    assert.ok(await ping(s.g2.netns, s.g1.ip), 'outbound and its replies still work');
    await setRules(s.g2, [egressAll, icmpFrom(`${s.g1.ip}/32`)]);
    assert.ok(await ping(s.g1.netns, s.g2.ip), 'ICMP rule opens');
    const stream = spawnInNs(s.g1.netns, ['busybox', 'ping', '-i', '0.2', s.g2.ip]);
    const replies: number[] = [];
    stream.stdout!.setEncoding('utf8').on('data', (d: string) => {
      for (const _ of d.match(/bytes from/g) ?? []) replies.push(Date.now());
    });
    try {
      for (let i = 0; i < 50 && replies.length < 3; i++) await sleep(100);
      assert.ok(replies.length >= 3, 'the flow is established');
      await setRules(s.g2, [egressAll]);
      const removedAt = Date.now();
      await sleep(2500);
      const late = replies.filter((t) => t > removedAt + 500);
      assert.equal(late.length, 0, `replies after removal: ${late.length}`);
      const ct = await inNs(lab.hosts[1].netns, ['cat', '/proc/net/nf_conntrack']);
      assert.match(
        ct.stdout,
        new RegExp(`icmp .*src=${s.g1.ip.replaceAll('.', '\\.')} dst=${s.g2.ip.replaceAll('.', '\\.')}`),
        'its conntrack entry still exists',
      );
    } finally {
      stream.kill('SIGKILL');
    }
  });

  it('an open TCP session survives an unrelated rule change', async () => {
    await setRules(s.g2, [egressAll, tcpFrom(`${s.g1.ip}/32`, 5000)]);
    const tcp = await tcpSession(s.g2.netns, s.g1.netns, s.g2.ip, 5000);
    try {
      assert.ok(tcp.connected(), 'connected');
      assert.ok(await tcp.send('before-change'));
      const r = await setRules(s.g2, [egressAll, tcpFrom(`${s.g1.ip}/32`, 5000), icmpFrom('192.0.2.0/24')]);
      assert.ok(r.steps.some((x) => x.kind === 'nft'));
      assert.ok(await tcp.send('after-change'), 'the session carries on');
      await setRules(s.g2, [egressAll, icmpFrom('192.0.2.0/24')]);
      assert.equal(await tcp.send('after-removal', 1500), false, 'removing its rule cuts it');
    } finally {
      tcp.close();
    }
  });

  it('spoofed source IP or MAC and forged ARP from a guest get nothing through', async () => {
    await setRules(s.g2, [egressAll, icmpFrom(CIDR)]);
    assert.ok(await ping(s.g1.netns, s.g2.ip), 'control: the real address works');
    const g1 = lab.root.inNamespace(s.g1.netns);
    const arp = (extra: string[]) =>
      inNs(s.g1.netns, ['busybox', 'arping', '-c', '2', '-w', '3', ...extra, '-I', s.g1.ifname, s.g2.ip]);
    assert.match((await arp([])).stdout, /Received [12] response/, 'control: honest ARP is answered');
    await g1.addAddress(s.g1.ifname, '10.77.0.99/24');
    try {
      assert.equal(await ping(s.g1.netns, s.g2.ip, { source: '10.77.0.99' }), false, 'spoofed IP');
      const forged = await arp(['-s', '10.77.0.99']);
      assert.match(forged.stdout, /Received 0 response/, `forged ARP sender IP: ${forged.stdout} ${forged.stderr}`);
    } finally {
      await g1.deleteAddress(s.g1.ifname, '10.77.0.99/24');
    }
    // The netlink client has no MAC setter; busybox changes it inside the guest namespace only.
    await inNs(s.g1.netns, ['busybox', 'ip', 'link', 'set', 'dev', s.g1.ifname, 'address', 'fa:16:3e:00:77:99']);
    try {
      assert.equal(await ping(s.g1.netns, s.g2.ip), false, 'spoofed MAC');
    } finally {
      await inNs(s.g1.netns, ['busybox', 'ip', 'link', 'set', 'dev', s.g1.ifname, 'address', s.g1.port.mac]);
    }
  });

  it('a guest cannot act as a DHCP server (udp source port 67 is dropped)', async () => {
    await setRules(s.g2, [
      egressAll,
      { direction: 'ingress', protocol: 'udp', portMin: 6000, portMax: 6000, remoteCidrs: [CIDR] },
    ]);
    const control = await udpReceive(s.g2.netns, 6000, 1500, () =>
      udpSend(s.g1.netns, 6801, s.g2.ip, 6000, 'from-6801'),
    );
    assert.ok(control.includes('from-6801'), 'control datagram arrives');
    const rogue = await udpReceive(s.g2.netns, 6000, 1500, () => udpSend(s.g1.netns, 67, s.g2.ip, 6000, 'from-67'));
    assert.deepEqual(rogue, []);
  });

  it('reloads dnsmasq (same pid, SIGHUP) when DHCP hosts change', async () => {
    s.extraHosts.push({ mac: 'fa:16:3e:00:77:55', ip: '10.77.0.55' });
    const r = await apply(0);
    assert.deepEqual(
      r.steps.map((x) => x.kind),
      ['write-dhcp-files', 'reload-dnsmasq'],
    );
    assert.ok(await processAlive(dnsmasqPids[0]!), 'not restarted');
    const { readFile } = await import('node:fs/promises');
    const pid = Number(await readFile(`${lab.hosts[0].stateDir}/dhcp/${s.netA}/dnsmasq.pid`, 'utf8'));
    assert.equal(pid, dnsmasqPids[0]);
  });

  it('keeps FDB peers in step as hosts leave and join', async () => {
    const remotes = async () => (await lab.hosts[0].netlink.listFdb(vxlanName(s.vniA))).filter((e) => e.mac === ZERO);
    s.peersA = false;
    assert.deepEqual(
      (await apply(0)).steps.map((x) => x.kind),
      ['fdb-delete'],
    );
    assert.deepEqual(await remotes(), []);
    s.peersA = true;
    assert.deepEqual(
      (await apply(0)).steps.map((x) => x.kind),
      ['fdb-append'],
    );
    assert.equal((await remotes()).length, 1);
  });

  it('a restarted agent (new driver, new netlink client) finds everything and changes nothing', async () => {
    for (const h of [0, 1] as const) {
      const host = lab.hosts[h];
      const netlink = await openNetlink({ namespace: host.netns });
      try {
        const fresh = new LinuxNetworkDriver({
          netlink,
          facts: { underlayDevice: 'u0', underlayIp: host.underlayIp },
          stateDir: host.stateDir,
        });
        assert.deepEqual(await fresh.plan(s.desired(h)), []);
      } finally {
        await netlink.close();
      }
    }
  });

  it('teardown leaves no bridge, tap, VXLAN link, namespace, dnsmasq or nft table', async () => {
    for (const h of lab.hosts) await h.driver.teardown();
    for (const h of lab.hosts) {
      assert.deepEqual(await leftoverLinks(h), []);
      assert.doesNotMatch(await nftTables(h), /strato/);
      assert.deepEqual(await h.driver.plan({ networks: [], ports: [] }), []);
    }
    for (const net of [s.netA, s.netB]) assert.equal(await lab.root.namespaceExists(dhcpNamespaceName(net)), false);
    for (const pid of dnsmasqPids) assert.equal(await processAlive(pid), false);
  });
});
