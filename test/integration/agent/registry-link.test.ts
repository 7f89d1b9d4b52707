// The agent's registry protocol over real gRPC and mutual TLS, with the Registry
// test stub as the conductor: failover across conductor endpoints, heartbeats with
// every instance's state, a report pushed on each change, re-registration when
// the conductor forgets the host, and the conductor's certificate name enforced.
// The hypervisor is the fake here: these tests are about the wire, not libvirt.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { InstanceManager } from '../../../agent/compute/instance-manager.ts';
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import { ConductorLink } from '../../../agent/registry/conductor-link.ts';
import { Registrar } from '../../../agent/registry/registrar.ts';
import { RegistryImageSource } from '../../../agent/registry/registry-image-source.ts';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import { mtlsChannelCredentials } from '../../../common/grpc/credentials.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { waitFor } from '../../harness/wait.ts';
import { RegistryStub, stubImage } from './registry-stub.ts';

const HOST = `link-${randomUUID().slice(0, 8)}`;
let dir: string;
let stub: RegistryStub;
let Registry: HostProto['strato']['host']['v1']['Registry'];
const cleanups: (() => Promise<void> | void)[] = [];

/** A loopback port with nothing listening (bound, then closed). */
async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strato-link-it-'));
  await makeTestPki(dir, [HOST]);
  // A tiny "image": the stub streams any file.
  const img = join(dir, 'ca.crt');
  stub = new RegistryStub(await stubImage('img-1', img));
  stub.pullDelayMs = 0;
  await stub.start({
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, 'conductor.crt'),
    keyFile: join(dir, 'conductor.key'),
  });
  Registry = toGrpcObject<HostProto>(await loadProtoPackage()).strato.host.v1.Registry;
});

after(async () => {
  for (const c of cleanups.reverse()) await c();
  await stub.stop();
  await rm(dir, { recursive: true, force: true });
});

async function link(endpoints: string[], certName = HOST): Promise<ConductorLink> {
  const credentials = await mtlsChannelCredentials({
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, `${certName}.crt`),
    keyFile: join(dir, `${certName}.key`),
  });
  const l = new ConductorLink({ endpoints, credentials, Registry, log: quiet });
  cleanups.push(() => l.close());
  return l;
}

/** An instance manager on the fake hypervisor, with stand-ins for the image cache and disk tools. */
function fakeManager(hv: FakeHypervisor): InstanceManager {
  return new InstanceManager({
    hv,
    images: {
      pathOf: (s) => `/x/${s}`,
      ensure: async () => ({ path: '/x', format: 'qcow2', sha256: 'a' }),
      virtualSize: async () => 1,
    },
    // Stand-ins that make the files the real ones would (spawn restricts their modes).
    disks: {
      createOverlay: (_base: unknown, overlay: string) => writeFile(overlay, ''),
      overlaySize: () => 1,
      writeConfigDrive: (_drive: unknown, target: string) => writeFile(target, ''),
    },
    stateDir: dir,
    virtType: 'qemu',
    availabilityZone: 'nova',
    acpiTimeoutS: 1,
    log: quiet,
  });
}

/** This test's host's registrar (stopped after the tests), not started yet. */
function startableRegistrar(
  l: ConductorLink,
  manager: InstanceManager,
  extra: Partial<ConstructorParameters<typeof Registrar>[0]>,
): Registrar {
  const registrar = new Registrar({
    link: l,
    hostId: HOST,
    address: '127.0.0.1:1',
    virtType: 'qemu',
    agentVersion: 'test',
    capacity: async () => ({ vcpus: 2, ramMib: 1024, diskGib: 10 }),
    manager,
    log: quiet,
    retryInitialMs: 50,
    ...extra,
  });
  cleanups.push(() => registrar.stop());
  return registrar;
}

test('registers through the first endpoint that answers, heartbeats, reports changes, re-registers when forgotten', {
  timeout: 60_000,
}, async () => {
  const l = await link([`127.0.0.1:${await deadPort()}`, `127.0.0.1:${stub.port}`]);
  const hv = new FakeHypervisor();
  const manager = fakeManager(hv);
  const expectedSeen: string[][] = [];
  const registrar = startableRegistrar(l, manager, { onExpected: (ids) => expectedSeen.push([...ids]) });
  const id = randomUUID();
  stub.expected = [id];
  const registered = stub.nextRegister(20_000);
  registrar.start();
  const reg = await registered;
  assert.equal(reg.hostId, HOST);
  assert.deepEqual(reg.capacity, { vcpus: 2, ramMib: 1024, diskGib: 10 });
  // The stub has seen Register; the agent's side completes when the reply lands.
  await waitFor(
    () => registrar.isRegistered,
    (registered) => registered,
    { what: "the agent's side of Register to complete", timeoutMs: 5_000, intervalMs: 20 },
  );
  assert.equal(l.endpoint, `127.0.0.1:${stub.port}`, 'failed over to the live endpoint');
  assert.deepEqual(expectedSeen[0], [id]);

  const running = stub.nextReport((r) => r.instanceId === id && r.powerState === 'running', 10_000);
  await manager.spawn({
    instanceId: id,
    name: 'x',
    projectId: 'p',
    flavor: { name: 'f', vcpus: 1, ramMiB: 64, diskGiB: 1 },
    image: { id: 'img', sha256: 'a'.repeat(64), sizeBytes: 1, diskFormat: 'qcow2' },
    userData: new Uint8Array(),
    metadata: {},
    networkDataJson: '',
    ports: [],
  });
  await running;
  const off = stub.nextReport((r) => r.instanceId === id && r.powerState === 'shutdown', 10_000);
  hv.guestPowerOff(id);
  assert.equal((await off).report.event, 'stopped/shutdown');

  const beats = stub.heartbeats.length;
  await waitFor(
    () => stub.heartbeats.length,
    (n) => n > beats,
    { what: 'heartbeats to keep coming (interval 1 s)', timeoutMs: 5_000, intervalMs: 50 },
  );
  assert.deepEqual(
    stub.heartbeats.at(-1)?.map((i) => [i.instanceId, i.powerState]),
    [[id, 'shutdown']],
  );

  // The conductor forgets the host: the next heartbeat gets NOT_FOUND, the agent registers again.
  const again = stub.nextRegister(10_000);
  stub.forgetHosts = true;
  assert.equal((await again).hostId, HOST);
  manager.close();
});

test('the conductor must present a certificate named conductor', { timeout: 30_000 }, async () => {
  // Dial the stub (which serves the conductor cert) expecting another name: TLS must refuse it.
  const credentials = await mtlsChannelCredentials({
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, `${HOST}.crt`),
    keyFile: join(dir, `${HOST}.key`),
  });
  const l = new ConductorLink({
    endpoints: [`127.0.0.1:${stub.port}`],
    credentials,
    Registry,
    log: quiet,
    serverName: 'someone-else',
  });
  cleanups.push(() => l.close());
  await assert.rejects(l.call((r) => r.Heartbeat({ hostId: HOST, instances: [] }, { timeoutMs: 3000 })));
});

test('an image streams through the link', { timeout: 30_000 }, async () => {
  const l = await link([`127.0.0.1:${stub.port}`]);
  let bytes = 0;
  let first: string | undefined;
  for await (const chunk of new RegistryImageSource(l, HOST).pull('img-1')) {
    first ??= chunk.sha256;
    bytes += chunk.data.length;
  }
  assert.equal(first?.length, 64);
  assert.ok(bytes > 0);
});

test('a storage host names its roles and reports its storage with Register and every Heartbeat', {
  timeout: 30_000,
}, async () => {
  const l = await link([`127.0.0.1:${stub.port}`]);
  const manager = fakeManager(new FakeHypervisor());
  cleanups.push(() => manager.close());
  let free = 9 * 1024 ** 3;
  const report = async () => ({
    backend: 'file',
    totalBytes: String(10 * 1024 ** 3),
    allocatedBytes: String(10 * 1024 ** 3 - free),
    freeBytes: String(free),
    sizeGranularityBytes: String(1024 ** 2),
    snapshotsSupported: true,
    snapshotsUnsupportedReason: '',
    wipePolicy: 'zero',
    iscsiPortal: '192.0.2.7:3260',
  });
  const registrar = startableRegistrar(l, manager, { roles: ['compute', 'storage'], storage: report });
  const registered = stub.nextRegister(20_000);
  registrar.start();
  const reg = await registered;
  assert.deepEqual(reg.roles, ['compute', 'storage']);
  assert.equal(reg.storage?.freeBytes, String(9 * 1024 ** 3));
  assert.equal(reg.storage?.iscsiPortal, '192.0.2.7:3260');
  // Capacity changes as volumes come and go: each heartbeat carries it as it is then.
  free = 4 * 1024 ** 3;
  const beats = stub.heartbeatStorage.length;
  const deadline = Date.now() + 10_000;
  while (!stub.heartbeatStorage.slice(beats).some((s) => s?.freeBytes === String(4 * 1024 ** 3))) {
    assert.ok(Date.now() < deadline, 'a heartbeat carries the new free bytes');
    await new Promise((r) => setTimeout(r, 50));
  }
});
