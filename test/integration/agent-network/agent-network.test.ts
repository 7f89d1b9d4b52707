// The real strato-agent (child process) with its real network driver in the root
// namespace (the namespace of the host's libvirtd, where the guests' taps must be),
// driven as the conductor would: push a network state (one VXLAN network without
// peers, DHCP on this host, a private /24 that exists only inside our bridge), spawn
// two test-image guests on it that get their addresses from our dnsmasq and ping each
// other through the security group "members may reach members"; hot-plug and unplug a
// NIC on a second network; restart the agent and see no link or rule change; delete
// everything and see nothing left. Unique ids and VNIs; everything is removed in
// `after` even when a step failed.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import type { HostNetworkState } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import { waitForLine } from '../../harness/console-log.ts';
import { removeDomain } from '../../harness/libvirt-domains.ts';
import { processAlive } from '../../harness/processes.ts';
import {
  type AgentApi,
  type AgentLab,
  type AgentProcess,
  agentApi,
  closeAgentLab,
  openAgentLab,
} from '../agent/agent-harness.ts';
import type { RegistryStub, StubImage } from '../agent/registry-stub.ts';
import { forceTeardown, snapshot, stratoTablesLeft } from './host-snapshot.ts';
import { type AgentNetworkApi, agentNetworkApi, type Lan, type LanPort, lan, stateOf } from './lan.ts';

const BOOT_MS = 180_000;
const HOST_ID = `agent-net-${randomUUID().slice(0, 8)}`;

let lab: AgentLab | undefined;
let stateDir: string;
let networkStateDir: string;
let image: StubImage;
let stub: RegistryStub;
let agent: AgentProcess | undefined;
let api: AgentApi;
let netApi: AgentNetworkApi;
let libvirt: LibvirtClient;
let netlink: Netlink;

// Two isolated /24s in 10.x, only ever inside our bridges.
const oct = 100 + (randomBytes(1)[0]! % 100);
const net1: Lan = lan(`10.${oct}.1`, 16_000_000 + (randomBytes(2).readUInt16BE() % 100_000));
const net2: Lan = lan(`10.${oct}.2`, net1.vni + 1);
const portA = net1.port(10);
const portB = net1.port(11);
const portC = net2.port(10);
const idA = randomUUID();
const idB = randomUUID();
const allNames = [net1, net2].flatMap((n) => n.linkNames).concat([portA, portB, portC].map((p) => p.tap));
const netIds = [net1.id, net2.id];
let generation = 0n;

async function push(state: HostNetworkState, gen = ++generation) {
  return netApi.ApplyNetworkState({ hostId: HOST_ID, generation: String(gen), state });
}

async function startAgent(): Promise<void> {
  // No --underlay-*: the default (the route towards the conductor) gives lo/127.0.0.1.
  agent = await lab!.startAgent(['--resync-interval-s', '3', '--orphan-grace-s', '600', '--port-wait-s', '3']);
  api?.close();
  netApi?.close();
  api = await agentApi(agent.port, lab!.tlsDir);
  netApi = await agentNetworkApi(agent.port, lab!.tlsDir);
}

async function stopAgent(): Promise<void> {
  if (!agent) return;
  agent.child.kill('SIGTERM');
  assert.equal(await agent.exited, '0', 'SIGTERM stops the agent cleanly');
  agent = undefined;
}

// No skip when the image is missing: scripts/setup-host builds it, so its absence is a failure.
before(async () => {
  lab = await openAgentLab(HOST_ID, 'strato-agent-net-');
  ({ stateDir, image, stub, libvirt } = lab);
  networkStateDir = join(stateDir, 'network');
  stub.expected = [idA, idB];
  netlink = await openNetlink();
  const registered = stub.nextRegister(60_000);
  await startAgent();
  await registered;
});

after(async () => {
  try {
    // The guests go first, so the network teardown finds their taps unused.
    for (const id of [idA, idB]) if (lab) await removeDomain(lab.libvirt, domainNameFor(id));
    api?.close();
    netApi?.close();
    await stopAgent().catch(() => agent?.child.kill('SIGKILL'));
  } finally {
    if (netlink) {
      await forceTeardown(netlink, { underlayDevice: 'lo', underlayIp: '127.0.0.1' }, networkStateDir, netIds);
      const left = (await netlink.listLinks()).map((l) => l.name).filter((n) => allNames.includes(n));
      await netlink.close();
      assert.deepEqual(left, [], 'links of the test left on the host');
    }
    await closeAgentLab(lab, [idA, idB]);
  }
});

const consoleOf = (id: string): string => join(stateDir, 'instances', id, 'console.log');

function spawnReq(id: string, name: string, ports: LanPort[], userData = '') {
  return {
    instanceId: id,
    name,
    projectId: 'p-agent-net',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 },
    image: { id: image.id, sha256: image.sha256, sizeBytes: String(image.sizeBytes), diskFormat: 'qcow2' },
    userData: Buffer.from(userData),
    metadata: {},
    networkDataJson: '',
    ports: ports.map((p) => p.spec),
  };
}

const pingScript = (ip: string): string =>
  `#!/bin/sh
for i in $(seq 1 120); do
  if ping -c 1 -W 2 ${ip} >/dev/null 2>&1; then echo "PING-OK ${ip}"; exit 0; fi
  sleep 1
done
echo "PING-FAILED ${ip}"
`;

test('the agent registers its underlay address (default: the route towards the conductor)', () => {
  assert.equal(stub.registers[0]?.underlayIp, '127.0.0.1');
});

test('two guests on a pushed network get DHCP addresses and ping each other', { timeout: 400_000 }, async () => {
  // Before the push, a spawn with ports finds no wired tap and is refused (the conductor retries).
  await assert.rejects(
    api.SpawnInstance(spawnReq(idA, 'net-a', [portA])),
    (e) => isStratoError(e, 'UNAVAILABLE') && e.reason === 'PORT_NOT_WIRED',
  );
  assert.equal(
    (await libvirt.listDomains()).some((d) => d.name === domainNameFor(idA)),
    false,
  );

  const res = await push(stateOf([net1], [portA, portB]));
  assert.equal(res.appliedGeneration, String(generation));
  assert.ok(res.steps > 0);
  for (const name of [...net1.linkNames, portA.tap, portB.tap]) assert.ok(await netlink.findLink(name), name);
  assert.equal((await push(stateOf([net1], [portA, portB]))).steps, 0, 'the same state again: zero steps');

  await Promise.all([
    api.SpawnInstance(spawnReq(idA, 'net-a', [portA], pingScript(portB.ip))),
    api.SpawnInstance(spawnReq(idB, 'net-b', [portB])),
  ]);
  await waitForLine(consoleOf(idA), `STRATO-ADDR eth0 ${portA.ip}/24`, BOOT_MS);
  await waitForLine(consoleOf(idB), `STRATO-ADDR eth0 ${portB.ip}/24`, BOOT_MS);
  const line = await waitForLine(consoleOf(idA), /PING-(OK|FAILED)/, 180_000);
  assert.equal(line.trim(), `PING-OK ${portB.ip}`);
});

test('hot-plug a NIC on a second network: the guest sees it and gets its address; unplug removes it', {
  timeout: 300_000,
}, async () => {
  // Not pushed yet: the hot-plug is refused, nothing changes.
  await assert.rejects(
    netApi.AttachPort({ instanceId: idA, port: portC.spec }),
    (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'PORT_NOT_WIRED',
  );
  await push(stateOf([net1, net2], [portA, portB, portC]));
  await netApi.AttachPort({ instanceId: idA, port: portC.spec });
  await netApi.AttachPort({ instanceId: idA, port: portC.spec }); // idempotent
  await waitForLine(consoleOf(idA), `STRATO-NIC eth1 ${portC.mac}`, 60_000);
  await waitForLine(consoleOf(idA), `STRATO-ADDR eth1 ${portC.ip}/24`, 90_000);
  const persistent = await libvirt.getDomainXml(domainNameFor(idA), 2 /* INACTIVE */);
  assert.ok(persistent.includes(portC.mac), 'the NIC is in the persistent definition too');

  await netApi.DetachPort({ instanceId: idA, portId: portC.id });
  await waitForLine(consoleOf(idA), 'STRATO-NIC-GONE eth1', 60_000);
  const live = await libvirt.getDomainXml(domainNameFor(idA));
  assert.equal(live.includes(portC.mac), false, 'gone from the live domain');
  await netApi.DetachPort({ instanceId: idA, portId: portC.id }); // idempotent
  assert.ok(await netlink.findLink(portC.tap), 'the tap waits for the next pushed state');

  const gen = generation + 1n;
  await push(stateOf([net1], [portA, portB]), gen);
  for (const name of [...net2.linkNames, portC.tap]) assert.equal(await netlink.findLink(name), undefined, name);
  // A late, reordered push of the older state is ignored.
  const stale = await push(stateOf([net1, net2], [portA, portB, portC]), gen - 1n);
  assert.equal(stale.appliedGeneration, String(gen));
  assert.equal(stale.steps, 0);
  assert.equal(await netlink.findLink(portC.tap), undefined);
  generation = gen;
});

test('restarting the agent changes no link, rule or dnsmasq', { timeout: 120_000 }, async () => {
  const before = await snapshot(netlink, allNames, netIds, networkStateDir);
  assert.equal(Object.keys(before.links).length, net1.linkNames.length + 2, JSON.stringify(before.links));
  assert.ok(before.nft.includes('table inet strato'), 'the inet table exists');
  assert.ok(before.dnsmasq[net1.id], 'dnsmasq serves network 1');
  await stopAgent();
  await startAgent();
  const log = await readFile(join(lab!.dir, 'agent.log'), 'utf8');
  const restored = log
    .split('\n')
    .filter((l) => l.includes('"network state restored"'))
    .map((l) => JSON.parse(l) as { steps: number; generation: string });
  assert.deepEqual(restored.at(-1), { ...restored.at(-1), steps: 0, generation: String(generation) });
  assert.deepEqual(await snapshot(netlink, allNames, netIds, networkStateDir), before);
  assert.equal((await push(stateOf([net1], [portA, portB]), generation)).steps, 0);
  assert.equal((await api.GetInstance({ instanceId: idA })).powerState, 'running');
});

test('deleting the instances keeps their taps; the empty state leaves nothing behind', {
  timeout: 120_000,
}, async () => {
  const dnsmasqPid = (await snapshot(netlink, allNames, netIds, networkStateDir)).dnsmasq[net1.id];
  await api.DeleteInstance({ instanceId: idA });
  await api.DeleteInstance({ instanceId: idB });
  stub.expected = [];
  assert.ok(await netlink.findLink(portA.tap), 'instance delete leaves the tap to the driver');
  await push({ networks: [], ports: [] });
  const after = await snapshot(netlink, allNames, netIds, networkStateDir);
  assert.deepEqual(after.links, {});
  assert.deepEqual(after.namespaces, []);
  assert.deepEqual(after.dnsmasq, {});
  if (dnsmasqPid !== undefined) assert.equal(await processAlive(dnsmasqPid), false, 'dnsmasq stopped');
  assert.deepEqual(await stratoTablesLeft(), []);
  const left = (await netlink.listLinks()).map((l) => l.name).filter((n) => /^(brq|tap|vxlan-|dh-)/.test(n));
  assert.deepEqual(left, []);
});
