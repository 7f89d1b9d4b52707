// Networks and subnets over real gRPC on loopback with a real SQLite store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAll } from '../../../conductor/store/list-all.ts';
import { rejection } from '../../harness/errors.ts';
import { type NetFixture, startNetworkApi, subnetReq } from './network-fixture.ts';

describe('networks and subnets API', () => {
  let f: NetFixture;
  before(async () => {
    f = await startNetworkApi({ vniRange: { min: 5000, max: 5002 } });
  });
  after(() => f?.close());

  it('creates a vxlan network with a VNI, default MTU and a DHCP MAC, and shows it by name and id', async () => {
    const m = await f.member('alpha');
    const n = await f.networks.CreateNetwork({ name: 'blue', providerType: '', physicalBridge: '', mtu: 0 }, m);
    assert.equal(n.providerType, 'vxlan');
    assert.equal(n.segmentationId, 5000);
    assert.equal(n.mtu, 1450);
    assert.equal(n.projectId, m.projectId);
    assert.match(n.dhcpMacAddress, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
    assert.deepEqual(await f.networks.GetNetwork({ network: 'blue' }, m), n);
    assert.deepEqual(await f.networks.GetNetwork({ network: n.id }, m), n);
    await f.networks.DeleteNetwork({ network: n.id }, m);
  });

  it('creates a subnet with gateway, pool, DHCP address and DNS, and lists it by network', async () => {
    const m = await f.member('alpha');
    const n = await f.networks.CreateNetwork({ name: 'green', providerType: '', physicalBridge: '', mtu: 1400 }, m);
    const s = await f.subnets.CreateSubnet(subnetReq('green', '10.20.0.0/24', { dnsServers: ['192.0.2.53'] }), m);
    assert.equal(s.cidr, '10.20.0.0/24');
    assert.equal(s.gatewayIp, '10.20.0.1');
    assert.deepEqual(s.allocationPools, [{ start: '10.20.0.2', end: '10.20.0.254' }]);
    assert.equal(s.enableDhcp, true);
    assert.equal(s.dhcpServerIp, '10.20.0.2');
    assert.deepEqual(s.dnsServers, ['192.0.2.53']);
    assert.deepEqual((await f.networks.GetNetwork({ network: n.id }, m)).subnetIds, [s.id]);
    const listed = await f.subnets.ListSubnets({ pageSize: 0, pageToken: '', network: 'green', allProjects: false }, m);
    assert.deepEqual(
      listed.subnets.map((x) => x.id),
      [s.id],
    );
    const noDhcp = await f.subnets.CreateSubnet(
      subnetReq(n.id, '10.21.0.0/24', { disableDhcp: true, gatewayIp: 'none' }),
      m,
    );
    assert.equal(noDhcp.dhcpServerIp, '');
    assert.equal(noDhcp.gatewayIp, '');
    assert.deepEqual(noDhcp.allocationPools, [{ start: '10.21.0.1', end: '10.21.0.254' }]);
    await f.networks.DeleteNetwork({ network: n.id }, m);
    const gone = await rejection(f.subnets.GetSubnet({ subnet: s.id }, m));
    assert.equal(gone.reason, 'SUBNET_NOT_FOUND', 'a network delete takes its subnets along');
  });

  it('refuses an overlapping subnet on the same network and allows the same CIDR on another network', async () => {
    const m = await f.member('alpha');
    const a = await f.networks.CreateNetwork({ name: 'ov-a', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const b = await f.networks.CreateNetwork({ name: 'ov-b', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const first = await f.subnets.CreateSubnet(subnetReq(a.id, '10.30.0.0/24'), m);
    const before = await f.store.status();
    for (const cidr of ['10.30.0.0/24', '10.30.0.128/25', '10.0.0.0/8']) {
      const err = await rejection(f.subnets.CreateSubnet(subnetReq(a.id, cidr), m));
      assert.equal(err.code, 'FAILED_PRECONDITION', cidr);
      assert.equal(err.reason, 'SUBNET_OVERLAP', cidr);
      assert.equal(err.details.subnet_id, first.id);
    }
    assert.equal((await f.store.status()).revision, before.revision, 'refused creates changed nothing');
    const same = await f.subnets.CreateSubnet(subnetReq(b.id, '10.30.0.0/24'), m);
    assert.equal(same.cidr, '10.30.0.0/24');
    assert.equal(same.dhcpServerIp, first.dhcpServerIp, 'addresses are per subnet');
    await f.networks.DeleteNetwork({ network: a.id }, m);
    await f.networks.DeleteNetwork({ network: b.id }, m);
  });

  it('serialises concurrent overlapping subnet creates: exactly one wins', async () => {
    const m = await f.member('alpha');
    const n = await f.networks.CreateNetwork({ name: 'race', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const results = await Promise.allSettled(
      ['10.40.0.0/24', '10.40.0.0/25', '10.40.0.0/16', '10.40.0.128/25'].map((c) =>
        f.subnets.CreateSubnet(subnetReq(n.id, c), m),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1, JSON.stringify(results.map((r) => r.status)));
    for (const r of results)
      if (r.status === 'rejected') assert.equal((r.reason as { reason: string }).reason, 'SUBNET_OVERLAP');
    assert.equal((await f.networks.GetNetwork({ network: n.id }, m)).subnetIds.length, 1);
    await f.networks.DeleteNetwork({ network: n.id }, m);
  });

  it('gives precise errors for bad subnets and changes nothing', async () => {
    const m = await f.member('alpha');
    const n = await f.networks.CreateNetwork({ name: 'bad-input', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const before = await f.store.status();
    const table: [Record<string, unknown>, string, string][] = [
      [{ cidr: '10.50.0.1/24' }, 'INVALID_ARGUMENT', 'CIDR_HOST_BITS_SET'],
      [{ cidr: '10.50.0.0/33' }, 'INVALID_ARGUMENT', 'CIDR_INVALID'],
      [{ cidr: 'banana' }, 'INVALID_ARGUMENT', 'CIDR_INVALID'],
      [{ cidr: '10.50.0.0/31' }, 'INVALID_ARGUMENT', 'CIDR_PREFIX_INVALID'],
      [{ cidr: '10.50.0.0/24', gatewayIp: '10.51.0.1' }, 'INVALID_ARGUMENT', 'GATEWAY_INVALID'],
      [
        { cidr: '10.50.0.0/24', allocationPools: [{ start: '10.50.0.1', end: '10.50.0.10' }] },
        'INVALID_ARGUMENT',
        'POOL_CONTAINS_GATEWAY',
      ],
      [
        { cidr: '10.50.0.0/24', allocationPools: [{ start: '10.50.0.10', end: '10.50.1.10' }] },
        'INVALID_ARGUMENT',
        'POOL_INVALID',
      ],
      [{ cidr: '10.50.0.0/24', name: 'bad name!' }, 'INVALID_ARGUMENT', 'NAME_INVALID'],
      [{ cidr: '10.50.0.0/24', network: 'no-such-net' }, 'NOT_FOUND', 'NETWORK_NOT_FOUND'],
    ];
    for (const [o, code, reason] of table) {
      const err = await rejection(f.subnets.CreateSubnet(subnetReq(n.id, '10.50.0.0/24', o), m));
      assert.equal(`${err.code}/${err.reason}`, `${code}/${reason}`, JSON.stringify(o));
    }
    const suggested = await rejection(f.subnets.CreateSubnet(subnetReq(n.id, '10.50.0.1/24'), m));
    assert.equal(suggested.details.suggested, '10.50.0.0/24');
    assert.equal((await f.store.status()).revision, before.revision);
    await f.networks.DeleteNetwork({ network: n.id }, m);
  });

  it('hands out VNIs uniquely, reports exhaustion, and reuses a released VNI', async () => {
    const m = await f.member('vni');
    const made = await Promise.all(
      ['v1', 'v2', 'v3'].map((name) =>
        f.networks.CreateNetwork({ name, providerType: 'vxlan', physicalBridge: '', mtu: 0 }, m),
      ),
    );
    assert.deepEqual(made.map((n) => n.segmentationId).sort(), [5000, 5001, 5002]);
    const full = await rejection(
      f.networks.CreateNetwork({ name: 'v4', providerType: '', physicalBridge: '', mtu: 0 }, m),
    );
    assert.equal(`${full.code}/${full.reason}`, 'RESOURCE_EXHAUSTED/VNI_POOL_EXHAUSTED');
    const freed = made.find((n) => n.segmentationId === 5001)!;
    await f.networks.DeleteNetwork({ network: freed.id }, m);
    const again = await f.networks.CreateNetwork({ name: 'v5', providerType: '', physicalBridge: '', mtu: 0 }, m);
    assert.equal(again.segmentationId, 5001);
    for (const n of [...made.filter((x) => x !== freed), again]) await f.networks.DeleteNetwork({ network: n.id }, m);
    assert.deepEqual((await listAll(f.store, '/network/vnis/')).entries, [], 'every VNI released');
  });

  it('allows flat networks to admins only, one per bridge', async () => {
    const m = await f.member('alpha');
    const denied = await rejection(
      f.networks.CreateNetwork({ name: 'ext', providerType: 'flat', physicalBridge: 'br-ex', mtu: 0 }, m),
    );
    assert.equal(`${denied.code}/${denied.reason}`, 'PERMISSION_DENIED/ADMIN_REQUIRED');
    const ext = await f.networks.CreateNetwork(
      { name: 'ext', providerType: 'flat', physicalBridge: 'br-ex', mtu: 0 },
      f.admin,
    );
    assert.equal(ext.segmentationId, 0);
    assert.equal(ext.mtu, 1500);
    assert.equal(ext.physicalBridge, 'br-ex');
    const dup = await rejection(
      f.networks.CreateNetwork({ name: 'ext2', providerType: 'flat', physicalBridge: 'br-ex', mtu: 0 }, f.admin),
    );
    assert.equal(`${dup.code}/${dup.reason}`, 'ALREADY_EXISTS/PHYSICAL_BRIDGE_IN_USE');
    const noBridge = await rejection(
      f.networks.CreateNetwork({ name: 'ext3', providerType: 'flat', physicalBridge: '', mtu: 0 }, f.admin),
    );
    assert.equal(noBridge.reason, 'PHYSICAL_BRIDGE_INVALID');
    await f.networks.DeleteNetwork({ network: ext.id }, f.admin);
    const reuse = await f.networks.CreateNetwork(
      { name: 'ext', providerType: 'flat', physicalBridge: 'br-ex', mtu: 0 },
      f.admin,
    );
    await f.networks.DeleteNetwork({ network: reuse.id }, f.admin);
  });

  it('refuses to delete a network with ports or a subnet with addresses in use', async () => {
    const m = await f.member('alpha');
    const n = await f.networks.CreateNetwork({ name: 'busy', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const s = await f.subnets.CreateSubnet(subnetReq(n.id, '10.60.0.0/24'), m);
    const p = await f.ports.CreatePort(
      {
        name: 'p',
        network: n.id,
        fixedIps: [],
        securityGroups: [],
        noSecurityGroups: true,
        macAddress: '',
        deviceId: '',
        deviceOwner: '',
        bindingHost: '',
      },
      m,
    );
    const netErr = await rejection(f.networks.DeleteNetwork({ network: n.id }, m));
    assert.equal(`${netErr.code}/${netErr.reason}`, 'FAILED_PRECONDITION/NETWORK_IN_USE');
    const subErr = await rejection(f.subnets.DeleteSubnet({ subnet: s.id }, m));
    assert.equal(`${subErr.code}/${subErr.reason}`, 'FAILED_PRECONDITION/SUBNET_IN_USE');
    await f.ports.DeletePort({ port: p.id }, m);
    await f.subnets.DeleteSubnet({ subnet: s.id }, m);
    assert.deepEqual((await f.networks.GetNetwork({ network: n.id }, m)).subnetIds, []);
    await f.networks.DeleteNetwork({ network: n.id }, m);
    const leftovers = (await listAll(f.store, '/network/')).entries
      .map((e) => e.key)
      .filter((k) => k.includes(n.id) || k.includes(s.id));
    assert.deepEqual(leftovers, [], 'nothing of the network is left in the store');
  });
});
