// Volumes on a compute host, end to end with real parts: the real strato-agent (a child
// process, driven over mutual TLS as the conductor drives it) against the real libvirtd,
// TCG guests from the test image, and a storage host of the test's own (a private tgtd
// in a network namespace, volumes of the file backend exported by strato's own storage
// service with CHAP, a name ACL and an address filter: test/harness/iscsi-lab.ts).
// The guests' helper `strato-vol` prints what they wrote and read (scripts/test-image/
// README.md). One story, in order: a guest writes a pattern to its volume, sees it grow
// with no I/O error, lets it go; a second guest reads the same checksum; a wrong CHAP
// password attaches nothing; a qcow2 header a guest writes into a raw volume is never
// followed, neither on re-attach nor at boot; and a guest boots from a volume made from
// the test image, which outlives the server.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, open, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { VolumeAttachment } from '../../../agent/compute/volume-request.ts';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { findDisk } from '../../../agent/hypervisor/libvirt/disk-lookup.ts';
import { parseDomainMetadata } from '../../../agent/hypervisor/libvirt/domain-metadata.ts';
import { SecretUsageType, UndefineFlags, XmlFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import type { VolumeSpec } from '../../../common/gen/strato/agent/v1/VolumeSpec.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { readLines, waitForLine } from '../../harness/console-log.ts';
import { run } from '../../harness/exec.ts';
import { IscsiLab } from '../../harness/iscsi-lab.ts';
import { testImage } from '../../harness/test-image.ts';
import {
  type AgentApi,
  type AgentProcess,
  agentApi,
  startAgentProcess,
} from '../agent/agent-harness.ts';
import { RegistryStub, type StubImage, stubImage } from '../agent/registry-stub.ts';
import { volumePatternSha256 } from '../image/volume-pattern.ts';

const MiB = 1024 * 1024;
const BOOT_MS = 240_000;
const STEP_MS = 180_000;
const HOST_ID = `vol-it-${randomUUID().slice(0, 8)}`;
const INITIATOR = `iqn.2026-01.io.strato:host:${HOST_ID}`;

let dir: string;
let stateDir: string;
let lab: IscsiLab;
let stub: RegistryStub;
let image: StubImage;
let agent: AgentProcess | undefined;
let api: AgentApi;
let libvirt: LibvirtClient;
const instances = new Set<string>();

/** Two data volumes: the one that travels between guests, and the one given a qcow2 header. */
let vol: VolumeAttachment;
let volQ: VolumeAttachment;
/** A host file the qcow2 header names as its backing file; its atime shows a read. */
let canary: string;
const CANARY_ATIME_S = 1_000_000;
let qcow2Header: Buffer;
const idA = randomUUID();
const idB = randomUUID();

before(async () => {
  const testImg = await testImage();
  dir = await mkdtemp(join(tmpdir(), 'strato-vol-it-'));
  await chmod(dir, 0o755); // QEMU's user traverses it to the instance files (and would reach the canary)
  stateDir = join(dir, 'state');
  const tlsDir = join(dir, 'tls');
  lab = await new IscsiLab(INITIATOR).open();
  await makeTestPki(tlsDir, [HOST_ID]);
  image = await stubImage(randomUUID(), testImg.disk);
  stub = new RegistryStub(image);
  await stub.start({
    caFile: join(tlsDir, 'ca.crt'),
    certFile: join(tlsDir, 'conductor.crt'),
    keyFile: join(tlsDir, 'conductor.key'),
  });
  libvirt = await LibvirtClient.connect();
  const registered = stub.nextRegister(60_000);
  agent = await startAgentProcess({
    hostId: HOST_ID,
    stateDir,
    tlsDir,
    conductor: `127.0.0.1:${stub.port}`,
    logFile: join(dir, 'agent.log'),
    // Never the grace to delete a domain it does not expect: other tests' domains share this libvirtd.
    extraArgs: ['--resync-interval-s', '5', '--orphan-grace-s', '86400'],
  });
  api = await agentApi(agent.port, tlsDir);
  await registered;

  canary = join(dir, 'canary.raw');
  await writeFile(canary, Buffer.alloc(MiB, 'C'), { mode: 0o644 });
  // -u: qemu-img itself must not open the canary either.
  const hdr = join(dir, 'header.qcow2');
  await run('qemu-img', [
    'create',
    '-q',
    '-u',
    '-f',
    'qcow2',
    '-o',
    'cluster_size=512',
    '-b',
    canary,
    '-F',
    'raw',
    hdr,
    '1M',
  ]);
  qcow2Header = await readFile(hdr);
  // relatime updates an atime older than the mtime on the next read: a read shows.
  await utimes(canary, CANARY_ATIME_S, Date.now() / 1000);

  vol = await lab.volume({ sizeBytes: 16 * MiB });
  volQ = await lab.volume({ sizeBytes: 16 * MiB });
});

after(async () => {
  try {
    for (const id of instances) {
      await api?.DeleteInstance({ instanceId: id }).catch(() => {});
      await libvirt?.destroyDomain(domainNameFor(id)).catch(() => {});
      await libvirt
        ?.undefineDomain(domainNameFor(id), UndefineFlags.MANAGED_SAVE | UndefineFlags.NVRAM)
        .catch(() => {});
    }
    for (const v of [vol, volQ]) if (v) await removeSecret(v.volumeId);
  } finally {
    api?.close();
    if (agent) {
      agent.child.kill('SIGTERM');
      await agent.exited;
    }
    await stub?.stop();
    await libvirt?.close();
    await lab?.close();
    if (process.env.STRATO_KEEP_TEST_DIRS) console.log(`kept ${dir}`);
    else if (dir) await rm(dir, { recursive: true, force: true });
  }
});

async function removeSecret(volumeId: string): Promise<void> {
  const s = await libvirt
    .lookupSecretByUsage(SecretUsageType.ISCSI, `strato-volume-${volumeId}`)
    .catch(() => undefined);
  if (s) await libvirt.undefineSecret(s).catch(() => {});
}

async function hasSecret(volumeId: string): Promise<boolean> {
  return (await libvirt.listSecrets()).some((s) => s.usageId === `strato-volume-${volumeId}`);
}

const message = (v: VolumeAttachment, device = v.device): VolumeSpec => ({
  ...v,
  device,
  sizeBytes: String(v.sizeBytes),
});

function spawnReq(id: string, userData: string, bootVolume?: VolumeAttachment) {
  instances.add(id);
  if (!stub.expected.includes(id)) stub.expected.push(id);
  return {
    instanceId: id,
    name: `vol-${id.slice(0, 8)}`,
    projectId: 'p-vol-it',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 },
    userData: Buffer.from(userData),
    metadata: {},
    networkDataJson: '',
    ...(bootVolume === undefined
      ? {
          image: {
            id: image.id,
            sha256: image.sha256,
            sizeBytes: String(image.sizeBytes),
            diskFormat: 'qcow2',
          },
        }
      : { bootVolume: message(bootVolume, 'vda') }),
  };
}

const consoleOf = (id: string): string => join(stateDir, 'instances', id, 'console.log');
const waitLine = (id: string, pattern: RegExp | string, ms = STEP_MS) => waitForLine(consoleOf(id), pattern, ms);

async function noIoErrors(id: string): Promise<void> {
  const errors = (await readLines(consoleOf(id))).filter(
    (l) => l.includes('E2E-VOL-IOERR') || l.includes('E2E-VOL-ERROR'),
  );
  assert.deepEqual(errors, [], `guest ${id} reported volume errors`);
}

async function canaryUntouched(): Promise<void> {
  assert.equal(
    Math.round((await stat(canary)).atimeMs / 1000),
    CANARY_ATIME_S,
    'nobody read the file the header names',
  );
}

test('guests A and B boot from the image', async () => {
  const sA = [
    '#!/bin/sh',
    `strato-vol -w 900 write ${vol.volumeId} 4 seedA`,
    `strato-vol -w 900 watch-size ${vol.volumeId} 1800 &`,
    // Later the qcow2-headed volume comes here: what does this guest see of it?
    `strato-vol -w 1800 size ${volQ.volumeId}`,
    `strato-vol -w 60 read ${volQ.volumeId} 1`,
  ].join('\n');
  const header = qcow2Header.toString('base64');
  const sB = [
    '#!/bin/sh',
    `strato-vol -w 1800 read ${vol.volumeId} 4`,
    `dev=$(strato-vol -w 1800 wait ${volQ.volumeId} | cut -d' ' -f3)`,
    `echo ${header} | base64 -d | dd of=/dev/$dev bs=512 conv=fsync 2>/dev/null && echo E2E-QCOW2-WRITTEN $dev`,
  ].join('\n');
  const [a, b] = await Promise.all([
    api.SpawnInstance(spawnReq(idA, `${sA}\n`)),
    api.SpawnInstance(spawnReq(idB, `${sB}\n`)),
  ]);
  assert.equal(a.powerState, 'running');
  assert.equal(b.powerState, 'running');
  await Promise.all([waitLine(idA, 'STRATO-USERDATA-BEGIN', BOOT_MS), waitLine(idB, 'STRATO-USERDATA-BEGIN', BOOT_MS)]);
});

test('A writes the pattern to its attached volume; the checksum is the pattern’s', async () => {
  await api.AttachVolume({ instanceId: idA, volume: message(vol) });
  await api.AttachVolume({ instanceId: idA, volume: message(vol) });
  const line = await waitLine(idA, `E2E-VOL-WRITE ${vol.volumeId} `);
  assert.equal(line.split(' ')[2], volumePatternSha256('seedA', 4));
  assert.ok(await hasSecret(vol.volumeId));
  const xml = await libvirt.getDomainXml(domainNameFor(idA), XmlFlags.INACTIVE);
  assert.equal(findDisk(xml, { serial: vol.volumeId })?.target, 'vdc', 'the definition has it too');
  assert.deepEqual(parseDomainMetadata(xml)?.volumes, [{ id: vol.volumeId, target: 'vdc' }], 'the metadata records it');
});

test('extended while attached (the LUN re-created), refreshed: A sees the new size with no I/O error', async () => {
  await lab.grow(vol.volumeId, 32 * MiB);
  await api.RefreshVolumeSize({ instanceId: idA, volumeId: vol.volumeId, sizeBytes: String(32 * MiB) });
  await waitLine(idA, `E2E-VOL-SIZE ${vol.volumeId} ${32 * MiB}`);
  await assert.rejects(
    api.RefreshVolumeSize({ instanceId: idA, volumeId: vol.volumeId, sizeBytes: String(16 * MiB) }),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.details['field'] === 'size_bytes',
  );
  await noIoErrors(idA);
});

test('a wrong CHAP password: UNAVAILABLE, and nothing is left (no disk, no secret)', async () => {
  const wrong = { ...message(volQ, 'vdd'), chapSecret: 'wrong-password-000' };
  await assert.rejects(
    api.AttachVolume({ instanceId: idA, volume: wrong }),
    (e) => isStratoError(e, 'UNAVAILABLE') && /Authentication failure/.test(e.message),
  );
  assert.equal(await hasSecret(volQ.volumeId), false);
  for (const flags of [0, XmlFlags.INACTIVE]) {
    assert.equal(findDisk(await libvirt.getDomainXml(domainNameFor(idA), flags), { serial: volQ.volumeId }), undefined);
  }
});

test('detached from A, attached to B (a new export, new CHAP): B reads the same checksum', async () => {
  await api.DetachVolume({ instanceId: idA, volumeId: vol.volumeId, timeoutS: 120 });
  await waitLine(idA, `E2E-VOL-GONE ${vol.volumeId}`);
  assert.equal(await hasSecret(vol.volumeId), false, 'the secret goes with the disk');
  await api.DetachVolume({ instanceId: idA, volumeId: vol.volumeId, timeoutS: 120 });

  const again = await lab.export(vol.volumeId);
  await api.AttachVolume({ instanceId: idB, volume: message(again) });
  const line = await waitLine(idB, `E2E-VOL-READ ${vol.volumeId} `);
  assert.equal(line.split(' ')[2], volumePatternSha256('seedA', 4));
  await noIoErrors(idB);
});

test('a qcow2 header a guest writes into its raw volume is never followed: not on re-attach', async () => {
  await api.AttachVolume({ instanceId: idB, volume: message(volQ, 'vdd') });
  await waitLine(idB, 'E2E-QCOW2-WRITTEN');
  await api.DetachVolume({ instanceId: idB, volumeId: volQ.volumeId, timeoutS: 120 });
  const onDisk = Buffer.alloc(qcow2Header.length);
  const fh = await open(await lab.localPath(volQ.volumeId), 'r');
  await fh.read(onDisk, 0, onDisk.length, 0);
  await fh.close();
  assert.ok(onDisk.equals(qcow2Header), 'the guest wrote the header');

  await api.AttachVolume({ instanceId: idA, volume: message(volQ, 'vdd') });
  // A raw disk of the volume's size, its first MiB the header and zeros: not a 1 MiB qcow2 over the canary.
  await waitLine(idA, `E2E-VOL-SIZE ${volQ.volumeId} ${16 * MiB}`);
  const expected = Buffer.alloc(MiB);
  qcow2Header.copy(expected);
  const line = await waitLine(idA, `E2E-VOL-READ ${volQ.volumeId} `);
  assert.equal(line.split(' ')[2], createHash('sha256').update(expected).digest('hex'));
  await canaryUntouched();
  await api.DetachVolume({ instanceId: idA, volumeId: volQ.volumeId, timeoutS: 120 });
});

test('…nor when a server boots from that volume: QEMU opens it raw, at its own size', async () => {
  const idC = randomUUID();
  await api.SpawnInstance(spawnReq(idC, '', volQ));
  const name = domainNameFor(idC);
  const live = await libvirt.getDomainXml(name);
  assert.equal(findDisk(live, { serial: volQ.volumeId })?.target, 'vda');
  assert.equal((await libvirt.getBlockInfo(name, 'vda')).capacity, BigInt(16 * MiB));
  await canaryUntouched();
  await api.DeleteInstance({ instanceId: idC });
  assert.equal(await hasSecret(volQ.volumeId), false);
});

test('a server boots from a volume made from the test image; deleting it keeps the volume', async () => {
  const boot = await lab.volume({ sizeBytes: 64 * MiB, source: { path: (await testImage()).disk, format: 'qcow2' } });
  const idD = randomUUID();
  try {
    const st = await api.SpawnInstance(spawnReq(idD, '', boot));
    assert.equal(st.powerState, 'running');
    assert.equal(
      (await readdir(join(stateDir, 'instances', idD))).includes('disk.qcow2'),
      false,
      'no overlay, no image fetched',
    );
    await waitLine(idD, 'STRATO-BOOT-OK', BOOT_MS);
    await api.DeleteInstance({ instanceId: idD });
    assert.equal(await hasSecret(boot.volumeId), false);
    assert.ok(await lab.driver.get(boot.volumeId), 'the volume outlives the server');
  } finally {
    await removeSecret(boot.volumeId);
  }
});
