// Image uploads over real gRPC: real qemu-img inspection of real qcow2/raw files,
// refusals (backing file, data file, format mismatch), broken streams, size
// limits and start-up recovery; nothing of a failed upload stays on disk.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { UploadImageRequest } from '../../../common/gen/strato/image/v1/UploadImageRequest.ts';
import { rejection } from '../../harness/errors.ts';
import { run } from '../../harness/exec.ts';
import { waitFor } from '../../harness/wait.ts';
import { type ApiFixture, startApi } from './api-fixture.ts';

const CHUNK = 64 * 1024;

function* chunks(imageId: string, bytes: Buffer): Generator<UploadImageRequest> {
  yield { imageId, data: bytes.subarray(0, Math.min(CHUNK, bytes.length)) };
  for (let off = CHUNK; off < bytes.length; off += CHUNK) yield { data: bytes.subarray(off, off + CHUNK) };
}

async function qemuImgCreate(path: string, format: string, size: string, ...opts: string[]): Promise<Buffer> {
  await run('qemu-img', ['create', '-q', '-f', format, ...opts, path, size]);
  return readFile(path);
}

async function waitForStatus(f: ApiFixture, id: string, status: string, opts: object): Promise<void> {
  await waitFor(
    async () => (await f.img.GetImage({ image: id }, opts)).status,
    (s) => s === status,
    { what: `image ${id} to be ${status}`, timeoutMs: 5000, intervalMs: 25 },
  );
}

describe('image upload and inspection', () => {
  let f: ApiFixture;
  let admin: Awaited<ReturnType<ApiFixture['login']>>;
  let work: string;
  const imagesDir = () => join(f.dir, 'images');

  before(async () => {
    f = await startApi();
    admin = await f.login('admin', f.adminPassword);
    work = join(f.dir, 'work');
    await run('mkdir', ['-p', work]);
  });
  after(() => f?.close());

  async function upload(name: string, diskFormat: string, bytes: Buffer) {
    const img = await f.img.CreateImage({ name, diskFormat, public: false }, admin);
    assert.equal(img.status, 'queued');
    return { img, result: f.img.UploadImage(chunks(img.id, bytes), admin) };
  }

  it('stores a real qcow2: active, sha256 and sizes recorded, bytes served back', async () => {
    const bytes = await qemuImgCreate(join(work, 'ok.qcow2'), 'qcow2', '64M');
    const { img, result } = await upload('ok-qcow2', 'qcow2', bytes);
    const done = await result;
    assert.equal(done.status, 'active');
    assert.equal(done.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(done.sizeBytes, String(bytes.length));
    assert.equal(done.virtualSizeBytes, String(64 * 1024 * 1024));
    const shown = await f.img.GetImage({ image: 'ok-qcow2' }, admin);
    assert.equal(shown.id, img.id);
    assert.equal(shown.status, 'active');
    const blob = await f.images.openImageBlob(img.id);
    const served: Buffer[] = [];
    for await (const c of blob.stream) served.push(c as Buffer);
    assert.ok(Buffer.concat(served).equals(bytes), 'the stored bytes are the uploaded bytes');
    const again = await rejection(f.img.UploadImage(chunks(img.id, bytes), admin));
    assert.equal(again.code, 'FAILED_PRECONDITION');
    assert.equal(again.reason, 'IMAGE_NOT_QUEUED');
  });

  it('stores a raw image', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const { result } = await upload('ok-raw', 'raw', bytes);
    const done = await result;
    assert.equal(done.status, 'active');
    assert.equal(done.virtualSizeBytes, String(bytes.length));
  });

  const refusals: [string, string, () => Promise<Buffer>, string][] = [
    [
      'a qcow2 with a backing file',
      'qcow2',
      async () => {
        await qemuImgCreate(join(work, 'base.qcow2'), 'qcow2', '16M');
        return qemuImgCreate(join(work, 'over.qcow2'), 'qcow2', '16M', '-b', '/etc/hostname', '-F', 'raw');
      },
      'BACKING_FILE',
    ],
    [
      'a qcow2 with an external data file',
      'qcow2',
      async () => {
        // qemu-img info opens the data file, so name one that exists on the conductor.
        return qemuImgCreate(join(work, 'ext.qcow2'), 'qcow2', '16M', '-o', `data_file=${join(work, 'ext.data')}`);
      },
      'DATA_FILE',
    ],
    [
      'a qcow2 declared as raw',
      'raw',
      () => qemuImgCreate(join(work, 'sneaky.qcow2'), 'qcow2', '16M'),
      'FORMAT_MISMATCH',
    ],
    ['raw bytes declared as qcow2', 'qcow2', async () => Buffer.alloc(1024 * 1024, 1), 'UNREADABLE'],
  ];
  for (const [what, format, make, check] of refusals) {
    it(`refuses ${what} (${check}): killed, bytes removed`, async () => {
      const bytes = await make();
      const { img, result } = await upload(`bad-${check.toLowerCase()}`, format, bytes);
      const err = await rejection(result);
      assert.equal(err.code, 'INVALID_ARGUMENT', err.message);
      assert.equal(err.reason, 'IMAGE_REFUSED');
      assert.equal(err.details.check, check, err.message);
      const after = await f.img.GetImage({ image: img.id }, admin);
      assert.equal(after.status, 'killed');
      assert.deepEqual(
        (await readdir(imagesDir())).filter((n) => n.startsWith(img.id)),
        [],
        'no bytes of a refused image remain',
      );
    });
  }

  it('kills an image whose upload stream breaks, and removes the partial file', async () => {
    const img = await f.img.CreateImage({ name: 'broken', diskFormat: 'qcow2', public: false }, admin);
    async function* breaking(): AsyncGenerator<UploadImageRequest> {
      yield { imageId: img.id, data: Buffer.alloc(CHUNK, 1) };
      yield { data: Buffer.alloc(CHUNK, 2) };
      await new Promise((r) => setTimeout(r, 100));
      throw new Error('client crashed');
    }
    // The client's own error, not the server's: it is no StratoError.
    await assert.rejects(f.img.UploadImage(breaking(), admin), /client crashed/);
    await waitForStatus(f, img.id, 'killed', admin);
    assert.deepEqual(
      (await readdir(imagesDir())).filter((n) => n.startsWith(img.id)),
      [],
    );
  });

  it('refuses an upload without an image id and to an unknown image', async () => {
    const none = await rejection(f.img.UploadImage([{ imageId: '', data: Buffer.alloc(1) }], admin));
    assert.equal(none.code, 'INVALID_ARGUMENT');
    const unknown = await rejection(
      f.img.UploadImage([{ imageId: '00000000-0000-4000-8000-000000000000', data: Buffer.alloc(1) }], admin),
    );
    assert.equal(unknown.code, 'NOT_FOUND');
    const badFormat = await rejection(f.img.CreateImage({ name: 'x', diskFormat: 'vmdk', public: false }, admin));
    assert.equal(badFormat.reason, 'DISK_FORMAT_INVALID');
  });

  it('after a crash mid-upload, start-up recovery kills the image and removes its part file', async () => {
    const img = await f.img.CreateImage({ name: 'crashed', diskFormat: 'raw', public: false }, admin);
    await f.images.transition(img.id, (r) => ({ ...r, status: 'saving' }));
    await writeFile(join(imagesDir(), `${img.id}.part`), 'partial');
    const { killed } = await f.images.recoverImages();
    assert.deepEqual(killed, [img.id]);
    assert.equal((await f.img.GetImage({ image: img.id }, admin)).status, 'killed');
    assert.deepEqual(
      (await readdir(imagesDir())).filter((n) => n.startsWith(img.id)),
      [],
    );
  });

  it('deletes an image and its bytes', async () => {
    const bytes = Buffer.alloc(1024 * 1024, 3);
    const { img, result } = await upload('to-delete', 'raw', bytes);
    await result;
    assert.ok((await readdir(imagesDir())).includes(img.id));
    await f.img.DeleteImage({ image: 'to-delete' }, admin);
    assert.equal((await rejection(f.img.GetImage({ image: img.id }, admin))).code, 'NOT_FOUND');
    assert.ok(!(await readdir(imagesDir())).includes(img.id));
    assert.equal((await rejection(f.img.DeleteImage({ image: img.id }, admin))).code, 'NOT_FOUND');
  });

  it('answers FAILED_PRECONDITION for an ambiguous name', async () => {
    const a = await f.img.CreateImage({ name: 'twin', diskFormat: 'raw', public: false }, admin);
    const b = await f.img.CreateImage({ name: 'twin', diskFormat: 'raw', public: false }, admin);
    const err = await rejection(f.img.GetImage({ image: 'twin' }, admin));
    assert.equal(err.code, 'FAILED_PRECONDITION');
    assert.equal(err.reason, 'IMAGE_NAME_AMBIGUOUS');
    assert.equal((await f.img.GetImage({ image: a.id }, admin)).id, a.id, 'ids still work');
    assert.equal((await f.img.GetImage({ image: b.id }, admin)).id, b.id);
  });
});

describe('image size limit', () => {
  let f: ApiFixture;
  before(async () => {
    f = await startApi({ maxImageBytes: 256 * 1024 });
  });
  after(() => f?.close());

  it('stops an upload beyond the limit and kills the image', async () => {
    const admin = await f.login('admin', f.adminPassword);
    const img = await f.img.CreateImage({ name: 'huge', diskFormat: 'raw', public: false }, admin);
    const err = await rejection(f.img.UploadImage(chunks(img.id, Buffer.alloc(1024 * 1024, 9)), admin));
    assert.equal(err.code, 'INVALID_ARGUMENT');
    assert.equal(err.reason, 'IMAGE_TOO_LARGE');
    assert.equal((await f.img.GetImage({ image: img.id }, admin)).status, 'killed');
    assert.deepEqual(
      (await readdir(join(f.dir, 'images'))).filter((n) => n.startsWith(img.id)),
      [],
    );
  });
});
