// Registry.GetInstanceMetadata on a real conductor, over the registry's mutual
// TLS, with FAKE agents (test/harness/fake-agent.ts) hosting the servers. Two
// networks use the same CIDR and each server holds the same address on its own;
// each network's DHCP runs on the one host with a port there. A host answers
// for the network it serves, with exactly what the server's spawn carried to
// the config drive; a host that serves nothing for a network is refused, and
// the guest of the other network never gets the first one's metadata. Last, a
// router joins one network (its records written into the stopped conductor's
// store: routers have no API in this branch) and metadata moves to its host.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { credentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import type { RegistryClient } from '../../../common/gen/strato/host/v1/Registry.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { startConductor } from '../../../conductor/main.ts';
import { networkPortKey, recordKey } from '../../../conductor/network/keys.ts';
import { type PortRecord, ROUTER_INTERFACE_OWNER, type RouterRecord } from '../../../conductor/network/model.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { rejection } from '../../harness/errors.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { waitFor } from '../../harness/wait.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

const ADDRESS = '10.20.0.10';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL3tCq0Gq8mNwQ0aZr0sY7mG0xkFJm2hTw1n1bq4Yx5d l3state@test';

describe('conductor: Registry.GetInstanceMetadata over mutual TLS', () => {
  let env: Env;
  let hv1: FakeAgent;
  let hv2: FakeAgent;
  const clients: StratoClient<RegistryClient>[] = [];
  const ids = { netA: '', netB: '', vmA: '', vmB: '' };

  /** A Registry client holding `certName`'s certificate. */
  async function registryAs(certName: string): Promise<StratoClient<RegistryClient>> {
    const proto = toGrpcObject<HostProto>(await loadProtoPackage());
    const [ca, key, crt] = await Promise.all(
      ['ca.crt', `${certName}.key`, `${certName}.crt`].map((f) => readFile(join(env.tls, f))),
    );
    const c = connect(proto.strato.host.v1.Registry, env.registryAddress, {
      credentials: credentials.createSsl(ca, key, crt),
      retry: false,
      defaultDeadlineMs: 10_000,
      channelOptions: { 'grpc.ssl_target_name_override': 'conductor' },
    });
    clients.push(c);
    return c;
  }

  before(async () => {
    env = await startEnv(['l3s-hv-1', 'l3s-hv-2', 'l3s-hv-3'], { metricsListen: 'off' });
    hv1 = await env.startAgent('l3s-hv-1', { underlayIp: '10.98.0.1' });
    hv2 = await env.startAgent('l3s-hv-2', { underlayIp: '10.98.0.2' });
    await env.startAgent('l3s-hv-3', { underlayIp: '10.98.0.3' });
    await uploadImage(env.admin, env.dir, 'img', true);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 });
    await env.admin.keyPairs.ImportKeyPair({ name: 'l3s-key', publicKey: KEY });
    for (const n of ['l3s-net-a', 'l3s-net-b']) {
      await env.admin.networks.CreateNetwork({ name: n, providerType: 'vxlan' });
      await env.admin.subnets.CreateSubnet({ name: `${n}-sub`, network: n, cidr: '10.20.0.0/24' });
    }
    ids.netA = (await env.admin.networks.GetNetwork({ network: 'l3s-net-a' })).id;
    ids.netB = (await env.admin.networks.GetNetwork({ network: 'l3s-net-b' })).id;
    for (const [name, host, net, keyName] of [
      ['vm-a', 'l3s-hv-1', 'l3s-net-a', 'l3s-key'],
      ['vm-b', 'l3s-hv-2', 'l3s-net-b', ''],
    ] as const) {
      await env.admin.servers.CreateServer({
        name,
        image: 'img',
        flavor: 'small',
        host,
        keyName,
        userData: Buffer.from(`#!/bin/sh\necho hello from ${name}\n`),
        metadata: { owner: name },
        networks: [{ network: net, port: '', fixedIp: ADDRESS }],
      });
    }
    const a = await waitServer(env.admin, 'vm-a', settled);
    const b = await waitServer(env.admin, 'vm-b', settled);
    assert.equal(a.vmState, 'ACTIVE', JSON.stringify(a.fault));
    assert.equal(b.vmState, 'ACTIVE', JSON.stringify(b.fault));
    ids.vmA = a.id;
    ids.vmB = b.id;
    // Each network's DHCP on the one host with a port there, as the agents were told.
    await waitFor(
      async () =>
        [hv1, hv2].map((h, i) => h.lastState.networks.find((n) => n.dhcp)?.networkId === [ids.netA, ids.netB][i]),
      (ok) => ok.every(Boolean),
      { what: 'DHCP of each network on its own host', intervalMs: 50 },
    );
  });
  after(async () => {
    for (const c of clients) c.close();
    await env?.close();
  });

  it('answers the host serving a network with what the server’s spawn carried', async () => {
    const reg = await registryAs('l3s-hv-1');
    const r = await reg.GetInstanceMetadata({ hostId: 'l3s-hv-1', networkId: ids.netA, ip: ADDRESS });
    const spec = hv1.instances.get(ids.vmA)?.spec;
    assert.ok(spec, 'hv-1 got vm-a’s spawn');
    assert.equal(r.instanceId, ids.vmA);
    assert.equal(r.name, 'vm-a');
    assert.equal(r.projectId, spec.projectId);
    assert.deepEqual(r.metadata, { owner: 'vm-a' });
    assert.equal(Buffer.from(r.userData).toString(), '#!/bin/sh\necho hello from vm-a\n');
    assert.deepEqual(
      r.publicKeys.map((k) => [k.name, k.key]),
      [['l3s-key', KEY]],
    );
    assert.equal(r.networkDataJson, spec.networkDataJson, 'network_data.json exactly as the config drive got it');
    assert.equal(JSON.parse(r.networkDataJson).links[0].ethernet_mac_address, spec.ports[0]?.mac);
  });

  it('gives the guest of the other network with the same address its own server, never the first', async () => {
    const reg = await registryAs('l3s-hv-2');
    const r = await reg.GetInstanceMetadata({ hostId: 'l3s-hv-2', networkId: ids.netB, ip: ADDRESS });
    assert.equal(r.instanceId, ids.vmB);
    assert.equal(r.name, 'vm-b');
    assert.deepEqual(r.publicKeys, []);
    assert.equal(Buffer.from(r.userData).toString(), '#!/bin/sh\necho hello from vm-b\n');
    // hv-2 serves net-b only: asking for net-a's guest at the same address is refused.
    const e = await rejection(reg.GetInstanceMetadata({ hostId: 'l3s-hv-2', networkId: ids.netA, ip: ADDRESS }));
    assert.equal(e.code, 'PERMISSION_DENIED');
    assert.equal(e.reason, 'METADATA_NOT_SERVED');
  });

  it('refuses a registered host that serves nothing for the network, and one posing as another', async () => {
    const reg3 = await registryAs('l3s-hv-3');
    for (const net of [ids.netA, ids.netB]) {
      const e = await rejection(reg3.GetInstanceMetadata({ hostId: 'l3s-hv-3', networkId: net, ip: ADDRESS }));
      assert.equal(e.code, 'PERMISSION_DENIED');
      assert.equal(e.reason, 'METADATA_NOT_SERVED');
    }
    const posing = await rejection(reg3.GetInstanceMetadata({ hostId: 'l3s-hv-1', networkId: ids.netA, ip: ADDRESS }));
    assert.equal(posing.code, 'PERMISSION_DENIED');
    assert.equal(posing.reason, 'HOST_IDENTITY_MISMATCH');
  });

  it('answers NOT_FOUND for an address no server holds, and names the field of malformed input', async () => {
    const reg = await registryAs('l3s-hv-1');
    const free = await rejection(
      reg.GetInstanceMetadata({ hostId: 'l3s-hv-1', networkId: ids.netA, ip: '10.20.0.77' }),
    );
    assert.equal(free.code, 'NOT_FOUND');
    assert.equal(free.reason, 'INSTANCE_NOT_FOUND');
    // The DHCP server's own address is no server's.
    const dhcp = hv1.lastState.networks.find((n) => n.networkId === ids.netA)?.dhcp?.subnets[0]?.serverIp;
    assert.ok(dhcp);
    const own = await rejection(reg.GetInstanceMetadata({ hostId: 'l3s-hv-1', networkId: ids.netA, ip: dhcp }));
    assert.equal(own.reason, 'INSTANCE_NOT_FOUND');
    for (const [networkId, ip, reason, field] of [
      ['net-a', ADDRESS, 'NETWORK_ID_INVALID', 'network_id'],
      [ids.netA, '10.20.0.010', 'IP_INVALID', 'ip'],
      [ids.netA, '', 'FIELD_REQUIRED', 'ip'],
    ] as const) {
      const e = await rejection(reg.GetInstanceMetadata({ hostId: 'l3s-hv-1', networkId, ip }));
      assert.equal(e.code, 'INVALID_ARGUMENT', `${networkId} ${ip}`);
      assert.equal(e.reason, reason);
      assert.equal(e.details.field, field);
    }
  });

  it('moves metadata to the host of a router that joins the network (its links there, no port)', async () => {
    const subnetId = (await env.admin.networks.GetNetwork({ network: 'l3s-net-a' })).subnetIds[0] ?? '';
    const now = new Date().toISOString();
    const routerPort: PortRecord = {
      id: 'l3s-router-port-a',
      name: '',
      projectId: '',
      networkId: ids.netA,
      mac: 'fa:16:3e:6c:33:01',
      fixedIps: [{ subnetId, ip: '10.20.0.1' }],
      securityGroupIds: [],
      deviceId: 'l3s-router',
      deviceOwner: ROUTER_INTERFACE_OWNER,
      bindingHost: 'l3s-hv-3',
      createdAt: now,
      updatedAt: now,
    };
    const router: RouterRecord = {
      id: 'l3s-router',
      name: 'l3s-router',
      projectId: '',
      hostId: 'l3s-hv-3',
      interfaces: [{ subnetId, networkId: ids.netA, portId: routerPort.id, ip: '10.20.0.1' }],
      createdAt: now,
      updatedAt: now,
    };
    await env.conductor.stop();
    const store = new SqliteStore({ path: join(env.config.dataDir ?? '', 'state.db') });
    try {
      await store.create(recordKey('ports', routerPort.id), routerPort);
      await store.create(networkPortKey(ids.netA, routerPort.id), {});
      await store.create(recordKey('routers', router.id), router);
    } finally {
      await store.close();
    }
    env.conductor = await startConductor(env.config);
    const hv3 = env.agents.find((a) => a.hostId === 'l3s-hv-3');
    assert.ok(hv3);
    await waitFor(
      async () => ({ s3: hv3.lastState, s1: hv1.lastState }),
      ({ s3, s1 }) =>
        s3.networks.some((n) => n.networkId === ids.netA) &&
        s1.networks.find((n) => n.networkId === ids.netA)?.vxlanPeers.includes('10.98.0.3') === true,
      { what: 'net-a’s links on the router host, peered with hv-1', intervalMs: 100, timeoutMs: 20_000 },
    );
    assert.deepEqual(hv3.lastState.ports, [], 'the router’s leg is no tap');

    const reg3 = await registryAs('l3s-hv-3');
    const r = await reg3.GetInstanceMetadata({ hostId: 'l3s-hv-3', networkId: ids.netA, ip: ADDRESS });
    assert.equal(r.instanceId, ids.vmA);
    const notRouted = await rejection(
      reg3.GetInstanceMetadata({ hostId: 'l3s-hv-3', networkId: ids.netB, ip: ADDRESS }),
    );
    assert.equal(notRouted.reason, 'METADATA_NOT_SERVED');
    // net-a's DHCP host no longer serves its metadata; net-b, without a router, keeps its own.
    const reg1 = await registryAs('l3s-hv-1');
    const e = await rejection(reg1.GetInstanceMetadata({ hostId: 'l3s-hv-1', networkId: ids.netA, ip: ADDRESS }));
    assert.equal(e.reason, 'METADATA_NOT_SERVED');
    const reg2 = await registryAs('l3s-hv-2');
    assert.equal(
      (await reg2.GetInstanceMetadata({ hostId: 'l3s-hv-2', networkId: ids.netB, ip: ADDRESS })).instanceId,
      ids.vmB,
    );
    // The router's own address is no server's.
    const own = await rejection(reg3.GetInstanceMetadata({ hostId: 'l3s-hv-3', networkId: ids.netA, ip: '10.20.0.1' }));
    assert.equal(own.reason, 'INSTANCE_NOT_FOUND');
  });
});
