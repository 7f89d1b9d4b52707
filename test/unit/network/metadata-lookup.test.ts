// The metadata lookup over records put straight into a store (routers have no API
// in this branch): who may ask for a network (the router host where a router
// joins it, else the DHCP host as the pusher placed it, never an unregistered
// host), which server an address names (scoped by network: two networks with
// the same CIDR), and the bad-input errors naming their field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InstanceMetadata } from '../../../conductor/compute/instance-metadata.ts';
import type { InstanceRecord } from '../../../conductor/compute/instance-record.ts';
import { instanceKey } from '../../../conductor/compute/instance-record.ts';
import type { NicSpawnParts } from '../../../conductor/compute/nics.ts';
import { DEVICE_OWNER } from '../../../conductor/compute/server-networking/nic-ports.ts';
import type { HostRecord } from '../../../conductor/hosts/host-record.ts';
import { type Allocation, ipamKey, networkPortKey, recordKey } from '../../../conductor/network/keys.ts';
import { MetadataHosts } from '../../../conductor/network/metadata-hosts.ts';
import type { PortRecord } from '../../../conductor/network/model.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { isCode, rejection } from '../../harness/errors.ts';
import { network, port, subnet } from './records.ts';
import { router, routerPort } from './router-records.ts';

const T1 = '11111111-aaaa-4aaa-8aaa-000000000001';
const T2 = '22222222-bbbb-4bbb-8bbb-000000000002';
const VM1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const VM2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const VM3 = 'aaaaaaaa-0000-4000-8000-000000000003';

const hostRecs = ['h1', 'h2', 'net-a'].map(
  (id, i) => ({ id, underlayIp: `192.0.2.${i + 1}` }) as unknown as HostRecord,
);

function server(id: string, name: string, portId: string, o: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id,
    name,
    projectId: 'p1',
    userId: 'u1',
    image: { id: 'img', sha256: 'ab'.repeat(32), sizeBytes: 1024, diskFormat: 'qcow2' },
    flavor: { id: 'f', name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 },
    userData: Buffer.from(`#!/bin/sh\necho ${name}\n`).toString('base64'),
    metadata: { role: name },
    nics: [{ networkId: '', networkName: '', portId, fixedIp: '', owned: true, mac: '', ips: [] }],
    ...o,
  } as InstanceRecord;
}

const guest = (id: string, net: string, sub: string, host: string, ip: string, vm: string): PortRecord =>
  port(id, net, {
    bindingHost: host,
    fixedIps: [{ subnetId: sub, ip }],
    deviceId: vm,
    deviceOwner: DEVICE_OWNER,
  });

describe('metadata lookup', () => {
  let store: SqliteStore;
  let placement = new Map<string, string>();
  let meta: InstanceMetadata;
  const asked: string[][] = [];
  const nics: NicSpawnParts = {
    async spawnParts(list) {
      asked.push(list.map((n) => n.portId));
      return { ports: [], networkDataJson: JSON.stringify({ ports: list.map((n) => n.portId) }) };
    },
  };

  async function putPort(p: PortRecord) {
    await store.create(recordKey('ports', p.id), p);
    await store.create(networkPortKey(p.networkId, p.id), {});
    for (const f of p.fixedIps) await store.create(ipamKey(f.subnetId, f.ip), { portId: p.id } satisfies Allocation);
  }

  before(async () => {
    store = new SqliteStore({ path: ':memory:' });
    // Two networks with the same CIDR; r1 (on net-a, no guest there) joins T1 only.
    await store.create(recordKey('networks', T1), network(T1, { subnetIds: ['s1'] }));
    await store.create(recordKey('networks', T2), network(T2, { vni: 1002, subnetIds: ['s2'] }));
    await store.create(recordKey('subnets', 's1'), subnet('s1', T1, '10.0.0.0/24'));
    await store.create(recordKey('subnets', 's2'), subnet('s2', T2, '10.0.0.0/24'));
    await putPort(guest('g-1', T1, 's1', 'h1', '10.0.0.3', VM1));
    await putPort(guest('g-2', T2, 's2', 'h1', '10.0.0.3', VM2));
    await putPort(guest('g-3', T2, 's2', 'h2', '10.0.0.4', VM3));
    // A port that names a server which does not name it back (a stale device id).
    await putPort(guest('g-4', T1, 's1', 'h1', '10.0.0.5', VM2));
    await putPort(routerPort('ri-1', T1, 's1', '10.0.0.1', 'r1', { bindingHost: 'net-a' }));
    await store.create(
      recordKey('routers', 'r1'),
      router('r1', 'net-a', { interfaces: [{ portId: 'ri-1', networkId: T1, subnetId: 's1', ip: '10.0.0.1' }] }),
    );
    await store.create(
      instanceKey(VM1),
      server(VM1, 'vm-one', 'g-1', { keyPair: { name: 'k1', publicKey: 'ssh-ed25519 AAAA one' } }),
    );
    await store.create(instanceKey(VM2), server(VM2, 'vm-two', 'g-2'));
    await store.create(instanceKey(VM3), server(VM3, 'vm-three', 'g-3'));
    meta = new InstanceMetadata({
      store,
      hosts: new MetadataHosts({ store, hosts: { list: async () => hostRecs }, dhcpPlacement: () => placement }),
      nics,
    });
  });
  after(() => store.close());

  it('answers the router host of a joined network with the server holding the address, as its spawn carries it', async () => {
    const r = await meta.lookup('net-a', T1, '10.0.0.3');
    assert.deepEqual(r, {
      instanceId: VM1,
      name: 'vm-one',
      projectId: 'p1',
      availabilityZone: '',
      metadata: { role: 'vm-one' },
      userData: Buffer.from('#!/bin/sh\necho vm-one\n'),
      networkDataJson: JSON.stringify({ ports: ['g-1'] }),
      publicKeys: [{ name: 'k1', key: 'ssh-ed25519 AAAA one' }],
    });
    assert.deepEqual(asked.at(-1), ['g-1'], 'network_data.json from the server’s own NICs');
  });

  it('refuses the DHCP host of a network a router joins, and a router host for a network it does not join', async () => {
    const e = await rejection(meta.lookup('h1', T1, '10.0.0.3'));
    assert.equal(e.code, 'PERMISSION_DENIED');
    assert.equal(e.reason, 'METADATA_NOT_SERVED');
    await assert.rejects(meta.lookup('net-a', T2, '10.0.0.3'), isCode('PERMISSION_DENIED', 'METADATA_NOT_SERVED'));
  });

  it('follows the pusher’s DHCP placement on a network without a router, and refuses unregistered hosts', async () => {
    for (const [dhcp, other] of [
      ['h1', 'h2'],
      ['h2', 'h1'],
    ] as const) {
      placement = new Map([[T2, dhcp]]);
      const r = await meta.lookup(dhcp, T2, '10.0.0.3');
      assert.equal(r.instanceId, VM2, 'the same address on the other network is another server');
      assert.equal((await meta.lookup(dhcp, T2, '10.0.0.4')).instanceId, VM3);
      await assert.rejects(meta.lookup(other, T2, '10.0.0.3'), isCode('PERMISSION_DENIED', 'METADATA_NOT_SERVED'));
    }
    placement = new Map();
    await assert.rejects(meta.lookup('ghost', T2, '10.0.0.3'), isCode('PERMISSION_DENIED', 'METADATA_NOT_SERVED'));
  });

  it('finds no server at a free address, a router’s address, a stale port or an unknown network', async () => {
    for (const ip of ['10.0.0.99', '10.0.0.1', '10.0.0.5']) {
      const e = await rejection(meta.lookup('net-a', T1, ip));
      assert.equal(e.code, 'NOT_FOUND', ip);
      assert.equal(e.reason, 'INSTANCE_NOT_FOUND', ip);
    }
    await assert.rejects(
      meta.lookup('net-a', '99999999-aaaa-4aaa-8aaa-000000000009', '10.0.0.3'),
      isCode('PERMISSION_DENIED', 'METADATA_NOT_SERVED'),
    );
  });

  it('refuses malformed input naming the field, before anything else', async () => {
    for (const [net, ip, reason, field] of [
      ['', '10.0.0.3', 'FIELD_REQUIRED', 'network_id'],
      ['not-a-network', '10.0.0.3', 'NETWORK_ID_INVALID', 'network_id'],
      ['/network/ports/g-1', '10.0.0.3', 'NETWORK_ID_INVALID', 'network_id'],
      [T1, '', 'FIELD_REQUIRED', 'ip'],
      [T1, '10.0.0.03', 'IP_INVALID', 'ip'],
      [T1, '10.0.0.3/24', 'IP_INVALID', 'ip'],
      [T1, '::1', 'IP_INVALID', 'ip'],
    ] as const) {
      const e = await rejection(meta.lookup('ghost', net, ip));
      assert.equal(e.code, 'INVALID_ARGUMENT', `${net} ${ip}`);
      assert.equal(e.reason, reason, `${net} ${ip}`);
      assert.equal(e.details.field, field, `${net} ${ip}`);
    }
  });
});
