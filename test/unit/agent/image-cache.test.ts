import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, open, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ImageCache } from '../../../agent/images/image-cache.ts';
import type { ImageChunk, ImageRef, ImageSource } from '../../../agent/images/image-source.ts';
import { isStratoError } from '../../../common/errors.ts';
import { quiet } from '../../harness/quiet-log.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
const sha = createHash('sha256').update(bytes).digest('hex');
const ref: ImageRef = { id: 'img-1', sha256: sha, sizeBytes: bytes.length, diskFormat: 'qcow2' };

class FakeSource implements ImageSource {
  pulls = 0;
  data: Buffer = bytes;
  announce = sha;
  delayMs = 20;
  async *pull(_id: string): AsyncIterable<ImageChunk> {
    this.pulls++;
    await new Promise((r) => setTimeout(r, this.delayMs));
    for (let off = 0; off < this.data.length; off += 1 << 20) {
      yield {
        sha256: off === 0 ? this.announce : '',
        sizeBytes: off === 0 ? String(this.data.length) : '0',
        diskFormat: 'qcow2',
        data: this.data.subarray(off, off + (1 << 20)),
      };
    }
  }
}

async function newCache(source: ImageSource, guestGid?: number): Promise<ImageCache> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-image-cache-'));
  dirs.push(dir);
  const cache = new ImageCache({
    dir: join(dir, 'images'),
    source,
    log: quiet,
    ...(guestGid === undefined ? {} : { guestGid }),
  });
  await cache.init();
  return cache;
}

test('concurrent ensures of one image fetch it once, into a sha256-named file', async () => {
  const source = new FakeSource();
  const cache = await newCache(source);
  const got = await Promise.all([cache.ensure(ref), cache.ensure(ref), cache.ensure(ref)]);
  assert.equal(source.pulls, 1);
  for (const g of got) assert.equal(g.path, join(cache.dir, sha));
  assert.deepEqual(await readFile(cache.pathOf(sha)), bytes);
  await cache.ensure(ref);
  assert.equal(source.pulls, 1, 'a cached image is not fetched again');
  assert.deepEqual(await readdir(cache.dir), [sha], 'no partial files left');
});

test('a cached file corrupted in place (mtime restored) is detected, removed and refetched next time', async () => {
  const source = new FakeSource();
  const cache = await newCache(source);
  await cache.ensure(ref);
  const path = cache.pathOf(sha);
  const st = await stat(path);
  const fh = await open(path, 'r+');
  await fh.write(Buffer.from('rot'), 0, 3, 1000);
  await fh.close();
  await utimes(path, st.atime, st.mtime);
  await assert.rejects(
    cache.ensure(ref),
    (e) => isStratoError(e, 'DATA_LOSS') && e.reason === 'IMAGE_CHECKSUM_MISMATCH',
  );
  assert.equal(existsSync(path), false);
  await cache.ensure(ref);
  assert.equal(source.pulls, 2);
});

test('a cached file is re-verified after any change, not on every use', async () => {
  const cache = await newCache(new FakeSource());
  await cache.ensure(ref);
  const hashes = cache.stats.hashes;
  await cache.ensure(ref);
  assert.equal(cache.stats.hashes, hashes, 'unchanged file: no rehash');
  const path = cache.pathOf(sha);
  const st = await stat(path);
  await utimes(path, st.atime, st.mtime); // same times, new ctime
  await cache.ensure(ref);
  assert.equal(cache.stats.hashes, hashes + 1);
});

test('fetched bytes that do not match fail DATA_LOSS and leave no file', async () => {
  const source = new FakeSource();
  source.data = Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from([1])]);
  const cache = await newCache(source);
  await assert.rejects(
    cache.ensure(ref),
    (e) => isStratoError(e, 'DATA_LOSS') && e.reason === 'IMAGE_CHECKSUM_MISMATCH',
  );
  assert.deepEqual(await readdir(cache.dir), []);
});

test('a source announcing another sha256 or sending too much fails DATA_LOSS', async () => {
  const s1 = new FakeSource();
  s1.announce = 'f'.repeat(64);
  const c1 = await newCache(s1);
  await assert.rejects(c1.ensure(ref), (e) => isStratoError(e, 'DATA_LOSS'));
  const s2 = new FakeSource();
  s2.data = Buffer.concat([bytes, Buffer.from('x')]);
  const c2 = await newCache(s2);
  await assert.rejects(c2.ensure(ref), (e) => isStratoError(e, 'DATA_LOSS'));
  assert.deepEqual(await readdir(c2.dir), []);
});

test('source errors pass through; the next ensure tries again', async () => {
  const source = new FakeSource();
  let fail = true;
  const flaky: ImageSource = {
    async *pull(id) {
      if (fail) {
        fail = false;
        throw Object.assign(new Error('down'), { code: 'X' });
      }
      yield* source.pull(id);
    },
  };
  const cache = await newCache(flaky);
  await assert.rejects(cache.ensure(ref), /down/);
  await cache.ensure(ref);
});

test('bad refs are INVALID_ARGUMENT before any fetch', async () => {
  const source = new FakeSource();
  const cache = await newCache(source);
  for (const bad of [
    { ...ref, sha256: '../../etc/passwd' },
    { ...ref, sha256: sha.toUpperCase() },
    { ...ref, diskFormat: 'vmdk' as 'raw' },
  ]) {
    assert.throws(
      () => cache.ensure(bad),
      (e) => isStratoError(e, 'INVALID_ARGUMENT'),
    );
  }
  assert.equal(source.pulls, 0);
});

test('init removes partial downloads left by a crash', async () => {
  const cache = await newCache(new FakeSource());
  await writeFile(join(cache.dir, '.partial-abc-123'), 'x');
  await cache.init();
  assert.deepEqual(await readdir(cache.dir), []);
});

// Any gid will do: the test runs as root, which may give files to any group.
const QEMU_GID = 64999;
const modeOf = async (p: string) => {
  const st = await stat(p);
  return { mode: (st.mode & 0o777).toString(8), gid: st.gid };
};

test("cached images (private ones too) are readable by QEMU's group only, their directory enterable by it only", async () => {
  const cache = await newCache(new FakeSource(), QEMU_GID);
  await cache.ensure(ref);
  assert.deepEqual(await modeOf(cache.dir), { mode: '710', gid: QEMU_GID });
  assert.deepEqual(await modeOf(cache.pathOf(sha)), { mode: '640', gid: QEMU_GID });
});

test('init closes a cache an older agent left world-readable', async () => {
  const cache = await newCache(new FakeSource(), QEMU_GID);
  await cache.ensure(ref);
  await chmod(cache.dir, 0o755);
  await chmod(cache.pathOf(sha), 0o644);
  await cache.init();
  assert.deepEqual(await modeOf(cache.dir), { mode: '710', gid: QEMU_GID });
  assert.deepEqual(await modeOf(cache.pathOf(sha)), { mode: '640', gid: QEMU_GID });
});
