// Runs the VolumeDriver conformance suite against the file backend, in a fresh
// directory per test. The retained reader is a hard link to the volume's file: after
// the delete unlinks its name, the link still shows the inode's blocks (what a wipe
// must have zeroed before the filesystem reuses them).
import assert from 'node:assert/strict';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BackedVolumeDriver } from '../../../agent/storage/backed-volume-driver.ts';
import { FileBackend } from '../../../agent/storage/file/file-backend.ts';
import { pathIo, readAt } from './path-io.ts';
import { volumeDriverConformance } from './volume-driver-suite.ts';

volumeDriverConformance('file', async ({ wipe, capacityBytes }) => {
  const root = await mkdtemp(join(tmpdir(), 'strato-vd-file-'));
  const dir = join(root, 'volumes');
  const driver = new BackedVolumeDriver(new FileBackend({ dir, wipe, capacityBytes }));
  await mkdir(join(root, 'retained'));
  let n = 0;
  return {
    driver,
    ...pathIo(driver),
    async retain(v) {
      const kept = join(root, 'retained', String(n++));
      await link(await driver.localPath(v), kept);
      return (offset, length) => readAt(kept, offset, length);
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
});

test('file backend: the directory is 0700 and volumes 0600, owned by the agent', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'strato-vd-file-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'volumes');
  const driver = new BackedVolumeDriver(new FileBackend({ dir, wipe: 'zero' }));
  await driver.init();
  const v = '00000000-0000-4000-8000-000000000001';
  await driver.create({ volumeId: v, sizeBytes: 1024 * 1024, source: { kind: 'empty' } });
  const d = await stat(dir);
  const f = await stat(await driver.localPath(v));
  assert.equal(d.mode & 0o777, 0o700);
  assert.equal(f.mode & 0o777, 0o600);
  assert.equal(f.uid, process.getuid!());
});

test('file backend: init removes (wiped) what a crash left mid-create, and ignores files it does not own', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'strato-vd-file-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'volumes');
  await mkdir(dir);
  const v = '00000000-0000-4000-8000-000000000002';
  const leftover = join(dir, `.creating-volume-${v}.raw`);
  await writeFile(leftover, Buffer.alloc(4096, 7));
  await link(leftover, join(root, 'kept'));
  await writeFile(join(dir, 'notes.txt'), 'not a volume');
  const driver = new BackedVolumeDriver(new FileBackend({ dir, wipe: 'zero' }));
  await driver.init();
  assert.deepEqual((await readdir(dir)).sort(), ['notes.txt']);
  assert.ok(
    (await readFile(join(root, 'kept'))).every((b) => b === 0),
    'the leftover was wiped before removal',
  );
  assert.deepEqual(await driver.list(), { volumes: [], snapshots: [] });
  assert.equal((await driver.capacity()).allocatedBytes, 0);
});
