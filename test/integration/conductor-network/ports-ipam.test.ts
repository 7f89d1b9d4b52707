// Ports and IPAM over real gRPC on loopback with a real SQLite store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CreatePortRequest } from '../../../common/gen/strato/network/v1/CreatePortRequest.ts';
import { listAll } from '../../../conductor/store/list-all.ts';
import { rejection } from '../../harness/errors.ts';
import { type NetFixture, portReq, startNetworkApi, subnetReq } from './network-fixture.ts';

describe('ports and IPAM API', () => {
  let f: NetFixture;
  before(async () => {
    f = await startNetworkApi();
  });
  after(() => f?.close());

  async function netWithSubnet(name: string, cidr: string, extra: Record<string, unknown> = {}) {
    const m = await f.member('ipam');
    const n = await f.networks.CreateNetwork({ name, providerType: '', physicalBridge: '', mtu: 0 }, m);
    const s = await f.subnets.CreateSubnet(subnetReq(n.id, cidr, { name: `${name}-sub`, ...extra }), m);
    return { m, n, s };
  }

  it('creates a port with the next free address, a unique MAC and the default group', async () => {
    const { m, n, s } = await netWithSubnet('plain', '10.1.0.0/24');
    const p = await f.ports.CreatePort(portReq(n.id, { name: 'first' }), m);
    assert.deepEqual(p.fixedIps, [{ subnetId: s.id, ipAddress: '10.1.0.3' }], '.1 is the gateway, .2 the DHCP server');
    assert.match(p.macAddress, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
    assert.equal(p.securityGroupIds.length, 1);
    const def = await f.groups.GetSecurityGroup({ securityGroup: 'default' }, m);
    assert.deepEqual(p.securityGroupIds, [def.id]);
    const q = await f.ports.CreatePort(portReq(n.id), m);
    assert.equal(q.fixedIps[0]!.ipAddress, '10.1.0.4');
    assert.notEqual(q.macAddress, p.macAddress);
    assert.deepEqual(await f.ports.GetPort({ port: 'first' }, m), p);
    const listed = await f.ports.ListPorts(
      { pageSize: 0, pageToken: '', network: n.id, deviceId: '', allProjects: false },
      m,
    );
    assert.deepEqual(listed.ports.map((x) => x.id).sort(), [p.id, q.id].sort());
  });

  it('never gives one address to two ports under 20 concurrent creates on a /27', async () => {
    const { m, n, s } = await netWithSubnet('race', '10.2.0.0/27');
    const started = performance.now();
    const ports = await Promise.all(Array.from({ length: 20 }, () => f.ports.CreatePort(portReq(n.id), m)));
    const ms = performance.now() - started;
    const ips = ports.map((p) => p.fixedIps[0]!.ipAddress);
    assert.equal(new Set(ips).size, 20, `duplicates in ${ips.join(' ')}`);
    assert.equal(new Set(ports.map((p) => p.macAddress)).size, 20);
    for (const ip of ips) {
      const last = Number(ip.split('.')[3]);
      assert.ok(last >= 3 && last <= 30, `${ip} is a pool address, not network/gateway/DHCP/broadcast`);
    }
    const allocations = (await listAll(f.store, `/network/ipam/${s.id}/`)).entries.map((e) => e.key.split('/').pop());
    assert.equal(allocations.length, 21, '20 ports + the DHCP server');
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  it('reports an exhausted pool with RESOURCE_EXHAUSTED and changes nothing', async () => {
    const { m, n } = await netWithSubnet('tiny', '10.3.0.0/29', {
      allocationPools: [{ start: '10.3.0.2', end: '10.3.0.5' }],
    });
    // .2 is the DHCP server: three addresses left for ports.
    const made = await Promise.all([1, 2, 3].map(() => f.ports.CreatePort(portReq(n.id), m)));
    assert.deepEqual(made.map((p) => p.fixedIps[0]!.ipAddress).sort(), ['10.3.0.3', '10.3.0.4', '10.3.0.5']);
    const before = await f.store.status();
    const err = await rejection(f.ports.CreatePort(portReq(n.id), m));
    assert.equal(`${err.code}/${err.reason}`, 'RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED');
    assert.equal((await f.store.status()).revision, before.revision);
    // A fixed address outside the pools is still allowed (as in Neutron).
    const outside = await f.ports.CreatePort(portReq(n.id, { fixedIps: [{ subnet: '', ipAddress: '10.3.0.6' }] }), m);
    assert.equal(outside.fixedIps[0]!.ipAddress, '10.3.0.6');
  });

  it('releases an address on delete for reuse', async () => {
    const { m, n } = await netWithSubnet('reuse', '10.4.0.0/29', {
      allocationPools: [{ start: '10.4.0.2', end: '10.4.0.3' }],
    });
    const p = await f.ports.CreatePort(portReq(n.id), m);
    assert.equal(p.fixedIps[0]!.ipAddress, '10.4.0.3');
    assert.equal((await rejection(f.ports.CreatePort(portReq(n.id), m))).reason, 'IP_POOL_EXHAUSTED');
    await f.ports.DeletePort({ port: p.id }, m);
    const q = await f.ports.CreatePort(portReq(n.id), m);
    assert.equal(q.fixedIps[0]!.ipAddress, '10.4.0.3');
    const gone = await rejection(f.ports.GetPort({ port: p.id }, m));
    assert.equal(`${gone.code}/${gone.reason}`, 'NOT_FOUND/PORT_NOT_FOUND');
    const again = await rejection(f.ports.DeletePort({ port: p.id }, m));
    assert.equal(again.reason, 'PORT_NOT_FOUND');
  });

  it('checks fixed addresses: outside, reserved, taken, twice; nothing changes on error', async () => {
    const { m, n, s } = await netWithSubnet('fixed', '10.5.0.0/24');
    const other = await netWithSubnet('fixed-other', '10.6.0.0/24');
    const held = await f.ports.CreatePort(portReq(n.id, { fixedIps: [{ subnet: s.id, ipAddress: '10.5.0.77' }] }), m);
    assert.deepEqual(held.fixedIps, [{ subnetId: s.id, ipAddress: '10.5.0.77' }]);
    const before = await f.store.status();
    const table: [CreatePortRequest['fixedIps'], string][] = [
      [[{ subnet: s.id, ipAddress: '10.6.0.9' }], 'INVALID_ARGUMENT/IP_NOT_IN_SUBNET'],
      [[{ subnet: '', ipAddress: '192.168.9.9' }], 'INVALID_ARGUMENT/IP_NOT_IN_SUBNET'],
      [[{ subnet: '', ipAddress: '10.5.0.1' }], 'INVALID_ARGUMENT/IP_RESERVED'],
      [[{ subnet: '', ipAddress: '10.5.0.2' }], 'INVALID_ARGUMENT/IP_RESERVED'],
      [[{ subnet: '', ipAddress: '10.5.0.255' }], 'INVALID_ARGUMENT/IP_RESERVED'],
      [[{ subnet: '', ipAddress: '10.5.0.300' }], 'INVALID_ARGUMENT/IP_ADDRESS_INVALID'],
      [[{ subnet: other.s.id, ipAddress: '' }], 'INVALID_ARGUMENT/SUBNET_NOT_IN_NETWORK'],
      [[{ subnet: '', ipAddress: '10.5.0.77' }], 'ALREADY_EXISTS/IP_IN_USE'],
      [
        [
          { subnet: '', ipAddress: '10.5.0.78' },
          { subnet: s.id, ipAddress: '10.5.0.78' },
        ],
        'INVALID_ARGUMENT/FIXED_IPS_CONFLICT',
      ],
      [[{ subnet: 'nope', ipAddress: '' }], 'NOT_FOUND/SUBNET_NOT_FOUND'],
    ];
    for (const [fixedIps, want] of table) {
      const err = await rejection(f.ports.CreatePort(portReq(n.id, { fixedIps }), m));
      assert.equal(`${err.code}/${err.reason}`, want, JSON.stringify(fixedIps));
    }
    const many = Array.from({ length: 17 }, (_, i) => ({ subnet: '', ipAddress: `10.5.0.${100 + i}` }));
    const tooMany = await rejection(f.ports.CreatePort(portReq(n.id, { fixedIps: many }), m));
    assert.equal(`${tooMany.code}/${tooMany.reason}`, 'INVALID_ARGUMENT/TOO_MANY_FIXED_IPS');
    const macTaken = await rejection(
      f.ports.CreatePort(portReq(n.id, { macAddress: held.macAddress.toUpperCase() }), m),
    );
    assert.equal(`${macTaken.code}/${macTaken.reason}`, 'ALREADY_EXISTS/MAC_IN_USE');
    const macBad = await rejection(f.ports.CreatePort(portReq(n.id, { macAddress: '01:00:5e:00:00:01' }), m));
    assert.equal(macBad.reason, 'MAC_INVALID');
    const bind = await rejection(f.ports.CreatePort(portReq(n.id, { bindingHost: 'hv-1' }), m));
    assert.equal(`${bind.code}/${bind.reason}`, 'PERMISSION_DENIED/ADMIN_REQUIRED');
    assert.equal((await f.store.status()).revision, before.revision, 'no failed call changed the store');
    const mac = await f.ports.CreatePort(portReq(n.id, { macAddress: 'FA-16-3E-01-02-03' }), m);
    assert.equal(mac.macAddress, 'fa:16:3e:01:02:03');
  });

  it('concurrent requests for one fixed address: one wins, the rest get IP_IN_USE', async () => {
    const { m, n } = await netWithSubnet('fixed-race', '10.7.0.0/24');
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        f.ports.CreatePort(portReq(n.id, { fixedIps: [{ subnet: '', ipAddress: '10.7.0.50' }] }), m),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results)
      if (r.status === 'rejected') assert.equal((r.reason as { reason: string }).reason, 'IP_IN_USE');
  });

  it('binds ports to instances and hosts; an attached port cannot be deleted by the API', async () => {
    const { m, n } = await netWithSubnet('bound', '10.8.0.0/24');
    const p = await f.ports.CreatePort(portReq(n.id), m);
    const bound = await f.net.ports.bind(p.id, { deviceId: 'vm-1', deviceOwner: 'compute', bindingHost: 'hv-1' });
    assert.equal(bound.bindingHost, 'hv-1');
    const shown = await f.ports.GetPort({ port: p.id }, m);
    assert.equal(shown.deviceId, 'vm-1');
    const byDevice = await f.ports.ListPorts(
      { pageSize: 0, pageToken: '', network: '', deviceId: 'vm-1', allProjects: false },
      m,
    );
    assert.deepEqual(
      byDevice.ports.map((x) => x.id),
      [p.id],
    );
    await assert.rejects(f.net.ports.bind(p.id, { deviceId: 'vm-2', deviceOwner: 'compute', bindingHost: 'hv-2' }), {
      reason: 'PORT_IN_USE',
    });
    const inUse = await rejection(f.ports.DeletePort({ port: p.id }, m));
    assert.equal(`${inUse.code}/${inUse.reason}`, 'FAILED_PRECONDITION/PORT_IN_USE');
    await f.net.ports.unbind(p.id, 'vm-1');
    await f.ports.DeletePort({ port: p.id }, m);
    await f.net.ports.deleteById(p.id); // idempotent for workflows
  });

  it('creates a port without addresses on a network without subnets, and with no groups on request', async () => {
    const m = await f.member('ipam');
    const n = await f.networks.CreateNetwork({ name: 'bare', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const p = await f.ports.CreatePort(portReq(n.id, { noSecurityGroups: true }), m);
    assert.deepEqual(p.fixedIps, []);
    assert.deepEqual(p.securityGroupIds, []);
    const conflict = await rejection(
      f.ports.CreatePort(portReq(n.id, { noSecurityGroups: true, securityGroups: ['default'] }), m),
    );
    assert.equal(conflict.reason, 'SECURITY_GROUPS_CONFLICT');
  });
});
