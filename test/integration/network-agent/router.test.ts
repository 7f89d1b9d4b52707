// Routers against the real kernel (issue 13): inside simulated host h1, a tenant VXLAN
// network with a "guest" namespace plugged through a port, and an "outside" namespace
// on a flat bridge br-ext made by the test (standing for the internet). The driver
// builds qrouter- namespaces between them; traffic proves what a user relies on: SNAT
// (the outside sees the router's gateway address), DNAT through a floating IP and its
// removal, two tenants with the same CIDR isolated from each other, idempotence, an
// agent restart that leaves a live ping untouched, and nothing left after a delete.
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LinuxNetworkDriver } from '../../../agent/network/linux/linux-network-driver.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { DesiredHostNetwork, PortBinding, RouterSpec } from '../../../agent/network/network-driver.ts';
import { guestIfName, routerNamespaceName } from '../../../common/network-names.ts';
import { inNs, type Lab, type LabHost, makeLab, ping, uuid } from './lab.ts';
import { pingStream, tcpSource } from './router-probes.ts';
import { egressAll } from './scenario.ts';

const BRIDGE = 'br-ext';
const EXT = '10.83.0';
const OUTSIDE_IP = `${EXT}.1`;
const G1_IP = '10.82.0.10';
const G2_IP = '10.82.0.20';
const FIP = `${EXT}.10`;
const TCP_PORT = 7001;
const GW_MAC = 'fa:16:3e:00:83:10';
const allowIn = [
  egressAll,
  { direction: 'ingress', protocol: 'icmp', remoteCidrs: ['0.0.0.0/0'] },
  { direction: 'ingress', protocol: 'tcp', portMin: TCP_PORT, portMax: TCP_PORT, remoteCidrs: ['0.0.0.0/0'] },
] as PortBinding['securityGroups'];

describe('routers: SNAT, floating IPs, isolation and restarts (real kernel, nft)', () => {
  let lab: Lab | undefined;
  let host: LabHost;
  let outsideNs: string;
  const extNet = uuid();
  const tenants = [
    { net: uuid(), vni: 3101, port: uuid(), ip: G1_IP, mac: 'fa:16:3e:00:82:10', ns: '' },
    { net: uuid(), vni: 3102, port: uuid(), ip: G2_IP, mac: 'fa:16:3e:00:82:20', ns: '' },
  ];
  /** A second subnet of router 0 (another network, another CIDR), for routing between them. */
  const east = { net: uuid(), vni: 3103, port: uuid(), ip: '10.84.0.10', mac: 'fa:16:3e:00:84:10', ns: '' };
  const EAST_LEG = uuid();
  let withEast = false;
  const routerIds = [`l3a-${uuid()}`, `l3a-${uuid()}`];
  let floating: { floatingIp: string; fixedIp: string }[] = [];
  let withSecond = false;

  const router = (i: 0 | 1): RouterSpec => ({
    routerId: routerIds[i]!,
    interfaces: [
      {
        portId: uuid5(i, 'qr'),
        networkId: tenants[i]!.net,
        mac: `fa:16:3e:00:83:0${i}`,
        ipCidr: '10.82.0.1/24' /* the same tenant subnet behind both routers */,
      },
      ...(i === 0 && withEast
        ? [{ portId: EAST_LEG, networkId: east.net, mac: 'fa:16:3e:00:84:01', ipCidr: '10.84.0.1/24' }]
        : []),
    ],
    gateway: {
      portId: uuid5(i, 'qg'),
      networkId: extNet,
      mac: `fa:16:3e:00:83:1${i}`,
      ipCidr: `${EXT}.${2 + i}/24`,
      gatewayIp: OUTSIDE_IP,
      enableSnat: true,
    },
    floatingIps: i === 0 ? floating : [],
  });

  const desired = (): DesiredHostNetwork => {
    const used = [...(withSecond ? tenants : tenants.slice(0, 1)), ...(withEast ? [east] : [])];
    return {
      networks: [
        { networkId: extNet, type: 'flat', physicalBridge: BRIDGE, vxlanPeers: [] },
        ...used.map((t) => ({ networkId: t.net, type: 'vxlan' as const, vni: t.vni, vxlanPeers: [] })),
      ],
      ports: used.map((t) => ({
        portId: t.port,
        networkId: t.net,
        mac: t.mac,
        ips: [t.ip],
        securityGroups: allowIn,
        attach: { namespace: t.ns },
      })),
      routers: withSecond ? [router(0), router(1)] : [router(0)],
    };
  };

  /** Gives a plugged guest its address and its default route through the router. */
  async function configureGuest(t: (typeof tenants)[number]): Promise<void> {
    const ifname = guestIfName(t.port);
    await lab!.root.inNamespace(t.ns).addAddress(ifname, `${t.ip}/24`);
    const via = t.ip.replace(/\.\d+$/, '.1');
    const r = await inNs(t.ns, ['ip', 'route', 'replace', 'default', 'via', via, 'dev', ifname]);
    assert.equal(r.code, 0, r.stderr);
  }

  const ourRouterNamespaces = async (): Promise<string[]> =>
    (await lab!.root.listNamespaces()).filter((n) => routerIds.some((id) => n === routerNamespaceName(id)));
  const routerVeths = async (): Promise<string[]> =>
    (await host.netlink.listLinks()).map((l) => l.name).filter((n) => /^(tq[rg]|qr-|qg-)/.test(n));

  before(async () => {
    lab = await makeLab();
    host = lab.hosts[0];
    outsideNs = await lab.newGuest();
    for (const t of [...tenants, east]) t.ns = await lab.newGuest();
    await host.netlink.createBridge(BRIDGE, { up: true });
    await host.netlink.createVeth('out0', 'eth0', { peerNamespace: outsideNs });
    await host.netlink.setMaster('out0', BRIDGE);
    await host.netlink.setUp('out0', true);
    const outside = lab.root.inNamespace(outsideNs);
    await outside.setUp('eth0', true);
    await outside.addAddress('eth0', `${OUTSIDE_IP}/24`);
  });

  after(async () => {
    // The lab's teardown removes the routers; should it fail, their namespaces are
    // outside the host's, so they go here by name.
    await host?.driver.teardown().catch(() => undefined);
    for (const id of routerIds) {
      await lab?.root.deleteNamespace(routerNamespaceName(id), { ignoreMissing: true }).catch(() => undefined);
    }
    await host?.netlink.deleteLink('out0', { ignoreMissing: true }).catch(() => undefined);
    await host?.netlink.deleteLink(BRIDGE, { ignoreMissing: true }).catch(() => undefined);
    await lab?.close();
  });

  it('builds the router; the guest pings the outside and its TCP arrives from the gateway address', async () => {
    const { steps } = await host.driver.apply(desired());
    assert.ok(steps.length > 0);
    assert.deepEqual(await ourRouterNamespaces(), [routerNamespaceName(routerIds[0]!)]);
    await configureGuest(tenants[0]!);
    assert.ok(await ping(tenants[0]!.ns, OUTSIDE_IP), 'guest → outside');
    assert.equal(await tcpSource(outsideNs, tenants[0]!.ns, OUTSIDE_IP, TCP_PORT), `${EXT}.2`, 'SNAT to the gateway');
    assert.equal(await ping(outsideNs, G1_IP), false, 'the outside cannot reach the tenant subnet itself');
  });

  it('applying the same state again performs zero steps', async () => {
    assert.deepEqual((await host.driver.apply(desired())).steps, []);
  });

  it('a floating IP lets the outside in (DNAT) and is the guest’s source out (SNAT)', async () => {
    // A neighbour that still maps the address to another MAC (it moved here) is told at once.
    const stale = await inNs(outsideNs, [
      'ip',
      'neigh',
      'replace',
      FIP,
      'lladdr',
      '02:00:00:00:00:99',
      'dev',
      'eth0',
      'nud',
      'stale',
    ]);
    assert.equal(stale.code, 0, stale.stderr);
    floating = [{ floatingIp: FIP, fixedIp: G1_IP }];
    await host.driver.apply(desired());
    let mac = '';
    for (let i = 0; i < 50 && mac !== GW_MAC; i++) {
      const neigh = JSON.parse((await inNs(outsideNs, ['ip', '-j', 'neigh', 'show', FIP])).stdout || '[]') as {
        lladdr?: string;
      }[];
      mac = neigh[0]?.lladdr ?? '';
      if (mac !== GW_MAC) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(mac, GW_MAC, 'a gratuitous ARP updated the outside’s entry for the floating IP');
    assert.ok(await ping(outsideNs, FIP), 'outside → floating IP');
    assert.equal(await tcpSource(tenants[0]!.ns, outsideNs, FIP, TCP_PORT), OUTSIDE_IP, 'the guest sees the outside');
    assert.equal(await tcpSource(outsideNs, tenants[0]!.ns, OUTSIDE_IP, TCP_PORT), FIP, 'the outside sees the FIP');
    assert.deepEqual((await host.driver.apply(desired())).steps, []);
  });

  it('an agent restart (a fresh driver over the same host) changes nothing and drops no ping', async () => {
    const stream = pingStream(outsideNs, FIP);
    const netlink = await openNetlink({ namespace: host.netns });
    try {
      while (stream.answered() < 5) await new Promise((r) => setTimeout(r, 100));
      const fresh = new LinuxNetworkDriver({
        netlink,
        facts: { underlayDevice: 'u0', underlayIp: host.underlayIp },
        stateDir: host.stateDir,
      });
      assert.deepEqual((await fresh.apply(desired())).steps, [], 'the restarted driver finds everything in place');
      await fresh.close();
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await netlink.close();
    }
    const { answered, longestGap } = await stream.stop();
    assert.ok(answered >= 10, `answered ${answered}`);
    assert.ok(longestGap <= 10, `at most 1 s of lost replies, lost ${longestGap} in a row`);
  });

  it('a router whose state directory was lost is adopted and rebuilt in place', async () => {
    await rm(join(host.stateDir, 'routers', routerIds[0]!), { recursive: true });
    assert.ok((await host.driver.apply(desired())).steps.length > 0);
    assert.deepEqual((await host.driver.apply(desired())).steps, []);
    assert.ok(await ping(outsideNs, FIP), 'outside → floating IP again');
  });

  it('removing the floating IP cuts a live ping and new connections', async () => {
    const stream = pingStream(outsideNs, FIP);
    while (stream.answered() < 3) await new Promise((r) => setTimeout(r, 100));
    floating = [];
    await host.driver.apply(desired());
    const before = stream.answered();
    await new Promise((r) => setTimeout(r, 1000));
    const { answered } = await stream.stop();
    assert.ok(answered - before <= 1, `${answered - before} replies after the removal`);
    assert.equal(await tcpSource(tenants[0]!.ns, outsideNs, FIP, TCP_PORT), undefined, 'no connection in');
    assert.equal(await tcpSource(outsideNs, tenants[0]!.ns, OUTSIDE_IP, TCP_PORT), `${EXT}.2`, 'out: SNAT again');
  });

  it('two routers with the same tenant CIDR both reach the outside and not each other', async () => {
    withSecond = true;
    await host.driver.apply(desired());
    await configureGuest(tenants[1]!);
    assert.equal(await tcpSource(outsideNs, tenants[0]!.ns, OUTSIDE_IP, TCP_PORT), `${EXT}.2`);
    assert.equal(await tcpSource(outsideNs, tenants[1]!.ns, OUTSIDE_IP, TCP_PORT), `${EXT}.3`);
    assert.equal(await ping(tenants[0]!.ns, G2_IP), false, 'tenant 1 → tenant 2');
    assert.equal(await ping(tenants[1]!.ns, G1_IP), false, 'tenant 2 → tenant 1');
    assert.deepEqual((await host.driver.apply(desired())).steps, []);
  });

  it('between the router’s own subnets traffic is routed with its addresses (no SNAT)', async () => {
    withEast = true;
    await host.driver.apply(desired());
    await configureGuest(east);
    assert.equal(
      await tcpSource(tenants[0]!.ns, east.ns, G1_IP, TCP_PORT),
      east.ip,
      'east → tenant 1 keeps its source',
    );
    assert.equal(await tcpSource(east.ns, tenants[0]!.ns, east.ip, TCP_PORT), G1_IP, 'and back');
    assert.equal(await tcpSource(outsideNs, east.ns, OUTSIDE_IP, TCP_PORT), `${EXT}.2`, 'east → outside: SNAT');
    assert.deepEqual((await host.driver.apply(desired())).steps, []);
  });

  it('a floating IP moved to another guest takes new connections there and cuts the old guest’s flows', async () => {
    floating = [{ floatingIp: FIP, fixedIp: G1_IP }];
    await host.driver.apply(desired());
    const stream = pingStream(outsideNs, FIP);
    while (stream.answered() < 3) await new Promise((r) => setTimeout(r, 100));
    floating = [{ floatingIp: FIP, fixedIp: east.ip }];
    await host.driver.apply(desired());
    const before = stream.answered();
    await new Promise((r) => setTimeout(r, 1000));
    const { answered } = await stream.stop();
    assert.ok(answered - before <= 1, `${answered - before} replies from the old guest after the move`);
    assert.equal(await tcpSource(tenants[0]!.ns, outsideNs, FIP, TCP_PORT), undefined, 'the old guest: nothing');
    assert.equal(await tcpSource(east.ns, outsideNs, FIP, TCP_PORT), OUTSIDE_IP, 'the new guest: the connection');
    floating = [];
    await host.driver.apply(desired());
  });

  it('an empty state leaves no router namespace, veth, table or state', async () => {
    await host.driver.apply({ networks: [], ports: [] });
    assert.deepEqual(await ourRouterNamespaces(), []);
    assert.deepEqual(await routerVeths(), []);
    assert.deepEqual(await readdir(join(host.stateDir, 'routers')).catch(() => []), []);
    assert.deepEqual(await host.driver.plan({ networks: [], ports: [] }), []);
    assert.ok((await host.netlink.findLink(BRIDGE)) !== undefined, 'the operator bridge stays');
  });
});

/** A distinct, stable port id per router and leg kind. */
function uuid5(i: number, kind: 'qr' | 'qg'): string {
  return `${kind === 'qr' ? 'a' : 'b'}${i}000000-0000-4000-8000-0000000000${kind === 'qr' ? '1' : '2'}${i}`;
}
