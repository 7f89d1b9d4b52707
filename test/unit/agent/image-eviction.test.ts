// The image cache's eviction: the pure plan (age, then the size limit, least recently
// used first, never an image in use), the qcow2 header read that says which base an
// overlay uses, and the cache itself over real files: it evicts an unused image over
// its limit, keeps the one in use and the one a boot holds, and a fetch racing an
// eviction gets the image back.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { planEviction } from '../../../agent/images/eviction-plan.ts';
import { ImageCache } from '../../../agent/images/image-cache.ts';
import type { ImageChunk, ImageRef, ImageSource } from '../../../agent/images/image-source.ts';
import { qcow2BackingFile } from '../../../agent/images/qcow2-backing.ts';
import { imagesInUse } from '../../../agent/reconcile/images-in-use.ts';
import { quiet } from '../../harness/quiet-log.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function scratch(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'strato-eviction-'));
  dirs.push(d);
  return d;
}

const H = 3_600_000;
const e = (sha256: string, bytes: number, lastUsedMs: number) => ({ sha256, bytes, lastUsedMs });

test('eviction plan: unused images past the age limit go, in-use ones never', () => {
  const entries = [e('a', 10, 0), e('b', 10, 0), e('c', 10, 9 * H)];
  assert.deepEqual(planEviction({ entries, inUse: new Set(['b']), maxBytes: 1000, maxAgeMs: 5 * H, now: 10 * H }), [
    'a',
  ]);
  assert.deepEqual(planEviction({ entries, inUse: new Set(), maxBytes: 1000, maxAgeMs: 0, now: 10 * H }), []);
});

test('eviction plan: over the size limit, least recently used unused images go until it fits', () => {
  const entries = [e('old', 40, 1), e('used', 50, 0), e('mid', 30, 2), e('new', 20, 3)];
  // 140 bytes, limit 80: drop old (100), then mid (70); "used" is older but in use.
  assert.deepEqual(planEviction({ entries, inUse: new Set(['used']), maxBytes: 80, maxAgeMs: 0, now: 4 }), [
    'old',
    'mid',
  ]);
  // An in-use image alone over the limit stays: nothing else to drop.
  assert.deepEqual(
    planEviction({ entries: [e('used', 500, 0)], inUse: new Set(['used']), maxBytes: 0, maxAgeMs: 0, now: 1 }),
    [],
  );
});

/** A minimal qcow2 header naming `backing` (the fields the reader uses). */
function qcow2Header(backing: string | undefined): Buffer {
  const buf = Buffer.alloc(512);
  buf.writeUInt32BE(0x514649fb, 0);
  buf.writeUInt32BE(3, 4);
  if (backing !== undefined) {
    buf.writeBigUInt64BE(200n, 8);
    buf.writeUInt32BE(Buffer.byteLength(backing), 16);
    buf.write(backing, 200);
  }
  return buf;
}

test('qcow2 header: the backing file named, none, or not a qcow2 at all', async () => {
  const d = await scratch();
  await writeFile(join(d, 'with'), qcow2Header('/var/lib/strato/agent/images/abc'));
  await writeFile(join(d, 'without'), qcow2Header(undefined));
  await writeFile(join(d, 'raw'), Buffer.alloc(512));
  assert.equal(await qcow2BackingFile(join(d, 'with')), '/var/lib/strato/agent/images/abc');
  assert.equal(await qcow2BackingFile(join(d, 'without')), undefined);
  await assert.rejects(qcow2BackingFile(join(d, 'raw')), /not a qcow2/);
});

function image(n: number): { bytes: Buffer; ref: ImageRef } {
  const bytes = Buffer.alloc(1024 * 1024, n);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, ref: { id: `img-${n}`, sha256, sizeBytes: bytes.length, diskFormat: 'qcow2' } };
}

class Source implements ImageSource {
  pulls = 0;
  private readonly images: Map<string, Buffer>;
  constructor(images: Map<string, Buffer>) {
    this.images = images;
  }
  async *pull(id: string): AsyncIterable<ImageChunk> {
    this.pulls++;
    const data = this.images.get(id)!;
    yield {
      sha256: createHash('sha256').update(data).digest('hex'),
      sizeBytes: String(data.length),
      diskFormat: 'qcow2',
      data,
    };
  }
}

test('the cache evicts unused images over its limit, keeps the one an overlay uses and the one a boot holds', async () => {
  const state = await scratch();
  const cacheDir = join(state, 'images');
  const [a, b, c] = [image(1), image(2), image(3)];
  const source = new Source(new Map([a, b, c].map((i) => [i.ref.id, i.bytes])));
  const clock = { now: 1_000 };
  const cache = new ImageCache({ dir: cacheDir, source, log: quiet, maxBytes: 0, now: () => clock.now });
  await cache.init();
  for (const i of [a, b, c]) await cache.ensure(i.ref);
  // a: an instance's overlay names it; b: a boot holds it; c: unused.
  const id = '00000000-0000-4000-8000-0000000000a1';
  await mkdir(join(state, 'instances', id), { recursive: true });
  await writeFile(join(state, 'instances', id, 'disk.qcow2'), qcow2Header(cache.pathOf(a.ref.sha256)));
  const release = cache.hold(b.ref.sha256);
  const inUse = await imagesInUse(state, cacheDir, quiet);
  assert.deepEqual(inUse, new Set([a.ref.sha256]));

  const first = await cache.evict(inUse);
  assert.deepEqual(first.evicted, [c.ref.sha256]);
  assert.equal(first.bytes, 2 * 1024 * 1024);
  assert.ok(existsSync(cache.pathOf(a.ref.sha256)), 'in use: kept');
  assert.ok(existsSync(cache.pathOf(b.ref.sha256)), 'held by a boot: kept');
  assert.equal(existsSync(cache.pathOf(c.ref.sha256)), false);

  release();
  assert.deepEqual((await cache.evict(inUse)).evicted, [b.ref.sha256], 'released: evicted next pass');
  assert.deepEqual(await cache.evict(undefined).then((r) => r.evicted), [], 'use unknown: nothing evicted');

  // Evicted images come back on demand.
  const pulls = source.pulls;
  await cache.ensure(c.ref);
  assert.equal(source.pulls, pulls + 1);
  assert.ok(existsSync(cache.pathOf(c.ref.sha256)));
});

test('age: an image unused for longer than the limit is evicted, one used recently is kept', async () => {
  const state = await scratch();
  const [a, b] = [image(4), image(5)];
  const clock = { now: 0 };
  const cache = new ImageCache({
    dir: join(state, 'images'),
    source: new Source(new Map([a, b].map((i) => [i.ref.id, i.bytes]))),
    log: quiet,
    maxAgeMs: 10 * H,
    now: () => clock.now,
  });
  await cache.init();
  await cache.ensure(a.ref);
  clock.now = 8 * H;
  await cache.ensure(b.ref);
  clock.now = 12 * H;
  assert.deepEqual((await cache.evict(new Set())).evicted, [a.ref.sha256]);
  assert.ok(existsSync(cache.pathOf(b.ref.sha256)));
});

test('a boot racing an eviction keeps its image: it holds it from before the fetch until its overlay exists', async () => {
  const state = await scratch();
  const a = image(6);
  const source = new Source(new Map([[a.ref.id, a.bytes]]));
  const cache = new ImageCache({ dir: join(state, 'images'), source, log: quiet, maxBytes: 0 });
  await cache.init();
  await cache.ensure(a.ref);
  const evicting = cache.evict(new Set());
  const release = cache.hold(a.ref.sha256);
  const img = await cache.ensure(a.ref);
  assert.deepEqual((await evicting).evicted, []);
  assert.ok(existsSync(img.path), 'the image is there for the boot that asked');
  release();
  assert.deepEqual((await cache.evict(new Set())).evicted, [a.ref.sha256]);
});

test('stray entries of the cache dir are listed and removable; cached images and downloads are not strays', async () => {
  const state = await scratch();
  const a = image(7);
  const cache = new ImageCache({
    dir: join(state, 'images'),
    source: new Source(new Map([[a.ref.id, a.bytes]])),
    log: quiet,
  });
  await cache.init();
  await cache.ensure(a.ref);
  await writeFile(join(cache.dir, 'leftover.tmp'), 'x');
  assert.deepEqual(await cache.strayEntries(), ['leftover.tmp']);
  await cache.removeStray('leftover.tmp');
  assert.deepEqual(await cache.strayEntries(), []);
  await assert.rejects(cache.removeStray(a.ref.sha256), /not a stray/);
  assert.ok(existsSync(cache.pathOf(a.ref.sha256)));
});
