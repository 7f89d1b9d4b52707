// External networks, routers and floating IPs over real gRPC on loopback with
// a real SQLite store (router placement from a fixed list of network hosts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallOpts } from '../../../common/grpc/client.ts';
import { listAll } from '../../../conductor/store/list-all.ts';
import { rejection } from '../../harness/errors.ts';
import { type NetFixture, portReq, startNetworkApi, subnetReq } from './network-fixture.ts';

const net = (name: string, o: Record<string, unknown> = {}) => ({
  name,
  providerType: '',
  physicalBridge: '',
  mtu: 0,
  external: false,
  ...o,
});
const listReq = { pageSize: 0, pageToken: '', allProjects: false };

describe('external networks, routers and floating IPs', () => {
  let f: NetFixture;
  let hosts: string[] = ['net-b', 'net-a'];
  let ext: { id: string; subnetId: string };
  before(async () => {
    f = await startNetworkApi({
      routerHosts: { candidates: async () => hosts, isUp: async (h) => hosts.includes(h) },
      quotas: undefined,
    });
    const n = await f.networks.CreateNetwork(
      net('l3-public', { providerType: 'flat', physicalBridge: 'l3pub0', external: true }),
      f.admin,
    );
    const s = await f.subnets.CreateSubnet(
      subnetReq(n.id, '203.0.113.0/28', {
        name: 'l3-public-sub',
        disableDhcp: true,
        allocationPools: [{ start: '203.0.113.2', end: '203.0.113.9' }],
      }),
      f.admin,
    );
    ext = { id: n.id, subnetId: s.id };
  });
  after(() => f?.close());

  /** A project's tenant network with one subnet. */
  async function tenant(project: string, name: string, cidr: string) {
    const m = await f.member(project);
    const n = await f.networks.CreateNetwork(net(name), m);
    const s = await f.subnets.CreateSubnet(subnetReq(n.id, cidr, { name: `${name}-sub` }), m);
    return { m, n, s };
  }

  describe('external networks', () => {
    it('are created by admins only, flat only, and shown as external', async () => {
      const m = await f.member('l3-ext');
      const denied = await rejection(
        f.networks.CreateNetwork(net('nope', { providerType: 'flat', physicalBridge: 'l3x0', external: true }), m),
      );
      assert.deepEqual([denied.code, denied.reason], ['PERMISSION_DENIED', 'ADMIN_REQUIRED']);
      const vx = await rejection(f.networks.CreateNetwork(net('l3-vx', { external: true }), f.admin));
      assert.deepEqual(
        [vx.code, vx.reason, vx.details.field],
        ['INVALID_ARGUMENT', 'EXTERNAL_NOT_FLAT', 'provider_type'],
      );
      const got = await f.networks.GetNetwork({ network: ext.id }, f.admin);
      assert.equal(got.external, true);
    });

    it('are seen by every project (by id and name, after its own in a listing) but not changed by it', async () => {
      const { m, n } = await tenant('l3-see', 'l3-see-net', '10.40.0.0/24');
      const byName = await f.networks.GetNetwork({ network: 'l3-public' }, m);
      assert.equal(byName.id, ext.id);
      assert.equal(byName.external, true);
      const listed = await f.networks.ListNetworks(listReq, m);
      assert.deepEqual(
        listed.networks.map((x) => [x.id, x.external]),
        [
          [n.id, false],
          [ext.id, true],
        ],
      );
      // Paging walks the own list into the external one without repeats.
      const p1 = await f.networks.ListNetworks({ ...listReq, pageSize: 1 }, m);
      const p2 = await f.networks.ListNetworks({ ...listReq, pageSize: 1, pageToken: p1.nextPageToken }, m);
      assert.deepEqual([p1.networks[0]?.id, p2.networks[0]?.id, p2.nextPageToken], [n.id, ext.id, '']);
      const del = await rejection(f.networks.DeleteNetwork({ network: ext.id }, m));
      assert.deepEqual([del.code, del.reason], ['PERMISSION_DENIED', 'ADMIN_REQUIRED']);
      const sub = await rejection(f.subnets.CreateSubnet(subnetReq(ext.id, '198.51.100.0/24'), m));
      assert.deepEqual([sub.code, sub.reason], ['PERMISSION_DENIED', 'ADMIN_REQUIRED']);
      assert.ok((await f.networks.GetNetwork({ network: ext.id }, f.admin)).subnetIds.length === 1);
    });

    it('take no ports of other projects (PERMISSION_DENIED naming the network field)', async () => {
      const m = await f.member('l3-see');
      const err = await rejection(f.ports.CreatePort(portReq(ext.id), m));
      assert.deepEqual([err.code, err.reason, err.details.field], ['PERMISSION_DENIED', 'NETWORK_EXTERNAL', 'network']);
      const ports = await f.ports.ListPorts({ ...listReq, network: '', deviceId: '' }, m);
      assert.equal(ports.ports.length, 0);
    });
  });

  describe('routers', () => {
    it('are placed on the network host with the fewest routers (ties by id)', async () => {
      const m = await f.member('l3-place');
      const a = await f.routers.CreateRouter({ name: 'l3-r1', externalGateway: '', disableSnat: false }, f.admin);
      const b = await f.routers.CreateRouter({ name: 'l3-r2', externalGateway: '', disableSnat: false }, f.admin);
      assert.deepEqual([a.host, b.host], ['net-a', 'net-b']);
      assert.equal(a.status, 'ACTIVE');
      const c = await f.routers.CreateRouter({ name: 'l3-r3', externalGateway: '', disableSnat: false }, m);
      assert.equal(c.host, '', 'only admins see the host');
      for (const r of [a, b]) await f.routers.DeleteRouter({ router: r.id }, f.admin);
      await f.routers.DeleteRouter({ router: c.id }, m);
      const saved = hosts;
      hosts = [];
      try {
        const err = await rejection(
          f.routers.CreateRouter({ name: 'l3-r4', externalGateway: '', disableSnat: false }, m),
        );
        assert.deepEqual([err.code, err.reason], ['FAILED_PRECONDITION', 'NO_NETWORK_HOST']);
      } finally {
        hosts = saved;
      }
      assert.equal((await f.routers.ListRouters(listReq, m)).routers.length, 0);
    });

    it('get a gateway address from the external pool, join subnets with their gateway address, and refuse deletion while joined', async () => {
      const { m, n, s } = await tenant('l3-rt', 'l3-rt-net', '10.41.0.0/24');
      const r = await f.routers.CreateRouter({ name: 'l3-rt-r', externalGateway: 'l3-public', disableSnat: false }, m);
      assert.equal(r.externalGateway?.networkId, ext.id);
      assert.equal(r.externalGateway?.enableSnat, true);
      assert.match(r.externalGateway?.ipAddress ?? '', /^203\.0\.113\.[2-9]$/);
      const iface = await f.routers.AddRouterInterface({ router: r.id, subnet: s.id }, m);
      assert.deepEqual([iface.ipAddress, iface.networkId, iface.subnetId], ['10.41.0.1', n.id, s.id]);
      const port = await f.ports.GetPort({ port: iface.portId }, m);
      assert.deepEqual([port.deviceOwner, port.deviceId], ['network:router_interface', r.id]);
      const inUse = await rejection(f.routers.DeleteRouter({ router: r.id }, m));
      assert.deepEqual([inUse.code, inUse.reason], ['FAILED_PRECONDITION', 'ROUTER_IN_USE']);
      assert.match(inUse.message, new RegExp(s.id));
      // The router's port counts as a user of the subnet and the network.
      const subErr = await rejection(f.subnets.DeleteSubnet({ subnet: s.id }, m));
      assert.deepEqual([subErr.code, subErr.reason], ['FAILED_PRECONDITION', 'SUBNET_IN_USE']);
      const netErr = await rejection(f.networks.DeleteNetwork({ network: n.id }, m));
      assert.deepEqual([netErr.code, netErr.reason], ['FAILED_PRECONDITION', 'NETWORK_IN_USE']);
      // Its gateway holds an address of the external network, which then cannot go.
      const extErr = await rejection(f.networks.DeleteNetwork({ network: ext.id }, f.admin));
      assert.deepEqual([extErr.code, extErr.reason], ['FAILED_PRECONDITION', 'NETWORK_IN_USE']);

      const again = await rejection(f.routers.AddRouterInterface({ router: r.id, subnet: s.id }, m));
      assert.deepEqual([again.code, again.reason], ['FAILED_PRECONDITION', 'SUBNET_IN_USE']);
      const snat = await f.routers.SetRouterGateway({ router: r.id, externalNetwork: ext.id, disableSnat: true }, m);
      assert.deepEqual(
        [snat.externalGateway?.ipAddress, snat.externalGateway?.enableSnat],
        [r.externalGateway?.ipAddress, false],
        'the same network only changes SNAT',
      );
      await f.routers.RemoveRouterInterface({ router: r.id, subnet: s.id }, m);
      await rejection(f.ports.GetPort({ port: iface.portId }, m));
      const cleared = await f.routers.ClearRouterGateway({ router: r.id }, m);
      assert.equal(cleared.externalGateway, null);
      await f.routers.DeleteRouter({ router: r.id }, m);
      await f.networks.DeleteNetwork({ network: n.id }, m);
      const held = await listAll(f.store, `/network/ipam/${ext.subnetId}/`);
      assert.equal(held.entries.length, 0, 'the gateway address was freed');
    });

    it('refuse external subnets, overlapping subnets and a tenant gateway for SetRouterGateway', async () => {
      const a = await tenant('l3-ov', 'l3-ov-a', '10.42.0.0/24');
      const b = await tenant('l3-ov', 'l3-ov-b', '10.42.0.0/25');
      const r = await f.routers.CreateRouter({ name: 'l3-ov-r', externalGateway: '', disableSnat: false }, a.m);
      await f.routers.AddRouterInterface({ router: r.id, subnet: a.s.id }, a.m);
      const ov = await rejection(f.routers.AddRouterInterface({ router: r.id, subnet: b.s.id }, a.m));
      assert.deepEqual([ov.code, ov.reason], ['FAILED_PRECONDITION', 'CIDR_OVERLAP']);
      const gw = await rejection(
        f.routers.SetRouterGateway({ router: r.id, externalNetwork: a.n.id, disableSnat: false }, a.m),
      );
      assert.deepEqual(
        [gw.code, gw.reason, gw.details.field],
        ['INVALID_ARGUMENT', 'NETWORK_NOT_EXTERNAL', 'external_network'],
      );
      const adminRouter = await f.routers.CreateRouter(
        { name: 'l3-ov-ar', externalGateway: '', disableSnat: false },
        f.admin,
      );
      const extSub = await rejection(
        f.routers.AddRouterInterface({ router: adminRouter.id, subnet: ext.subnetId }, f.admin),
      );
      assert.deepEqual([extSub.code, extSub.reason], ['FAILED_PRECONDITION', 'NETWORK_EXTERNAL']);
      await f.routers.DeleteRouter({ router: adminRouter.id }, f.admin);
      await f.routers.RemoveRouterInterface({ router: r.id, subnet: a.s.id }, a.m);
      await f.routers.DeleteRouter({ router: r.id }, a.m);
    });

    it('let exactly one of two concurrent joins of one subnet win', async () => {
      const { m, s } = await tenant('l3-race', 'l3-race-net', '10.43.0.0/24');
      const r1 = await f.routers.CreateRouter({ name: 'l3-race-1', externalGateway: '', disableSnat: false }, m);
      const r2 = await f.routers.CreateRouter({ name: 'l3-race-2', externalGateway: '', disableSnat: false }, m);
      for (const pair of [
        [r1.id, r2.id],
        [r1.id, r1.id],
      ]) {
        const results = await Promise.allSettled(
          pair.map((router) => f.routers.AddRouterInterface({ router, subnet: s.id }, m)),
        );
        const won = results.filter((x) => x.status === 'fulfilled');
        const lost = results.filter((x) => x.status === 'rejected');
        assert.equal(won.length, 1, JSON.stringify(results));
        assert.equal((lost[0] as PromiseRejectedResult).reason.reason, 'SUBNET_IN_USE');
        const winner = (won[0] as PromiseFulfilledResult<{ routerId: string }>).value.routerId;
        const ports = await f.ports.ListPorts({ ...listReq, network: '', deviceId: winner }, m);
        assert.equal(ports.ports.length, 1, 'one interface port, no leftover');
        await f.routers.RemoveRouterInterface({ router: winner, subnet: s.id }, m);
      }
      await f.routers.DeleteRouter({ router: r1.id }, m);
      await f.routers.DeleteRouter({ router: r2.id }, m);
    });

    it('are NOT_FOUND to other projects', async () => {
      const a = await f.member('l3-iso-a');
      const b = await f.member('l3-iso-b');
      const r = await f.routers.CreateRouter({ name: 'l3-iso-r', externalGateway: '', disableSnat: false }, a);
      for (const call of [
        f.routers.GetRouter({ router: r.id }, b),
        f.routers.DeleteRouter({ router: r.id }, b),
        f.routers.UpdateRouter({ router: r.id, name: 'x' }, b),
      ]) {
        const err = await rejection(call);
        assert.deepEqual([err.code, err.reason], ['NOT_FOUND', 'ROUTER_NOT_FOUND']);
      }
      const renamed = await f.routers.UpdateRouter({ router: r.id, name: 'l3-iso-r2' }, a);
      assert.equal((await f.routers.GetRouter({ router: 'l3-iso-r2' }, a)).id, renamed.id);
      await f.routers.DeleteRouter({ router: r.id }, a);
    });
  });

  describe('floating IPs', () => {
    /** A tenant network behind a router with a gateway on the external network, and a port on it. */
    async function routed(project: string, cidr: string) {
      const t = await tenant(project, `${project}-net`, cidr);
      const r = await f.routers.CreateRouter(
        { name: `${project}-r`, externalGateway: ext.id, disableSnat: false },
        t.m,
      );
      await f.routers.AddRouterInterface({ router: r.id, subnet: t.s.id }, t.m);
      const port = await f.ports.CreatePort(portReq(t.n.id), t.m);
      return { ...t, r, port };
    }

    async function teardown(m: CallOpts, t: { r: { id: string }; s: { id: string }; n: { id: string } }) {
      await f.routers.RemoveRouterInterface({ router: t.r.id, subnet: t.s.id }, m);
      await f.routers.DeleteRouter({ router: t.r.id }, m);
      await f.networks.DeleteNetwork({ network: t.n.id }, m);
    }

    it('allocate from the pool, associate through the router, and keep the router until unset', async () => {
      const t = await routed('l3-fip', '10.50.0.0/24');
      const fip = await f.floatingIps.CreateFloatingIp(
        { floatingNetwork: 'l3-public', floatingIpAddress: '', port: '', fixedIpAddress: '' },
        t.m,
      );
      assert.match(fip.floatingIpAddress, /^203\.0\.113\.[2-9]$/);
      assert.notEqual(fip.floatingIpAddress, t.r.externalGateway?.ipAddress);
      assert.deepEqual([fip.status, fip.portId], ['DOWN', '']);
      const set = await f.floatingIps.SetFloatingIpPort(
        { floatingIp: fip.floatingIpAddress, port: t.port.id, fixedIpAddress: '' },
        t.m,
      );
      assert.deepEqual(
        [set.status, set.portId, set.fixedIpAddress, set.routerId],
        ['ACTIVE', t.port.id, t.port.fixedIps[0]?.ipAddress, t.r.id],
      );
      for (const call of [
        f.routers.RemoveRouterInterface({ router: t.r.id, subnet: t.s.id }, t.m),
        f.routers.ClearRouterGateway({ router: t.r.id }, t.m),
      ]) {
        const err = await rejection(call);
        assert.deepEqual([err.code, err.reason], ['FAILED_PRECONDITION', 'FLOATING_IPS_IN_USE']);
      }
      // A second floating IP of the same network may not map the same fixed address.
      const other = await f.floatingIps.CreateFloatingIp(
        { floatingNetwork: ext.id, floatingIpAddress: '', port: '', fixedIpAddress: '' },
        t.m,
      );
      const dup = await rejection(
        f.floatingIps.SetFloatingIpPort({ floatingIp: other.id, port: t.port.id, fixedIpAddress: '' }, t.m),
      );
      assert.deepEqual([dup.code, dup.reason], ['FAILED_PRECONDITION', 'FIXED_IP_IN_USE']);
      const bad = await rejection(
        f.floatingIps.SetFloatingIpPort({ floatingIp: other.id, port: t.port.id, fixedIpAddress: '10.50.0.200' }, t.m),
      );
      assert.deepEqual(
        [bad.code, bad.reason, bad.details.field],
        ['INVALID_ARGUMENT', 'FIXED_IP_INVALID', 'fixed_ip_address'],
      );
      // A router's own port takes no floating IP, and is not deleted as a port.
      const ifacePort = (await f.routers.GetRouter({ router: t.r.id }, t.m)).interfaces[0]!.portId;
      const routerPort = await rejection(
        f.floatingIps.SetFloatingIpPort({ floatingIp: other.id, port: ifacePort, fixedIpAddress: '' }, t.m),
      );
      assert.deepEqual([routerPort.code, routerPort.reason], ['FAILED_PRECONDITION', 'PORT_IS_ROUTER']);
      const delPort = await rejection(f.ports.DeletePort({ port: ifacePort }, t.m));
      assert.deepEqual([delPort.code, delPort.reason], ['FAILED_PRECONDITION', 'PORT_IN_USE']);
      await f.floatingIps.DeleteFloatingIp({ floatingIp: other.id }, t.m);
      const unset = await f.floatingIps.UnsetFloatingIpPort({ floatingIp: fip.id }, t.m);
      assert.deepEqual([unset.status, unset.portId], ['DOWN', '']);
      await f.floatingIps.UnsetFloatingIpPort({ floatingIp: fip.id }, t.m);
      await f.floatingIps.DeleteFloatingIp({ floatingIp: fip.id }, t.m);
      await f.ports.DeletePort({ port: t.port.id }, t.m);
      await teardown(t.m, t);
    });

    it('need a router to the floating network, and a port of their project', async () => {
      const t = await tenant('l3-unreach', 'l3-unreach-net', '10.51.0.0/24');
      const port = await f.ports.CreatePort(portReq(t.n.id), t.m);
      const err = await rejection(
        f.floatingIps.CreateFloatingIp(
          { floatingNetwork: ext.id, floatingIpAddress: '', port: port.id, fixedIpAddress: '' },
          t.m,
        ),
      );
      assert.deepEqual([err.code, err.reason], ['FAILED_PRECONDITION', 'EXTERNAL_NETWORK_UNREACHABLE']);
      const notExt = await rejection(
        f.floatingIps.CreateFloatingIp(
          { floatingNetwork: t.n.id, floatingIpAddress: '', port: '', fixedIpAddress: '' },
          t.m,
        ),
      );
      assert.deepEqual(
        [notExt.code, notExt.reason, notExt.details.field],
        ['INVALID_ARGUMENT', 'NETWORK_NOT_EXTERNAL', 'floating_network'],
      );
      const outside = await rejection(
        f.floatingIps.CreateFloatingIp(
          { floatingNetwork: ext.id, floatingIpAddress: '203.0.113.14', port: '', fixedIpAddress: '' },
          t.m,
        ),
      );
      assert.deepEqual([outside.code, outside.reason], ['INVALID_ARGUMENT', 'FLOATING_IP_ADDRESS_INVALID']);
      assert.equal(
        (await f.floatingIps.ListFloatingIps({ ...listReq, port: '' }, t.m)).floatingIps.length,
        0,
        'nothing made',
      );
      const other = await f.member('l3-unreach-other');
      const fip = await f.floatingIps.CreateFloatingIp(
        { floatingNetwork: ext.id, floatingIpAddress: '', port: '', fixedIpAddress: '' },
        other,
      );
      const cross = await rejection(
        f.floatingIps.SetFloatingIpPort({ floatingIp: fip.id, port: port.id, fixedIpAddress: '' }, other),
      );
      assert.deepEqual([cross.code, cross.reason], ['NOT_FOUND', 'PORT_NOT_FOUND']);
      const hidden = await rejection(f.floatingIps.GetFloatingIp({ floatingIp: fip.id }, t.m));
      assert.deepEqual([hidden.code, hidden.reason], ['NOT_FOUND', 'FLOATING_IP_NOT_FOUND']);
      await f.floatingIps.DeleteFloatingIp({ floatingIp: fip.id }, other);
      await f.ports.DeletePort({ port: port.id }, t.m);
      await f.networks.DeleteNetwork({ network: t.n.id }, t.m);
    });

    it('are disassociated when their port is deleted, and a chosen address in use is ALREADY_EXISTS', async () => {
      const t = await routed('l3-portdel', '10.52.0.0/24');
      const fip = await f.floatingIps.CreateFloatingIp(
        { floatingNetwork: ext.id, floatingIpAddress: '203.0.113.9', port: t.port.id, fixedIpAddress: '' },
        t.m,
      );
      assert.deepEqual([fip.floatingIpAddress, fip.portId], ['203.0.113.9', t.port.id]);
      const taken = await rejection(
        f.floatingIps.CreateFloatingIp(
          { floatingNetwork: ext.id, floatingIpAddress: '203.0.113.9', port: '', fixedIpAddress: '' },
          t.m,
        ),
      );
      assert.deepEqual([taken.code, taken.reason], ['ALREADY_EXISTS', 'IP_ADDRESS_IN_USE']);
      await f.ports.DeletePort({ port: t.port.id }, t.m);
      const after = await f.floatingIps.GetFloatingIp({ floatingIp: fip.id }, t.m);
      assert.deepEqual([after.portId, after.fixedIpAddress, after.routerId, after.status], ['', '', '', 'DOWN']);
      // Nothing points behind the router any more: it can leave the subnet.
      await teardown(t.m, t);
      await f.floatingIps.DeleteFloatingIp({ floatingIp: '203.0.113.9' }, t.m);
    });

    it('never strand an association: racing a router leg removal or a port delete', async () => {
      for (let round = 0; round < 5; round++) {
        const t = await routed(`l3-rc${round}`, `10.6${round}.0.0/24`);
        const fip = await f.floatingIps.CreateFloatingIp(
          { floatingNetwork: ext.id, floatingIpAddress: '', port: '', fixedIpAddress: '' },
          t.m,
        );
        const [set, removed] = await Promise.allSettled([
          f.floatingIps.SetFloatingIpPort({ floatingIp: fip.id, port: t.port.id, fixedIpAddress: '' }, t.m),
          f.routers.RemoveRouterInterface({ router: t.r.id, subnet: t.s.id }, t.m),
        ]);
        const reasons = [set, removed].map((x) => (x.status === 'rejected' ? x.reason.reason : 'ok'));
        assert.ok(
          JSON.stringify(reasons) === '["ok","FLOATING_IPS_IN_USE"]' ||
            JSON.stringify(reasons) === '["EXTERNAL_NETWORK_UNREACHABLE","ok"]',
          `round ${round}: ${reasons}`,
        );
        if (set.status === 'rejected') {
          await f.routers.AddRouterInterface({ router: t.r.id, subnet: t.s.id }, t.m);
          await f.floatingIps.SetFloatingIpPort({ floatingIp: fip.id, port: t.port.id, fixedIpAddress: '' }, t.m);
        }
        // A port delete racing a second association: the port goes, and nothing points at it.
        const other = await f.floatingIps.CreateFloatingIp(
          { floatingNetwork: ext.id, floatingIpAddress: '', port: '', fixedIpAddress: '' },
          t.m,
        );
        await f.floatingIps.UnsetFloatingIpPort({ floatingIp: fip.id }, t.m);
        const [assoc, del] = await Promise.allSettled([
          f.floatingIps.SetFloatingIpPort({ floatingIp: other.id, port: t.port.id, fixedIpAddress: '' }, t.m),
          f.ports.DeletePort({ port: t.port.id }, t.m),
        ]);
        assert.equal(del.status, 'fulfilled', JSON.stringify(del));
        if (assoc.status === 'rejected') assert.equal(assoc.reason.reason, 'PORT_NOT_FOUND');
        const after = await f.floatingIps.GetFloatingIp({ floatingIp: other.id }, t.m);
        assert.deepEqual([after.portId, after.routerId], ['', ''], `round ${round}: ${JSON.stringify(assoc)}`);
        assert.equal((await listAll(f.store, `/network/port-fips/${t.port.id}/`)).entries.length, 0);
        for (const x of [fip, other]) await f.floatingIps.DeleteFloatingIp({ floatingIp: x.id }, t.m);
        await teardown(t.m, t);
      }
    });

    it('never share an address under concurrent creates, and run out with IP_POOL_EXHAUSTED', async () => {
      const m = await f.member('l3-fip-race');
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          f.floatingIps.CreateFloatingIp(
            { floatingNetwork: ext.id, floatingIpAddress: '', port: '', fixedIpAddress: '' },
            m,
          ),
        ),
      );
      const made = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
      const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.reason);
      // The pool holds 8 addresses (.2 – .9) and nothing else holds one now.
      assert.equal(made.length, 8, JSON.stringify(failed));
      assert.deepEqual(failed, ['IP_POOL_EXHAUSTED', 'IP_POOL_EXHAUSTED']);
      assert.equal(new Set(made.map((x) => x.floatingIpAddress)).size, 8);
      const listed = await f.floatingIps.ListFloatingIps({ ...listReq, port: '' }, m);
      assert.deepEqual(
        listed.floatingIps.map((x) => x.floatingIpAddress),
        ['2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `203.0.113.${d}`),
        'in address order',
      );
      for (const x of made) await f.floatingIps.DeleteFloatingIp({ floatingIp: x.id }, m);
    });
  });
});
