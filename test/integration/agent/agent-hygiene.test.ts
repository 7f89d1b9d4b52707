// The real strato-agent (child process) against the real libvirtd, a Registry stub and
// real files: the reconciler's safety rails and the host's hygiene. Two guests X and Y;
// X's server is "deleted while the agent was down" (the stub stops expecting it). With
// removal off, X is reported (heartbeat orphans, metrics) and kept; an agent whose
// conductor is unreachable, or that expects nothing, deletes nothing; with removal on,
// X goes only after the grace period, with its directory and libvirt log, while Y and
// a foreign (non-strato) domain stay. The image cache evicts an unused image and keeps
// the one Y uses until Y is deleted; a delete leaves no file naming the instance; an
// agent whose state dir is a small, full tmpfs refuses a boot and leaves nothing.
// Everything made here carries a per-run name and is removed in `after`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { LIBVIRT_QEMU_LOG_DIR } from '../../../agent/hypervisor/libvirt/domain-logs.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { freePort } from '../../harness/free-port.ts';
import { domainGone, removeDomain } from '../../harness/libvirt-domains.ts';
import { sampleValue, scrape } from '../../harness/metrics-scrape.ts';
import { waitFor } from '../../harness/wait.ts';
import {
  type AgentApi,
  type AgentLab,
  type AgentProcess,
  agentApi,
  closeAgentLab,
  openAgentLab,
  startAgentProcess,
} from './agent-harness.ts';
import type { RegistryStub, StubImage } from './registry-stub.ts';

const run = promisify(execFile);
const HOST_ID = `agent-hyg-${randomUUID().slice(0, 8)}`;
const FOREIGN = `frgn-${randomBytes(4).toString('hex')}`;
const GRACE_S = 4;

let lab: AgentLab | undefined;
let stateDir: string;
let image: StubImage;
let stub: RegistryStub;
let libvirt: LibvirtClient;
let agent: AgentProcess | undefined;
let api: AgentApi | undefined;
let metricsPort: number;
let smallFs: string | undefined;
const instances = new Set<string>();
const X = randomUUID();
const Y = randomUUID();

async function startAgent(removal: 'off' | 'on', extra: string[] = []): Promise<void> {
  agent = await lab!.startAgent([
    '--resync-interval-s',
    '1',
    '--orphan-grace-s',
    String(GRACE_S),
    '--orphan-removal',
    removal,
    '--image-cache-max-gib',
    '0',
    '--metrics-listen',
    `127.0.0.1:${metricsPort}`,
    ...extra,
  ]);
  api?.close();
  api = await agentApi(agent.port, lab!.tlsDir);
}

async function killAgent(): Promise<void> {
  if (!agent) return;
  agent.child.kill('SIGKILL');
  await agent.exited;
  agent = undefined;
}

before(async () => {
  lab = await openAgentLab(HOST_ID, 'strato-agent-hyg-');
  ({ stateDir, image, stub, libvirt } = lab);
  metricsPort = await freePort();
  stub.expected = [X, Y];
  const registered = stub.nextRegister(60_000);
  await startAgent('off');
  await registered;
});

after(async () => {
  try {
    api?.close();
    await killAgent();
    await removeDomain(libvirt, FOREIGN).catch(() => undefined);
    if (smallFs) await run('umount', [smallFs]).catch(() => undefined);
  } finally {
    await closeAgentLab(lab, instances);
  }
});

function spawnReq(id: string) {
  instances.add(id);
  return {
    instanceId: id,
    name: `hyg-${id.slice(0, 4)}`,
    projectId: 'p-agent-hyg',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 },
    image: { id: image.id, sha256: image.sha256, sizeBytes: String(image.sizeBytes), diskFormat: 'qcow2' },
    userData: Buffer.from(''),
    metadata: {},
    networkDataJson: '',
  };
}

const exists = async (id: string): Promise<boolean> => !(await domainGone(libvirt, domainNameFor(id)));
const foreignExists = async (): Promise<boolean> => !(await domainGone(libvirt, FOREIGN));

/** Waits until a heartbeat sent after now reports `domains` orphan domains. */
async function reportedOrphanDomains(domains: number): Promise<void> {
  stub.lastOrphans = null;
  await waitFor(
    () => stub.lastOrphans?.domains,
    (n) => n === domains,
    { what: `a heartbeat reporting ${domains} orphan domains`, timeoutMs: 30_000, intervalMs: 200 },
  );
}

/** Every path under `dir` whose name contains `id`. */
async function filesNaming(dir: string, id: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true }).catch(() => [] as string[])) as string[];
  return names.filter((n) => n.includes(id)).map((n) => join(dir, n));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a domain whose server was deleted while the agent was down is reported and kept while removal is off', {
  timeout: 180_000,
}, async () => {
  await api!.SpawnInstance(spawnReq(X));
  await api!.SpawnInstance(spawnReq(Y));
  // Someone else's domain on the same libvirtd (defined, never started).
  await libvirt.defineDomain(
    `<domain type='qemu'><name>${FOREIGN}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
      `<os><type arch='x86_64'>hvm</type></os></domain>`,
  );
  await killAgent();
  stub.expected = [Y];
  await startAgent('off');
  await reportedOrphanDomains(1);
  const metrics = await scrape(metricsPort);
  assert.equal(sampleValue(metrics.text, 'strato_agent_orphans', { kind: 'domains' }), 1);
  await sleep((GRACE_S + 2) * 1000);
  assert.ok(await exists(X), 'the orphan is kept: removal is off');
  assert.ok(await exists(Y));
  assert.ok(await foreignExists());
});

test('an agent whose conductor is unreachable deletes nothing', { timeout: 120_000 }, async () => {
  await killAgent();
  const nowhere = `127.0.0.1:${await freePort()}`;
  agent = await startAgentProcess({
    hostId: HOST_ID,
    stateDir,
    tlsDir: lab!.tlsDir,
    conductor: nowhere,
    logFile: join(lab!.dir, 'agent-unreachable.log'),
    extraArgs: [
      '--resync-interval-s',
      '1',
      '--orphan-grace-s',
      '0',
      '--orphan-removal',
      'force',
      '--metrics-listen',
      'off',
    ],
  });
  await sleep(6_000);
  assert.ok(await exists(X), 'no conductor answered: nothing is an orphan');
  assert.ok(await exists(Y));
  assert.ok(await foreignExists());
  await killAgent();
});

test('a conductor that expects nothing gets a report, not a deletion', { timeout: 120_000 }, async () => {
  stub.expected = [];
  await startAgent('on');
  await reportedOrphanDomains(2);
  await sleep((GRACE_S + 2) * 1000);
  assert.ok(await exists(X), 'kept: an empty view is not trusted');
  assert.ok(await exists(Y));
  await killAgent();
});

test('removal on: the orphan goes after the grace period with its files and log; Y and the foreign domain stay', {
  timeout: 120_000,
}, async () => {
  stub.expected = [Y];
  assert.ok((await filesNaming(LIBVIRT_QEMU_LOG_DIR, X)).length > 0, 'X ran: libvirt has its log');
  const started = Date.now();
  await startAgent('on');
  await waitFor(
    () => exists(X),
    (e) => !e,
    { what: 'the orphan X to be deleted', timeoutMs: 60_000, intervalMs: 200 },
  );
  assert.ok(Date.now() - started >= GRACE_S * 1000, 'not before the grace period');
  instances.delete(X);
  assert.deepEqual(await filesNaming(LIBVIRT_QEMU_LOG_DIR, X), [], 'no libvirt log of X');
  assert.deepEqual(await filesNaming(stateDir, X), [], 'no file of X in the state dir');
  assert.ok(await exists(Y), 'the expected instance stays');
  assert.ok(await foreignExists(), 'the foreign domain stays');
  await reportedOrphanDomains(0);
});

test('the cache evicts an unused image and keeps the one in use until its server is deleted', {
  timeout: 120_000,
}, async () => {
  const cached = join(stateDir, 'images', image.sha256);
  // An image cached for an earlier server, no longer used by any.
  const unused = join(stateDir, 'images', randomBytes(32).toString('hex'));
  await writeFile(unused, randomBytes(1024 * 1024), { mode: 0o640 });
  await waitFor(
    () => existsSync(unused),
    (e) => !e,
    { what: 'the unused image to be evicted', timeoutMs: 30_000, intervalMs: 200 },
  );
  await sleep(3_000);
  assert.ok(existsSync(cached), "Y's base is in use: kept although the cache is over its limit");

  await api!.DeleteInstance({ instanceId: Y });
  instances.delete(Y);
  assert.deepEqual(await filesNaming(LIBVIRT_QEMU_LOG_DIR, Y), [], 'no libvirt log of Y after its delete');
  assert.deepEqual(await filesNaming(stateDir, Y), [], 'no file of Y in the state dir');
  // The stub still expects Y: what the conductor expects and the host lacks is measured too.
  await waitFor(
    async () => sampleValue((await scrape(metricsPort)).text, 'strato_agent_expected_missing', { kind: 'instances' }),
    (n) => n === 1,
    { what: 'the missing expected instance on the metrics endpoint', timeoutMs: 30_000, intervalMs: 500 },
  );
  await waitFor(
    () => existsSync(cached),
    (e) => !e,
    { what: 'the now unused base to be evicted', timeoutMs: 30_000, intervalMs: 200 },
  );
});

test('a boot on a host whose disk is full fails with HOST_DISK_FULL and leaves nothing', {
  timeout: 120_000,
}, async () => {
  await killAgent();
  // A real small file system as the agent's state dir, filled up.
  smallFs = join(lab!.dir, 'small');
  await mkdir(smallFs);
  await run('mount', ['-t', 'tmpfs', '-o', 'size=48m,mode=0711', 'tmpfs', smallFs]);
  await writeFile(join(smallFs, 'filler'), Buffer.alloc(40 * 1024 * 1024, 1));
  agent = await startAgentProcess({
    hostId: HOST_ID,
    stateDir: join(smallFs, 'state'),
    tlsDir: lab!.tlsDir,
    conductor: `127.0.0.1:${stub.port}`,
    logFile: join(lab!.dir, 'agent-full.log'),
    extraArgs: ['--disk-reserve-mib', '16', '--metrics-listen', 'off'],
  });
  api?.close();
  api = await agentApi(agent.port, lab!.tlsDir);
  const Z = randomUUID();
  const pulls = stub.pulls;
  await assert.rejects(api.SpawnInstance(spawnReq(Z)), (e: unknown) => {
    assert.ok(isStratoError(e, 'RESOURCE_EXHAUSTED'), String(e));
    assert.equal(e.reason, 'HOST_DISK_FULL');
    assert.match(e.message, /disk is full/);
    return true;
  });
  assert.equal(stub.pulls, pulls, 'no image fetched');
  assert.ok(await domainGone(libvirt, domainNameFor(Z)), 'no domain');
  assert.deepEqual(await filesNaming(smallFs, Z), [], 'no file of Z');
  assert.deepEqual(await readdir(join(smallFs, 'state', 'images')), [], 'nothing in the image cache');
  instances.delete(Z);
});
