// Who may read an instance's files, and that they all go with the instance: the
// instance manager over the fake hypervisor, writing real placeholder files, so modes
// and groups are checked on a real directory (the test runs as root, which may give
// files to any group). The end-to-end proof with a real guest is
// test/e2e/host-files.test.ts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InstanceManager } from '../../../agent/compute/instance-manager.ts';
import type { SpawnRequest } from '../../../agent/compute/spawn-request.ts';
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import { isStratoError } from '../../../common/errors.ts';
import { quiet } from '../../harness/quiet-log.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const QEMU_GID = 64998;
const SHA = 'b'.repeat(64);

async function setup() {
  const stateDir = await mkdtemp(join(tmpdir(), 'strato-if-'));
  dirs.push(stateDir);
  const hv = new FakeHypervisor();
  const manager = new InstanceManager({
    hv,
    images: {
      pathOf: (sha) => join(stateDir, 'images', sha),
      ensure: async (ref) => ({
        path: join(stateDir, 'images', ref.sha256),
        format: ref.diskFormat,
        sha256: ref.sha256,
      }),
      virtualSize: async () => 1024 ** 3,
    },
    disks: {
      // Created as the tools create them (umask 022): spawn must narrow them.
      createOverlay: (_base, overlay) => writeFile(overlay, 'overlay', { mode: 0o644 }),
      overlaySize: (gib) => gib * 1024 ** 3,
      writeConfigDrive: (files, iso) => writeFile(iso, files.map((f) => f.content).join('\n'), { mode: 0o644 }),
    },
    stateDir,
    virtType: 'qemu',
    availabilityZone: 'nova',
    acpiTimeoutS: 1,
    log: quiet,
    guestGid: QEMU_GID,
    // Every port counts as wired: the network driver is not what is tested here.
    wiring: { waitWired: async () => [] },
  });
  const req: SpawnRequest = {
    instanceId: randomUUID(),
    name: 'vm',
    projectId: 'p1',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 256, diskGiB: 1 },
    image: { id: 'img', sha256: SHA, sizeBytes: 10, diskFormat: 'qcow2' },
    userData: Buffer.from('#!/bin/sh\n# secret\n'),
    metadata: {},
    networkDataJson: '',
    ports: [],
  };
  return { stateDir, hv, manager, req, dir: join(stateDir, 'instances', req.instanceId) };
}

const access = async (p: string) => {
  const st = await stat(p);
  return { mode: (st.mode & 0o777).toString(8), gid: st.gid };
};

test("the instance directory, overlay and config drive are open to root and QEMU's group only", async () => {
  const { manager, req, dir } = await setup();
  await manager.spawn(req);
  assert.deepEqual(await access(dir), { mode: '710', gid: QEMU_GID }, 'QEMU enters, only root lists');
  assert.deepEqual(await access(join(dir, 'disk.qcow2')), { mode: '660', gid: QEMU_GID }, 'QEMU writes the overlay');
  assert.deepEqual(await access(join(dir, 'disk.config')), { mode: '640', gid: QEMU_GID }, 'QEMU reads the drive');
});

test("delete removes the hypervisor's logs of the instance after its domain, and again when all is gone", async () => {
  const { hv, manager, req, dir } = await setup();
  await manager.spawn(req);
  hv.calls.length = 0;
  await manager.delete(req.instanceId);
  assert.equal(existsSync(dir), false);
  assert.deepEqual(
    hv.calls.filter((c) => !c.startsWith('destroy')),
    [`undefine ${req.instanceId}`, `removeLogs ${req.instanceId}`],
  );
  await manager.delete(req.instanceId);
  assert.equal(hv.calls.at(-1), `removeLogs ${req.instanceId}`, 'a repeated delete cleans up too');
});

test("an orphaned instance directory goes with the hypervisor's logs of it", async () => {
  const { hv, manager, req, dir } = await setup();
  await mkdir(dir, { recursive: true });
  assert.equal(await manager.removeOrphanDir(req.instanceId), true);
  assert.equal(existsSync(dir), false);
  assert.deepEqual(hv.calls, [`removeLogs ${req.instanceId}`]);
});

test("a spawn failing at start removes the domain, its files and the hypervisor's logs of it", async () => {
  const { hv, manager, req, dir } = await setup();
  hv.failNext('start');
  await assert.rejects(manager.spawn(req), (e) => isStratoError(e, 'INTERNAL'));
  assert.equal(existsSync(dir), false);
  assert.equal(hv.domains.size, 0);
  assert.ok(hv.calls.includes(`removeLogs ${req.instanceId}`), hv.calls.join(', '));
});

test('a failing log removal fails the delete, which a retry completes', async () => {
  const { hv, manager, req } = await setup();
  await manager.spawn(req);
  hv.failNext('removeLogs');
  await assert.rejects(manager.delete(req.instanceId), (e) => isStratoError(e, 'INTERNAL'));
  await manager.delete(req.instanceId);
  assert.equal(hv.calls.at(-1), `removeLogs ${req.instanceId}`);
});
