// The metadata service for real (root): listeners inside namespaces this test makes
// (a "qdhcp" one holding 169.254.169.254/32 as the DHCP plan leaves it, and a
// "qrouter" one made only after the first sync), guests in namespaces of their own
// on veths asking over HTTP, and the Registry test stub over mutual TLS as the
// conductor. A guest reads its own metadata; an address the conductor does not know
// gets 404; a restarted manager serves again, and so does a listener whose namespace
// was made again; a stopped listener leaves nothing listening and its socket closed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { registryLookup } from '../../../agent/metadata/metadata-lookup.ts';
import { MetadataProxies } from '../../../agent/metadata/metadata-proxies.ts';
import type { MetadataStateView } from '../../../agent/metadata/metadata-targets.ts';
import { namespaceSockets } from '../../../agent/metadata/namespace-socket.ts';
import { routerAddress } from '../../../agent/metadata/router-address.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { ConductorLink } from '../../../agent/registry/conductor-link.ts';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import { mtlsChannelCredentials } from '../../../common/grpc/credentials.ts';
import { dhcpNamespaceName, routerNamespaceName } from '../../../common/network-names.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { RegistryStub, stubImage } from './registry-stub.ts';
import { metadataGet } from '../../harness/metadata-get.ts';

const tag = randomBytes(3).toString('hex');
const HOST = `meta-host-${tag}`;
const NET = `meta-net-${tag}`;
const NET_R = `meta-netr-${tag}`;
const ROUTER = `meta-r-${tag}`;
const NS_DHCP = dhcpNamespaceName(NET);
const NS_ROUTER = routerNamespaceName(ROUTER);
const G1 = `meta-g1-${tag}`;
const G2 = `meta-g2-${tag}`;
const G3 = `meta-g3-${tag}`;
const INSTANCE_1 = '11111111-0000-4000-8000-0000000000a1';
const INSTANCE_3 = '33333333-0000-4000-8000-0000000000a3';

const ip = (ns: string, ...args: string[]) => run('ip', ['-n', ns, ...args]);

/** A guest namespace with `eth0` (address `cidr`) on a veth whose other end is `peer` in `into`. */
async function guestNamespace(name: string, into: string, peer: string, cidr: string, via: string): Promise<void> {
  await run('ip', ['netns', 'add', name]);
  await run('ip', ['link', 'add', 'eth0', 'netns', name, 'type', 'veth', 'peer', 'name', peer, 'netns', into]);
  await ip(name, 'link', 'set', 'lo', 'up');
  await ip(name, 'addr', 'add', cidr, 'dev', 'eth0');
  await ip(name, 'link', 'set', 'eth0', 'up');
  await ip(name, 'route', 'add', '169.254.169.254/32', 'via', via);
}

const dhcpState: MetadataStateView = { networks: [{ networkId: NET, dhcp: { metadata: true } }] };
const bothState: MetadataStateView = {
  ...dhcpState,
  routers: [{ routerId: ROUTER, metadata: true, interfaces: [{ networkId: NET_R, ipCidr: '10.78.0.1/24' }] }],
};

describe('metadata proxy in namespaces (root)', () => {
  let dir: string;
  let stub: RegistryStub;
  let link: ConductorLink;
  let proxies: MetadataProxies | undefined;
  const fds: number[] = [];
  const real = namespaceSockets();
  const sockets = {
    ...real,
    listen(namespace: string, address: string, port: number): number {
      const fd = real.listen(namespace, address, port);
      fds.push(fd);
      return fd;
    },
  };
  const manager = (): MetadataProxies =>
    new MetadataProxies({
      lookup: registryLookup(link, HOST),
      sockets,
      routerAddress: routerAddress(() => openNetlink()),
      log: quiet,
    });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strato-meta-it-'));
    await makeTestPki(dir, [HOST]);
    stub = new RegistryStub(await stubImage('img-1', join(dir, 'ca.crt')));
    await stub.start({
      caFile: join(dir, 'ca.crt'),
      certFile: join(dir, 'conductor.crt'),
      keyFile: join(dir, 'conductor.key'),
    });
    stub.guests.set(`${NET} 10.77.0.10`, {
      instanceId: INSTANCE_1,
      name: 'guest-one',
      projectId: 'p1',
      availabilityZone: 'nova',
      userData: Buffer.from('#!/bin/sh\necho one\n'),
      publicKeys: [{ name: 'k1', key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1 k1' }],
    });
    stub.guests.set(`${NET_R} 10.78.0.10`, { instanceId: INSTANCE_3, name: 'guest-three' });
    const Registry = toGrpcObject<HostProto>(await loadProtoPackage()).strato.host.v1.Registry;
    const credentials = await mtlsChannelCredentials({
      caFile: join(dir, 'ca.crt'),
      certFile: join(dir, `${HOST}.crt`),
      keyFile: join(dir, `${HOST}.key`),
    });
    link = new ConductorLink({ endpoints: [`127.0.0.1:${stub.port}`], credentials, Registry, log: quiet });

    // The "qdhcp" namespace as the DHCP plan leaves it: the DHCP port's address and
    // 169.254.169.254/32 (here on a bridge joining the guests' veths).
    await run('ip', ['netns', 'add', NS_DHCP]);
    await ip(NS_DHCP, 'link', 'set', 'lo', 'up');
    await ip(NS_DHCP, 'link', 'add', 'br0', 'type', 'bridge');
    await ip(NS_DHCP, 'addr', 'add', '10.77.0.2/24', 'dev', 'br0');
    await ip(NS_DHCP, 'addr', 'add', '169.254.169.254/32', 'dev', 'br0');
    await ip(NS_DHCP, 'link', 'set', 'br0', 'up');
    for (const [g, peer, cidr] of [
      [G1, 'g1', '10.77.0.10/24'],
      [G2, 'g2', '10.77.0.11/24'],
    ] as const) {
      await guestNamespace(g, NS_DHCP, peer, cidr, '10.77.0.2');
      await ip(NS_DHCP, 'link', 'set', peer, 'master', 'br0', 'up');
    }
  });

  after(async () => {
    await proxies?.close();
    link?.close();
    await stub?.stop();
    for (const ns of [G1, G2, G3, NS_DHCP, NS_ROUTER]) await run('ip', ['netns', 'delete', ns]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a guest its own metadata, asking the conductor by network and source address', async () => {
    proxies = manager();
    await proxies.sync(dhcpState);
    assert.deepEqual(proxies.namespaces, [NS_DHCP]);
    const r = await metadataGet(G1, '/openstack/latest/meta_data.json');
    assert.equal(r.status, 200, JSON.stringify(r));
    const doc = JSON.parse(r.body!) as { uuid: string; hostname: string; public_keys: Record<string, string> };
    assert.equal(doc.uuid, INSTANCE_1);
    assert.equal(doc.hostname, 'guest-one');
    assert.deepEqual(Object.keys(doc.public_keys), ['k1']);
    assert.deepEqual(
      stub.metadataCalls.map((c) => [c.hostId, c.networkId, c.ip]),
      [[HOST, NET, '10.77.0.10']],
    );
    assert.deepEqual(await metadataGet(G1, '/latest/meta-data/local-ipv4'), { status: 200, body: '10.77.0.10' });
    assert.deepEqual(await metadataGet(G1, '/latest/user-data'), { status: 200, body: '#!/bin/sh\necho one\n' });
  });

  it('answers 404 to an address the conductor knows no guest at', async () => {
    const r = await metadataGet(G2, '/openstack/latest/meta_data.json');
    assert.equal(r.status, 404, JSON.stringify(r));
    assert.ok(stub.metadataCalls.some((c) => c.networkId === NET && c.ip === '10.77.0.11'));
  });

  it('starts a router listener once its namespace exists, with the address on lo, by the interface holding the source', async () => {
    await proxies!.sync(bothState); // the router's namespace is not there yet: nothing, no error
    assert.deepEqual(proxies!.namespaces, [NS_DHCP]);
    await run('ip', ['netns', 'add', NS_ROUTER]);
    await guestNamespace(G3, NS_ROUTER, 'qr', '10.78.0.10/24', '10.78.0.1');
    await ip(NS_ROUTER, 'addr', 'add', '10.78.0.1/24', 'dev', 'qr');
    await ip(NS_ROUTER, 'link', 'set', 'qr', 'up');
    await proxies!.sync(bothState);
    assert.deepEqual(proxies!.namespaces, [NS_DHCP, NS_ROUTER]);
    const { stdout } = await ip(NS_ROUTER, '-j', 'addr', 'show', 'dev', 'lo');
    const lo = JSON.parse(stdout) as { flags: string[]; addr_info: { local: string; prefixlen: number }[] }[];
    assert.ok(lo[0]!.flags.includes('UP'));
    assert.ok(lo[0]!.addr_info.some((a) => a.local === '169.254.169.254' && a.prefixlen === 32));
    const r = await metadataGet(G3, '/latest/meta-data/instance-id');
    assert.deepEqual(r, { status: 200, body: INSTANCE_3 });
    assert.ok(stub.metadataCalls.some((c) => c.networkId === NET_R && c.ip === '10.78.0.10'));
    // Syncing the same state again keeps the same sockets.
    const before = fds.length;
    await proxies!.sync(bothState);
    assert.equal(fds.length, before);
  });

  it('a restarted manager (agent restart) serves again from the same state', async () => {
    await proxies!.close();
    assert.equal((await metadataGet(G1, '/latest/meta-data/instance-id')).error, 'ECONNREFUSED');
    proxies = manager();
    await proxies.sync(bothState);
    assert.deepEqual(await metadataGet(G1, '/latest/meta-data/instance-id'), { status: 200, body: INSTANCE_1 });
    assert.deepEqual(await metadataGet(G3, '/latest/meta-data/instance-id'), { status: 200, body: INSTANCE_3 });
  });

  it('a router namespace deleted and made again under the same name gets a new listener at the next sync', async () => {
    await run('ip', ['netns', 'delete', G3]);
    await run('ip', ['netns', 'delete', NS_ROUTER]);
    await run('ip', ['netns', 'add', NS_ROUTER]);
    await guestNamespace(G3, NS_ROUTER, 'qr', '10.78.0.10/24', '10.78.0.1');
    await ip(NS_ROUTER, 'addr', 'add', '10.78.0.1/24', 'dev', 'qr');
    await ip(NS_ROUTER, 'link', 'set', 'qr', 'up');
    // The old socket still lives in the old namespace (and lo lost the address): no answer.
    assert.notEqual((await metadataGet(G3, '/latest/meta-data/instance-id')).error, undefined);
    const before = fds.length;
    await proxies!.sync(bothState);
    assert.equal(fds.length, before + 1, 'one new socket, for the router only');
    assert.deepEqual(await metadataGet(G3, '/latest/meta-data/instance-id'), { status: 200, body: INSTANCE_3 });
  });

  it('a namespace that no longer needs the service loses its listener and socket; the router its address', async () => {
    const inodes = new Map<number, string>();
    for (const fd of fds.slice(-2)) inodes.set(fd, await readlink(`/proc/self/fd/${fd}`));
    assert.ok(
      [...inodes.values()].every((v) => v.startsWith('socket:')),
      [...inodes.values()].join(),
    );
    await proxies!.sync({ networks: [{ networkId: NET, dhcp: { metadata: false } }], routers: [] });
    assert.deepEqual(proxies!.namespaces, []);
    for (const [fd, inode] of inodes) {
      const now = await readlink(`/proc/self/fd/${fd}`).catch(() => 'closed');
      assert.notEqual(now, inode, `fd ${fd} still holds the listener's socket`);
    }
    for (const ns of [NS_DHCP, NS_ROUTER]) {
      const { stdout } = await run('ip', ['netns', 'exec', ns, 'ss', '-Htln']);
      assert.doesNotMatch(stdout, /:80\b/, `${ns} still listens: ${stdout}`);
    }
    assert.equal((await metadataGet(G1, '/latest/meta-data/instance-id')).error, 'ECONNREFUSED');
    // The router stays (routers: [] here means it lost its metadata, not that it is gone):
    // its namespace exists, so the address comes off too.
    await proxies!.sync(bothState);
    await proxies!.sync({
      ...dhcpState,
      routers: [{ routerId: ROUTER, metadata: false, interfaces: [{ networkId: NET_R, ipCidr: '10.78.0.1/24' }] }],
    });
    assert.deepEqual(proxies!.namespaces, [NS_DHCP]);
    const { stdout } = await ip(NS_ROUTER, '-j', 'addr', 'show', 'dev', 'lo');
    assert.doesNotMatch(stdout, /169\.254\.169\.254/);
  });

  it('a conductor that does not answer means 503 (the guest retries), not 404', async () => {
    await stub.stop();
    const r = await metadataGet(G2, '/openstack/latest/meta_data.json');
    assert.equal(r.status, 503, JSON.stringify(r));
  });
});
