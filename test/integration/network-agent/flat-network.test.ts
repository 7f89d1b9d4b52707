// A flat network on an operator's existing bridge (issue 4), against the real kernel:
// inside a simulated host, the "operator" makes `br-ex` with an address (the guest's
// outside). The driver must plug the guest's port and the network's DHCP port into
// br-ex without making a brq… bridge or a VXLAN link, the guest must get its address
// from dnsmasq and reach br-ex's address, and an empty desired state must take the
// port away while leaving br-ex (and its address) exactly as the operator made it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DesiredHostNetwork, PortBinding } from '../../../agent/network/network-driver.ts';
import { dhcpHostVethName, dhcpNamespaceName, guestIfName, tapName } from '../../../common/network-names.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { leftoverLinks } from './helpers.ts';
import { dhcpLease, type Lab, type LabHost, makeLab, ping, uuid } from './lab.ts';
import { egressAll, icmpFrom } from './scenario.ts';

const BRIDGE = 'br-ex';
const CIDR = '10.79.0.0/24';
const OUTSIDE_IP = '10.79.0.1';
const DHCP_IP = '10.79.0.2';
const GUEST_IP = '10.79.0.21';
const GUEST_MAC = 'fa:16:3e:00:79:21';

describe('flat network on an existing operator bridge (real kernel, dnsmasq, nft)', () => {
  let lab: Lab | undefined;
  let host: LabHost;
  let operator: Netlink | undefined;
  let guestNs: string;
  let port: PortBinding;
  const networkId = uuid();

  const brExAddresses = async (): Promise<string[]> =>
    (await operator!.listAddresses(BRIDGE))
      .filter((a) => a.family === 'inet')
      .map((a) => `${a.address}/${a.prefixLength}`);

  before(async () => {
    lab = await makeLab();
    host = lab.hosts[0];
    operator = await openNetlink({ namespace: host.netns });
    await operator.createBridge(BRIDGE, { up: true });
    await operator.addAddress(BRIDGE, `${OUTSIDE_IP}/24`);
    guestNs = await lab.newGuest();
    const portId = uuid();
    port = {
      portId,
      networkId,
      mac: GUEST_MAC,
      ips: [GUEST_IP],
      securityGroups: [egressAll, icmpFrom(CIDR)],
      attach: { namespace: guestNs },
    };
  });

  after(async () => {
    // The operator's bridge is ours to remove; the lab removes the rest (driver state,
    // dnsmasq, namespaces) whatever happened above.
    await operator?.deleteLink(BRIDGE, { ignoreMissing: true }).catch(() => undefined);
    await operator?.close().catch(() => undefined);
    await lab?.close();
  });

  const desired = (): DesiredHostNetwork => ({
    networks: [
      {
        networkId,
        type: 'flat',
        physicalBridge: BRIDGE,
        vxlanPeers: [],
        dhcp: {
          mac: 'fa:16:3e:00:79:02',
          subnets: [{ cidr: CIDR, serverIp: DHCP_IP, gateway: OUTSIDE_IP, dns: [] }],
          hosts: [{ mac: GUEST_MAC, ip: GUEST_IP, hostname: 'flatvm' }],
        },
      },
    ],
    ports: [port],
  });

  it('plugs the port and the DHCP port into br-ex, with no brq… bridge and no VXLAN link', async () => {
    await host.driver.apply(desired());
    const links = new Map((await host.netlink.listLinks()).map((l) => [l.name, l]));
    assert.equal(links.get(tapName(port.portId))?.master, BRIDGE, 'the guest port is enslaved to br-ex');
    assert.equal(links.get(dhcpHostVethName(networkId))?.master, BRIDGE, 'the DHCP port is enslaved to br-ex');
    const made = [...links.keys()].filter((n) => n.startsWith('brq') || n.startsWith('vxlan-'));
    assert.deepEqual(made, [], 'no strato bridge or VXLAN link');
    assert.equal(links.get(BRIDGE)?.mtu, 1500);
    assert.ok(await lab!.root.namespaceExists(dhcpNamespaceName(networkId)), 'the DHCP namespace exists');
  });

  it('a second apply performs zero steps', async () => {
    assert.deepEqual((await host.driver.apply(desired())).steps, []);
  });

  it('the guest gets its address, MTU and router from dnsmasq', async () => {
    const ifname = guestIfName(port.portId);
    const lease = await dhcpLease(lab!, guestNs, ifname);
    assert.ok(lease, 'a lease came');
    assert.equal(lease.ip, GUEST_IP);
    assert.equal(lease.mask, '255.255.255.0');
    assert.equal(lease.router, OUTSIDE_IP);
    assert.equal(lease.mtu, '1500', 'the bridge’s MTU');
    await lab!.root.inNamespace(guestNs).addAddress(ifname, `${lease.ip}/24`);
  });

  it('the guest reaches the outside (br-ex’s address)', async () => {
    assert.ok(await ping(guestNs, OUTSIDE_IP), 'guest → br-ex');
  });

  // Host-originated traffic on br-ex takes the inet output hook, not forward: the
  // driver sends it through the guest's ingress chain by (bridge, guest IP).
  it('the outside is subject to the guest’s ingress rules (no ICMP rule → no ping in)', async () => {
    port.securityGroups = [egressAll];
    try {
      await host.driver.apply(desired());
      assert.equal(await ping(host.netns, GUEST_IP), false, 'host → guest without an ICMP rule');
    } finally {
      port.securityGroups = [egressAll, icmpFrom(CIDR)];
      await host.driver.apply(desired());
    }
    assert.ok(await ping(host.netns, GUEST_IP), 'and with the rule back, host → guest');
  });

  it('an empty state removes the port and the DHCP port, and leaves br-ex with its address', async () => {
    await host.driver.apply({ networks: [], ports: [] });
    const links = new Map((await host.netlink.listLinks()).map((l) => [l.name, l]));
    assert.equal(links.has(tapName(port.portId)), false, 'the port is gone');
    assert.equal(links.has(dhcpHostVethName(networkId)), false, 'the DHCP port is gone');
    assert.deepEqual(await leftoverLinks(host), []);
    assert.equal(await lab!.root.namespaceExists(dhcpNamespaceName(networkId)), false, 'the DHCP namespace is gone');
    const brEx = links.get(BRIDGE);
    assert.ok(brEx, 'br-ex still exists');
    assert.equal(brEx.kind, 'bridge');
    assert.equal(brEx.up, true, 'and is still up');
    assert.deepEqual(await brExAddresses(), [`${OUTSIDE_IP}/24`], 'with its address');
    assert.deepEqual(await host.driver.plan({ networks: [], ports: [] }), []);
  });
});
