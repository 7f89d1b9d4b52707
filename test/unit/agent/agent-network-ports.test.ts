// Spawns and hot-plugs with ports, against the fake hypervisor and the fake network
// driver behind the real NetworkState: a domain starts only once its taps are wired
// (waiting briefly for a push), a hot-plug needs its port wired, unplug and delete
// leave the taps to the driver; and the AgentNetwork adapter's checks and errors.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InstanceManager } from '../../../agent/compute/instance-manager.ts';
import type { DiskTools, ImageStore } from '../../../agent/compute/spawn.ts';
import type { SpawnPort, SpawnRequest } from '../../../agent/compute/spawn-request.ts';
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import { FakeNetworkDriver } from '../../../agent/network/fake/fake-network-driver.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { NetworkState } from '../../../agent/network/network-state.ts';
import { agentNetworkService } from '../../../agent/server/agent-network-service.ts';
import { isStratoError } from '../../../common/errors.ts';
import type { HostNetworkState__Output } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import type { CallContext } from '../../../common/grpc/handlers.ts';
import { bridgeName, tapName } from '../../../common/network-names.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { desiredMessage, desiredState, NET, PORT, PORT2 } from '../network-agent/fixtures.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const SHA = 'b'.repeat(64);
const images: ImageStore = {
  pathOf: (sha) => `/images/${sha}`,
  ensure: async (ref) => ({ path: `/images/${ref.sha256}`, format: ref.diskFormat, sha256: ref.sha256 }),
  virtualSize: async () => 1024 ** 3,
};
const disks: DiskTools = {
  async createOverlay(_base, overlay) {
    await writeFile(overlay, 'overlay');
  },
  overlaySize: (gib) => gib * 1024 ** 3,
  async writeConfigDrive(_files, iso) {
    await writeFile(iso, 'iso');
  },
};

async function setup(portWaitMs = 300) {
  const stateDir = await mkdtemp(join(tmpdir(), 'strato-netports-'));
  dirs.push(stateDir);
  const hv = new FakeHypervisor();
  const driver = new FakeNetworkDriver();
  const network = new NetworkState({
    driver,
    dir: join(stateDir, 'network'),
    linkExists: async (name) => driver.state.ports.some((p) => tapName(p.portId) === name),
    log: quiet,
    pollMs: 20,
  });
  const manager = new InstanceManager({
    hv,
    images,
    disks,
    stateDir,
    virtType: 'qemu',
    availabilityZone: 'nova',
    acpiTimeoutS: 1,
    wiring: network,
    portWaitMs,
    log: quiet,
  });
  return { stateDir, hv, driver, network, manager };
}

const port1: SpawnPort = {
  id: PORT,
  mac: 'fa:16:3e:00:00:10',
  networkId: NET,
  bridge: bridgeName(NET),
  tap: tapName(PORT),
  mtu: 1450,
  ips: ['10.0.0.10'],
};
const port2: SpawnPort = { ...port1, id: PORT2, mac: 'fa:16:3e:00:00:11', tap: tapName(PORT2), ips: ['10.0.0.11'] };

/** The fixture's state plus port2 on the same network. */
function withPort2(): DesiredHostNetwork {
  const s = desiredState();
  s.ports.push({ ...s.ports[0]!, portId: PORT2, mac: port2.mac, ips: port2.ips });
  return s;
}

function req(ports: SpawnPort[], id = randomUUID()): SpawnRequest {
  return {
    instanceId: id,
    name: 'vm',
    projectId: 'p1',
    flavor: { name: 'm1', vcpus: 1, ramMiB: 64, diskGiB: 1 },
    image: { id: 'img', sha256: SHA, sizeBytes: 100, diskFormat: 'qcow2' },
    userData: Buffer.alloc(0),
    metadata: {},
    networkDataJson: '',
    ports,
  };
}

test('a spawn whose taps are not wired waits, then fails UNAVAILABLE (PORT_NOT_WIRED) leaving nothing', async () => {
  const { hv, manager, stateDir } = await setup(300);
  const r = req([port1]);
  const t0 = Date.now();
  await assert.rejects(
    manager.spawn(r),
    (e) => isStratoError(e, 'UNAVAILABLE') && e.reason === 'PORT_NOT_WIRED' && e.message.includes(PORT),
  );
  assert.ok(Date.now() - t0 >= 280, 'it waited for a push first');
  assert.equal(
    hv.calls.some((c) => c.startsWith('define')),
    false,
    'no domain was defined',
  );
  assert.equal(existsSync(join(stateDir, 'instances', r.instanceId)), false);
});

test('a spawn that crosses the push starts once the push wired its tap, with an ethernet NIC', async () => {
  const { hv, network, manager, stateDir } = await setup(5000);
  const r = req([port1]);
  setTimeout(() => void network.apply(1n, desiredState()), 100);
  const st = await manager.spawn(r);
  assert.equal(st.powerState, 'running');
  assert.deepEqual(hv.domains.get(r.instanceId)?.spec.ports, [
    { id: PORT, mac: port1.mac, networkId: NET, tap: port1.tap, bridge: port1.bridge, mode: 'ethernet', mtu: 1450 },
  ]);
  // The domain's own record (its metadata) names the port: a restarted agent learns it from the host.
  assert.deepEqual(
    (await hv.metadata(r.instanceId))?.ports.map((p) => [p.id, p.tap]),
    [[PORT, port1.tap]],
  );
  assert.equal(existsSync(join(stateDir, 'instances', r.instanceId, 'ports.json')), false, 'no side file');
});

test('hot-plug needs its port wired; attach and detach are idempotent and recorded; taps stay', async () => {
  const { hv, driver, network, manager } = await setup(200);
  await network.apply(1n, desiredState());
  const r = req([port1]);
  await manager.spawn(r);
  const id = r.instanceId;

  await assert.rejects(manager.attachPort(randomUUID(), port2), (e) => isStratoError(e, 'NOT_FOUND'));
  await assert.rejects(
    manager.attachPort(id, port2),
    (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'PORT_NOT_WIRED',
  );
  await assert.rejects(manager.attachPort(id, { ...port2, mac: 'ff:16:3e:00:00:11' }), (e) =>
    isStratoError(e, 'INVALID_ARGUMENT'),
  );
  assert.equal(hv.domains.get(id)?.spec.ports.length, 1, 'a refused attach changed nothing');

  await network.apply(2n, withPort2());
  await manager.attachPort(id, port2);
  await manager.attachPort(id, port2);
  assert.deepEqual(
    hv.domains.get(id)?.spec.ports.map((p) => p.tap),
    [port1.tap, port2.tap],
  );
  const recorded = async () => (await hv.metadata(id))?.ports.map((p) => p.id);
  assert.deepEqual(await recorded(), [PORT, PORT2]);

  await manager.detachPort(id, PORT2);
  await manager.detachPort(id, PORT2);
  await manager.detachPort(randomUUID(), PORT2);
  assert.deepEqual(
    hv.domains.get(id)?.spec.ports.map((p) => p.tap),
    [port1.tap],
  );
  assert.deepEqual(await recorded(), [PORT]);

  const applied = driver.history.length;
  await manager.delete(id);
  assert.equal(driver.history.length, applied, 'deleting the instance does not touch the network');
  assert.equal(driver.isPlugged(PORT), true, 'the tap waits for the next pushed state');
});

const conductor = { peer: () => ({ commonName: 'conductor' }) } as unknown as CallContext;
const intruder = { peer: () => ({ commonName: 'host-2' }) } as unknown as CallContext;

test('ApplyNetworkState: peer and host checks, STATE_INVALID naming the field, stale generations', async () => {
  const { network, manager, driver } = await setup();
  const svc = agentNetworkService({ hostId: 'h1', state: network, manager });
  const push = (generation: string, state: HostNetworkState__Output | null, hostId = 'h1') => ({
    hostId,
    generation,
    state,
  });
  await assert.rejects(
    async () => svc.ApplyNetworkState(push('1', desiredMessage()), intruder),
    (e) => isStratoError(e, 'PERMISSION_DENIED') && e.reason === 'PEER_NOT_CONDUCTOR',
  );
  await assert.rejects(
    async () => svc.ApplyNetworkState(push('1', desiredMessage(), 'h2'), conductor),
    (e) => isStratoError(e, 'PERMISSION_DENIED') && e.reason === 'HOST_MISMATCH',
  );
  await assert.rejects(
    async () => svc.ApplyNetworkState(push('1', null), conductor),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'STATE_INVALID' && e.details.field === 'state',
  );
  const noMac = desiredMessage();
  noMac.ports[0]!.mac = '';
  await assert.rejects(
    async () => svc.ApplyNetworkState(push('1', noMac), conductor),
    (e) =>
      isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'STATE_INVALID' && e.details.field === 'state.ports[0].mac',
  );
  const badVni = desiredMessage();
  badVni.networks[0]!.vni = 1 << 24;
  await assert.rejects(
    async () => svc.ApplyNetworkState(push('1', badVni), conductor),
    (e) =>
      isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'STATE_INVALID' && e.details.driverReason === 'INVALID_VNI',
  );
  assert.equal(driver.history.length, 0, 'refused pushes changed nothing');

  const big = '18446744073709551615';
  assert.deepEqual(await svc.ApplyNetworkState(push(big, desiredMessage()), conductor), {
    appliedGeneration: big,
    steps: 3,
  });
  assert.deepEqual(
    await svc.ApplyNetworkState(push('3', { networks: [], ports: [], underlayPeers: [], routers: [] }), conductor),
    {
      appliedGeneration: big,
      steps: 0,
    },
  );
  assert.equal(driver.isPlugged(PORT), true);
});

test('AttachPort/DetachPort: conductor only, port fields required', async () => {
  const { network, manager } = await setup();
  const svc = agentNetworkService({ hostId: 'h1', state: network, manager });
  const id = randomUUID();
  await assert.rejects(
    async () => svc.DetachPort({ instanceId: id, portId: PORT }, intruder),
    (e) => isStratoError(e, 'PERMISSION_DENIED'),
  );
  await assert.rejects(
    async () => svc.AttachPort({ instanceId: id, port: null }, conductor),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.details.field === 'port',
  );
  const noTap = { portId: PORT, mac: port1.mac, networkId: NET, bridge: port1.bridge, tap: '', mtu: 0, ips: [] };
  await assert.rejects(
    async () => svc.AttachPort({ instanceId: id, port: noTap }, conductor),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.details.field === 'port.tap',
  );
  assert.deepEqual(await svc.DetachPort({ instanceId: id, portId: PORT }, conductor), {}, 'absent instance: success');
});
