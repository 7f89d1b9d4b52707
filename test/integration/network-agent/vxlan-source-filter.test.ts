// VXLAN reaches a host's networks only from registered hosts (issue 7, item 2), against
// the real kernel and nft. Two simulated hosts share an underlay; h2 also holds a second,
// unregistered address on it (a stranger on the same wire). VXLAN datagrams made by
// hand, identical but for their outer source address, carry a UDP datagram to a guest
// on h1 whose rules let it in: from h2's registered address it arrives, from the
// stranger's it is dropped (and counted), though the stranger knows the VNI, the
// guest's MAC and address. A host registered but not (yet) a peer of the network is
// admitted, so a host joining a network never races the filter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DesiredHostNetwork, NetworkSpec, PortBinding } from '../../../agent/network/network-driver.ts';
import { guestIfName } from '../../../common/network-names.ts';
import { udpReceive } from './helpers.ts';
import { inNs, type Lab, makeLab, ping, uuid } from './lab.ts';
import { egressAll, icmpFrom } from './scenario.ts';
import { type ForgedVxlan, sendForgedVxlan, udpListeners, vxlanDropped } from './vxlan-probes.ts';

const CIDR = '10.76.0.0/24';
const PORT = 7000;
const SENT = 5;

describe('VXLAN is accepted only from registered hosts (real kernel, nft)', () => {
  let lab: Lab | undefined;
  let stranger: string;
  let vni: number;
  const networkId = uuid();
  const guests: { netns: string; port: PortBinding; ip: string }[] = [];

  const network = (peer: string): NetworkSpec => ({
    networkId,
    type: 'vxlan',
    vni,
    vxlanPeers: [peer],
  });
  /** h1's state; `registered` are the underlay addresses the conductor knows. */
  const h1State = (registered: string[]): DesiredHostNetwork => ({
    networks: [network(lab!.hosts[1].underlayIp)],
    ports: [guests[0]!.port],
    underlayPeers: registered,
  });
  const h2State = (): DesiredHostNetwork => ({
    networks: [network(lab!.hosts[0].underlayIp)],
    ports: [guests[1]!.port],
    underlayPeers: [lab!.hosts[0].underlayIp, lab!.hosts[1].underlayIp],
  });

  /** What the guest on h1 receives of SENT forged datagrams from `from`. */
  const deliver = async (from: string, text: string): Promise<string[]> => {
    const [h1, h2] = lab!.hosts;
    const g1 = guests[0]!;
    const f: ForgedVxlan = {
      from,
      to: h1.underlayIp,
      vni,
      dstMac: g1.port.mac,
      srcMac: 'fa:16:3e:00:76:ee',
      srcIp: '10.76.0.50',
      dstIp: g1.ip,
      dport: PORT,
      text,
      count: SENT,
    };
    const got = await udpReceive(g1.netns, PORT, 2000, () => sendForgedVxlan(h2.netns, f));
    return got.filter((m) => m === text);
  };

  before(async () => {
    lab = await makeLab();
    const [h1, h2] = lab.hosts;
    vni = 200_000 + Math.floor(Math.random() * 100_000);
    stranger = h1.underlayIp.replace(/\.\d+$/, '.9');
    await h2.netlink.addAddress('u0', `${stranger}/24`);
    for (const [i, n] of [11, 12].entries()) {
      const netns = await lab.newGuest();
      const portId = uuid();
      const ip = `10.76.0.${n}`;
      const port: PortBinding = {
        portId,
        networkId,
        mac: `fa:16:3e:00:76:${n}`,
        ips: [ip],
        securityGroups: [
          egressAll,
          icmpFrom(CIDR),
          { direction: 'ingress', protocol: 'udp', portMin: PORT, portMax: PORT, remoteCidrs: [CIDR] },
        ],
        attach: { namespace: netns },
      };
      guests.push({ netns, port, ip });
      await lab.hosts[i as 0 | 1].driver.apply(i === 0 ? h1State([h1.underlayIp, h2.underlayIp]) : h2State());
      await lab.root.inNamespace(netns).addAddress(guestIfName(portId), `${ip}/24`);
    }
  });

  after(async () => {
    // Removes the hosts' state, the guests and both host namespaces (the stranger's address with h2's).
    await lab?.close();
  });

  it('guests on the two registered hosts talk over VXLAN', async () => {
    assert.ok(await ping(guests[1]!.netns, guests[0]!.ip, { count: 3, min: 2 }), 'h2’s guest → h1’s guest');
    assert.ok(await ping(guests[0]!.netns, guests[1]!.ip, { count: 3, min: 2 }), 'h1’s guest → h2’s guest');
  });

  it('a datagram from the registered address arrives; the same from an unregistered one is dropped and counted', async () => {
    const [h1, h2] = lab!.hosts;
    assert.equal((await deliver(h2.underlayIp, 'from-registered')).length > 0, true, 'control: registered source');
    assert.deepEqual(await deliver(stranger, 'from-stranger'), [], 'nothing from the stranger reaches the guest');
    // Nothing else in these namespaces sends to port 4789 from an unknown address.
    assert.ok((await vxlanDropped(h1.netns)) >= SENT, 'the filter dropped every one of them');
  });

  it('a host registered but not (yet) a peer of the network is admitted; deregistered, dropped again', async () => {
    const [h1, h2] = lab!.hosts;
    const registered = await h1.driver.apply(h1State([h1.underlayIp, h2.underlayIp, stranger]));
    assert.deepEqual(
      registered.steps.map((s) => s.kind),
      ['nft'],
      'one nft transaction, no link or FDB change',
    );
    assert.ok((await deliver(stranger, 'from-new-host')).length > 0, 'a registered host that is no peer gets through');
    await h1.driver.apply(h1State([h1.underlayIp, h2.underlayIp]));
    assert.deepEqual(await deliver(stranger, 'from-gone-host'), [], 'once deregistered, it is dropped again');
  });

  // The kernel makes ONE UDP socket per VXLAN port and namespace, shared by every VXLAN
  // link, and binds it to the wildcard address whatever a link's `local` is (netlink has
  // no bind address for it): the socket cannot be narrowed, so the filter in strato's
  // inet table is what keeps strangers out, and it exists while strato's links do.
  it('the kernel’s VXLAN socket stays wildcard-bound, and filtered', async () => {
    const [h1] = lab!.hosts;
    assert.deepEqual(await udpListeners(h1.netns, 4789), ['0.0.0.0:4789']);
    const input = await inNs(h1.netns, ['nft', 'list', 'chain', 'inet', 'strato', 'input']);
    assert.match(input.stdout, /udp dport 4789 ip saddr != @vxlan_sources4 counter name "vxlan_dropped" drop/);
  });
});
