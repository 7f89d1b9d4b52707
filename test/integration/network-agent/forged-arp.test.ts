// Forged ARP on its own (issue 4): three simulated guests on one network on one host,
// every port open both ways so only anti-spoofing stands between them. A guest that
// announces an address it does not own (a free one, or the gateway port's) must not
// poison a neighbour's ARP cache, while its honest announcements still are learned.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DesiredHostNetwork, PortBinding, SecurityRule } from '../../../agent/network/network-driver.ts';
import { guestIfName } from '../../../common/network-names.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { announce, neighbourMac, sysctl } from './forged-arp-probes.ts';
import { type Lab, makeLab, ping, uuid } from './lab.ts';

const OPEN: SecurityRule[] = [
  { direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] },
  { direction: 'ingress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] },
];
const FREE_IP = '10.78.0.99';

interface Guest {
  netns: string;
  ifname: string;
  ip: string;
  mac: string;
  port: PortBinding;
}

describe('forged ARP from a guest never reaches its neighbours (real kernel, nft)', () => {
  let lab: Lab | undefined;
  let victimNl: Netlink | undefined;
  let spoofer: Guest;
  let victim: Guest;
  let gateway: Guest;

  before(async () => {
    lab = await makeLab();
    const networkId = uuid();
    const guest = async (ip: string, mac: string): Promise<Guest> => {
      const portId = uuid();
      const netns = await lab!.newGuest();
      const port: PortBinding = {
        portId,
        networkId,
        mac,
        ips: [ip],
        securityGroups: OPEN,
        attach: { namespace: netns },
      };
      return { netns, ifname: guestIfName(portId), ip, mac, port };
    };
    spoofer = await guest('10.78.0.11', 'fa:16:3e:00:78:11');
    victim = await guest('10.78.0.12', 'fa:16:3e:00:78:12');
    gateway = await guest('10.78.0.1', 'fa:16:3e:00:78:01');
    const desired: DesiredHostNetwork = {
      networks: [
        {
          networkId,
          type: 'vxlan',
          vni: 1000 + Math.floor(Math.random() * 100000),
          vxlanPeers: [],
        },
      ],
      ports: [spoofer.port, victim.port, gateway.port],
    };
    await lab.hosts[0].driver.apply(desired);
    for (const g of [spoofer, victim, gateway]) {
      const nl = lab.root.inNamespace(g.netns);
      await nl.setUp(g.ifname, true);
      await nl.addAddress(g.ifname, `${g.ip}/24`);
    }
    await sysctl(spoofer.netns, 'net.ipv4.ip_nonlocal_bind', '1');
    await sysctl(victim.netns, 'net.ipv4.conf.all.arp_accept', '1');
    victimNl = await openNetlink({ namespace: victim.netns });
  });

  after(async () => {
    await victimNl?.close();
    await lab?.close();
  });

  const forgedMacs = async (ip: string, ms: number): Promise<string | undefined> =>
    neighbourMac(victimNl!, victim.ifname, ip, ms, (mac) => mac === spoofer.mac);

  it('control: the guest’s honest gratuitous ARP (its own IP) is learned', async () => {
    assert.equal(await neighbourMac(victimNl!, victim.ifname, spoofer.ip, 0), undefined, 'not known before');
    await announce(spoofer.netns, spoofer.ifname, spoofer.ip, victim.ip);
    assert.equal(await neighbourMac(victimNl!, victim.ifname, spoofer.ip, 2000, (m) => m !== undefined), spoofer.mac);
  });

  it('(a) ARP claiming an address nobody owns, with the guest’s own MAC, is not learned', async () => {
    const sent = await announce(spoofer.netns, spoofer.ifname, FREE_IP, victim.ip);
    assert.equal(sent.length, 3);
    assert.equal(await forgedMacs(FREE_IP, 1500), undefined, `victim learned ${FREE_IP}`);
  });

  it('(b) ARP claiming the gateway port’s IP does not replace the real mapping', async () => {
    assert.ok(await ping(victim.netns, gateway.ip), 'control: the victim reaches the gateway');
    assert.equal(await neighbourMac(victimNl!, victim.ifname, gateway.ip, 0), gateway.mac, 'learned honestly');
    await announce(spoofer.netns, spoofer.ifname, gateway.ip, victim.ip);
    assert.equal(await forgedMacs(gateway.ip, 1500), gateway.mac, 'the gateway entry still points at the gateway');
    assert.ok(await ping(victim.netns, gateway.ip), 'and the gateway is still reachable');
  });

  it('(b) nor does it create one when the victim has no entry for the gateway yet', async () => {
    await victimNl!.deleteNeighbour(victim.ifname, gateway.ip, { ignoreMissing: true });
    await announce(spoofer.netns, spoofer.ifname, gateway.ip, victim.ip);
    assert.equal(await forgedMacs(gateway.ip, 1500), undefined, 'no entry for the gateway appeared');
  });
});
