// The real strato-agent (a child process) against the real libvirtd and the test
// image, driven over mutual TLS as the conductor would, with a test stub of the
// conductor's Registry. One guest is reused across the power actions to keep the
// TCG boots few. The agent's metrics endpoint shows the running guest's counters.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { ShutdownFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError, StratoError } from '../../../common/errors.ts';
import { readLines, waitForLine } from '../../harness/console-log.ts';
import { freePort } from '../../harness/free-port.ts';
import { domainGone } from '../../harness/libvirt-domains.ts';
import { sampleValue, scrape } from '../../harness/metrics-scrape.ts';
import { waitFor } from '../../harness/wait.ts';
import {
  type AgentApi,
  type AgentLab,
  type AgentProcess,
  agentApi,
  closeAgentLab,
  openAgentLab,
} from './agent-harness.ts';
import type { RegistryStub, StubImage } from './registry-stub.ts';

const BOOT_MS = 150_000;
const HOST_ID = `agent-it-${randomUUID().slice(0, 8)}`;

let lab: AgentLab | undefined;
let stateDir: string;
let image: StubImage;
let stub: RegistryStub;
let agent: AgentProcess | undefined;
let api: AgentApi;
let libvirt: LibvirtClient;
let metricsPort: number;
const instances = new Set<string>();

async function startAgent(): Promise<void> {
  agent = await lab!.startAgent([
    '--acpi-timeout-s',
    '60',
    '--resync-interval-s',
    '2',
    '--orphan-grace-s',
    '3',
    // The kill -9 test below wants the unexpected domain deleted (removal is off by default).
    '--orphan-removal',
    'on',
    '--metrics-listen',
    `127.0.0.1:${metricsPort}`,
  ]);
  api?.close();
  api = await agentApi(agent.port, lab!.tlsDir);
}

// No skip when the image is missing: scripts/setup-host builds it, so its absence is a failure.
before(async () => {
  lab = await openAgentLab(HOST_ID, 'strato-agent-it-');
  ({ stateDir, image, stub, libvirt } = lab);
  metricsPort = await freePort();
  const registered = stub.nextRegister(60_000);
  await startAgent();
  await registered;
});

after(async () => {
  try {
    for (const id of instances) await api?.DeleteInstance({ instanceId: id }).catch(() => {});
  } finally {
    api?.close();
    agent?.child.kill('SIGTERM');
    const exit = agent ? await agent.exited : '0';
    await closeAgentLab(lab, instances);
    assert.equal(exit, '0', 'SIGTERM stops the agent cleanly');
  }
});

// A key pair's public key, as the conductor passes a server's key_name on; the guest
// prints its fingerprint as ssh-keygen -l does (scripts/test-image/README.md).
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl agent-it';
const FINGERPRINT = `SHA256:${createHash('sha256')
  .update(Buffer.from(PUBLIC_KEY.split(' ')[1]!, 'base64'))
  .digest('base64')
  .replace(/=+$/, '')}`;

function spawnReq(id: string, name: string, userData = '') {
  instances.add(id);
  // The conductor expects what it asks to spawn; the agent deletes unexpected domains.
  if (!stub.expected.includes(id)) stub.expected.push(id);
  return {
    instanceId: id,
    name,
    projectId: 'p-agent-it',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 },
    image: { id: image.id, sha256: image.sha256, sizeBytes: String(image.sizeBytes), diskFormat: 'qcow2' },
    userData: Buffer.from(userData),
    metadata: { role: 'test' },
    networkDataJson: '',
    publicKeys: [{ name: 'it-key', key: PUBLIC_KEY }],
  };
}

const consoleOf = (id: string): string => join(stateDir, 'instances', id, 'console.log');

/** Boot marker and the config drive read (acpid runs by then, so ACPI presses count). */
async function waitBooted(id: string): Promise<void> {
  await waitForLine(consoleOf(id), 'STRATO-BOOT-OK', BOOT_MS);
  await waitForLine(consoleOf(id), /STRATO-(NO-)?CONFIG-DRIVE/, BOOT_MS);
}

const idA = randomUUID();

test('spawn boots the image with its config drive (SSH key included) and user data; spawn again is idempotent', {
  timeout: 300_000,
}, async () => {
  const reg = stub.registers[0];
  assert.ok(reg, 'the agent registered');
  assert.equal(reg.hostId, HOST_ID);
  assert.equal(reg.virtType, 'qemu');
  assert.ok((reg.capacity?.vcpus ?? 0) > 0 && (reg.capacity?.ramMib ?? 0) > 0 && (reg.capacity?.diskGib ?? 0) > 0);

  // Another agent's certificate is signed by the same CA, but only the conductor may command.
  const intruder = await agentApi(agent!.port, lab!.tlsDir, HOST_ID);
  await assert.rejects(
    intruder.ListInstances({}),
    (e) => isStratoError(e, 'PERMISSION_DENIED') && e.reason === 'PEER_NOT_CONDUCTOR',
  );
  intruder.close();

  const running = stub.nextReport((r) => r.instanceId === idA && r.powerState === 'running', 120_000);
  const st = await api.SpawnInstance(spawnReq(idA, 'Web One', '#!/bin/sh\necho "hello from user data"\n'));
  assert.deepEqual(st, { instanceId: idA, powerState: 'running', domainName: domainNameFor(idA) });
  assert.equal((await libvirt.getDomainState(domainNameFor(idA))).state, 'RUNNING');
  await running;
  for (const f of ['disk.qcow2', 'disk.config']) assert.ok(existsSync(join(stateDir, 'instances', idA, f)), f);

  await waitBooted(idA);
  await waitForLine(consoleOf(idA), `STRATO-META uuid ${idA}`, 30_000);
  await waitForLine(consoleOf(idA), 'STRATO-META hostname web-one', 30_000);
  await waitForLine(consoleOf(idA), `E2E-PUBKEY it-key ${FINGERPRINT}`, 30_000);
  await waitForLine(consoleOf(idA), 'hello from user data', 60_000);
  await waitForLine(consoleOf(idA), /STRATO-USERDATA-END rc=0/, 60_000);
  const tail = await api.GetConsoleLog({ instanceId: idA, lines: 500 });
  assert.ok(
    tail.lines.some((l) => l.includes('STRATO-BOOT-OK')),
    'GetConsoleLog returns the boot marker',
  );
  assert.ok((await api.GetConsoleLog({ instanceId: idA, lines: 3 })).lines.length <= 3);

  const again = await api.SpawnInstance(spawnReq(idA, 'Web One'));
  assert.equal(again.powerState, 'running');
  assert.equal(stub.pulls, 1, 'the image was pulled once');
  const listed = await api.ListInstances({});
  assert.ok(listed.instances.some((i) => i.instanceId === idA && i.powerState === 'running'));
});

test("the running guest's counters appear on the metrics endpoint, under its instance id", {
  timeout: 120_000,
}, async () => {
  const reg = stub.registers[0];
  assert.ok(reg && Number.isFinite(Date.parse(reg.startedAt)), 'Register says when the agent started');
  assert.deepEqual(reg.degradedReasons, []);
  const id = { instance_id: idA };
  const first = (await scrape(metricsPort)).text;
  assert.equal(sampleValue(first, 'strato_agent_libvirt_connected', {}), 1);
  assert.equal(sampleValue(first, 'strato_agent_instance_memory_bytes', id), 256 * 1024 * 1024);
  assert.ok((sampleValue(first, 'strato_agent_instance_memory_rss_bytes', id) ?? 0) > 0, 'resident memory');
  const cpu = sampleValue(first, 'strato_agent_instance_cpu_seconds_total', id) ?? 0;
  assert.ok(cpu > 0, `CPU time ${cpu}`);
  // The guest booted from its disk: it read it (vda) and its config drive.
  assert.ok((sampleValue(first, 'strato_agent_instance_disk_read_bytes_total', { ...id, device: 'vda' }) ?? 0) > 0);
  assert.ok(sampleValue(first, 'strato_agent_instance_disk_write_bytes_total', { ...id, device: 'vda' }) !== undefined);
  assert.ok((sampleValue(first, 'strato_agent_instances_running', {}) ?? 0) >= 1);
  const spawns = { method: '/strato.agent.v1.Agent/SpawnInstance' };
  assert.equal(sampleValue(first, 'strato_grpc_server_requests_total', spawns), 2);
  // A running guest under TCG burns CPU: the counter moves between scrapes.
  const later = await waitFor(
    async () => (await scrape(metricsPort)).text,
    (t) => (sampleValue(t, 'strato_agent_instance_cpu_seconds_total', id) ?? 0) > cpu,
    { what: "the guest's CPU counter to move", timeoutMs: 30_000, intervalMs: 1000 },
  );
  assert.ok(later.length > 0);
  // The endpoint is bound to 127.0.0.1 only.
  await assert.rejects(scrape(metricsPort, '127.0.0.2'), (e: Error) =>
    /ECONNREFUSED/.test(String((e.cause as Error)?.message ?? e)),
  );
});

test('pause, unpause, suspend and resume follow libvirt and are reported', { timeout: 300_000 }, async () => {
  const paused = stub.nextReport((r) => r.instanceId === idA && r.powerState === 'paused', 30_000);
  assert.equal((await api.InstanceAction({ instanceId: idA, action: 'pause' })).powerState, 'paused');
  await paused;
  assert.equal((await api.InstanceAction({ instanceId: idA, action: 'pause' })).powerState, 'paused', 'idempotent');
  assert.equal((await api.InstanceAction({ instanceId: idA, action: 'unpause' })).powerState, 'running');

  const suspended = stub.nextReport((r) => r.instanceId === idA && r.powerState === 'suspended', 120_000);
  assert.equal((await api.InstanceAction({ instanceId: idA, action: 'suspend' })).powerState, 'suspended');
  await suspended;
  assert.equal((await api.GetInstance({ instanceId: idA })).powerState, 'suspended');
  await assert.rejects(api.InstanceAction({ instanceId: idA, action: 'pause' }), (e) =>
    isStratoError(e, 'FAILED_PRECONDITION'),
  );
  assert.equal((await api.InstanceAction({ instanceId: idA, action: 'resume' })).powerState, 'running');
});

test('ACPI stop leaves the shutdown marker and reports shutdown; start and reboot boot again', {
  timeout: 400_000,
}, async () => {
  const stopped = stub.nextReport((r) => r.instanceId === idA && r.powerState === 'shutdown', 90_000);
  const st = await api.InstanceAction({ instanceId: idA, action: 'stop', acpiTimeoutS: 60 });
  assert.equal(st.powerState, 'shutdown');
  await stopped;
  await waitForLine(consoleOf(idA), 'STRATO-SHUTDOWN', 5_000);
  assert.equal((await api.InstanceAction({ instanceId: idA, action: 'stop' })).powerState, 'shutdown', 'idempotent');
  await assert.rejects(api.InstanceAction({ instanceId: idA, action: 'unpause' }), (e) =>
    isStratoError(e, 'FAILED_PRECONDITION'),
  );

  assert.equal((await api.InstanceAction({ instanceId: idA, action: 'start' })).powerState, 'running');
  await waitBooted(idA);

  // Soft reboot: the same QEMU process restarts the guest, so the log keeps growing.
  const boots = (await readLines(consoleOf(idA))).filter((l) => l.includes('STRATO-BOOT-OK')).length;
  assert.equal(
    (await api.InstanceAction({ instanceId: idA, action: 'reboot', acpiTimeoutS: 60 })).powerState,
    'running',
  );
  await waitFor(
    async () => (await readLines(consoleOf(idA))).filter((l) => l.includes('STRATO-BOOT-OK')).length,
    (n) => n > boots,
    { what: 'the guest to boot again after the reboot', timeoutMs: BOOT_MS, intervalMs: 200 },
  );
  assert.ok(
    (await readLines(consoleOf(idA))).some((l) => l.includes('STRATO-SHUTDOWN')),
    'ACPI reboot went through the guest',
  );
});

test('delete leaves no domain, overlay, config drive or console log; deleting again succeeds', {
  timeout: 120_000,
}, async () => {
  const absent = stub.nextReport((r) => r.instanceId === idA && r.powerState === 'absent', 60_000);
  await api.DeleteInstance({ instanceId: idA });
  await assert.rejects(libvirt.lookupDomain(domainNameFor(idA)), (e) => isStratoError(e, 'NOT_FOUND'));
  assert.equal(existsSync(join(stateDir, 'instances', idA)), false);
  await absent;
  await api.DeleteInstance({ instanceId: idA });
  await assert.rejects(api.GetInstance({ instanceId: idA }), (e) => isStratoError(e, 'NOT_FOUND'));
  instances.delete(idA);
});

test('a guest that powers itself off is reported shutdown within 5 s', { timeout: 300_000 }, async () => {
  const id = randomUUID();
  const shutdown = stub.nextReport((r) => r.instanceId === id && r.powerState === 'shutdown', BOOT_MS);
  await api.SpawnInstance(spawnReq(id, 'self-off', '#!/bin/sh\nsleep 2; poweroff\n'));
  const marker = await waitForLine(consoleOf(id), 'STRATO-SHUTDOWN', BOOT_MS);
  const markerSeen = Date.now();
  assert.ok(marker);
  const seen = await shutdown;
  assert.ok(seen.at - markerSeen < 5_000, `reported ${seen.at - markerSeen} ms after the guest's shutdown marker`);
  // Whichever libvirt event came first (shutdown/guest or stopped/shutdown), the state is read after it.
  assert.match(seen.report.event, /^(shutdown|stopped)\//);
  await api.DeleteInstance({ instanceId: id });
  instances.delete(id);
});

test('a corrupted cached image fails the spawn with DATA_LOSS and leaves nothing behind', {
  timeout: 120_000,
}, async () => {
  const cached = join(stateDir, 'images', image.sha256);
  const before = await stat(cached);
  const fh = await open(cached, 'r+');
  await fh.write(Buffer.from('corrupted!'), 0, 10, 4096);
  await fh.close();
  await utimes(cached, before.atime, before.mtime); // hide the write from a naive mtime check
  const id = randomUUID();
  await assert.rejects(api.SpawnInstance(spawnReq(id, 'corrupt')), (e: unknown) => {
    assert.ok(e instanceof StratoError);
    assert.equal(e.code, 'DATA_LOSS');
    assert.equal(e.reason, 'IMAGE_CHECKSUM_MISMATCH');
    return true;
  });
  await assert.rejects(libvirt.lookupDomain(domainNameFor(id)), (e) => isStratoError(e, 'NOT_FOUND'));
  assert.equal(existsSync(join(stateDir, 'instances', id)), false, 'no instance directory');
  assert.equal(existsSync(cached), false, 'the corrupt copy is dropped');
  instances.delete(id);
});

const idD = randomUUID();
const idE = randomUUID();

test('two concurrent spawns of one uncached image pull it once', { timeout: 300_000 }, async () => {
  const pullsBefore = stub.pulls;
  const [d, e] = await Promise.all([api.SpawnInstance(spawnReq(idD, 'dee')), api.SpawnInstance(spawnReq(idE, 'eee'))]);
  assert.equal(d.powerState, 'running');
  assert.equal(e.powerState, 'running');
  assert.equal(stub.pulls - pullsBefore, 1, 'one PullImage for both');
});

test('after kill -9 the restarted agent reports what happened meanwhile, cleans orphans, deletes the unexpected', {
  timeout: 300_000,
}, async () => {
  const orphan = randomUUID();
  const kept = randomUUID();
  await waitBooted(idE);
  agent!.child.kill('SIGKILL');
  assert.equal(await agent!.exited, 'SIGKILL');
  agent = undefined;
  // While the agent is dead: E powers off, directories appear that no domain owns,
  // and the conductor stops expecting E (as if it was deleted while the host was down).
  await libvirt.shutdownDomain(domainNameFor(idE), ShutdownFlags.ACPI_POWER_BTN);
  await waitFor(
    async () => (await libvirt.getDomainState(domainNameFor(idE))).state,
    (state) => state === 'SHUTOFF',
    { what: 'E to power off', timeoutMs: 90_000, intervalMs: 200 },
  );
  await mkdir(join(stateDir, 'instances', orphan), { recursive: true });
  await mkdir(join(stateDir, 'instances', kept), { recursive: true });
  stub.expected = [idD, kept];

  const registered = stub.nextRegister(60_000);
  await startAgent();
  const reg = await registered;
  const states = new Map(reg.instances.map((i) => [i.instanceId, i.powerState]));
  assert.equal(states.get(idD), 'running');
  assert.equal(states.get(idE), 'shutdown', 'the guest that powered off while the agent was dead');
  assert.equal((await api.GetInstance({ instanceId: idD })).powerState, 'running');

  const eGone = () => domainGone(libvirt, domainNameFor(idE));
  await waitFor(
    async () => !existsSync(join(stateDir, 'instances', orphan)) && (await eGone()),
    (done) => done,
    { what: 'the orphan directory and the unexpected domain to go', timeoutMs: 30_000, intervalMs: 200 },
  ).catch(() => undefined); // the assertions below name what is left
  assert.equal(existsSync(join(stateDir, 'instances', orphan)), false, 'orphan directory removed');
  assert.ok(await eGone(), 'the domain the conductor no longer expects is deleted after the grace period');
  assert.equal(existsSync(join(stateDir, 'instances', idE)), false, 'and its files');
  instances.delete(idE);
  assert.ok(existsSync(join(stateDir, 'instances', kept)), 'a directory the conductor expects is kept');
  assert.equal((await api.GetInstance({ instanceId: idD })).powerState, 'running', 'an expected domain is kept');
  await rm(join(stateDir, 'instances', kept), { recursive: true, force: true });

  await api.DeleteInstance({ instanceId: idD });
  instances.delete(idD);
  const left = await readdir(join(stateDir, 'instances'));
  assert.ok(!left.includes(idD) && !left.includes(idE), 'no instance files left');
});
