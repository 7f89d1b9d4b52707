// Project isolation of images: another project's private image does not exist
// for a member (NOT_FOUND, never PERMISSION_DENIED); public images are visible to
// all but changeable only by their owner; admins list everything only on request.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallOpts } from '../../../common/grpc/client.ts';
import { rejection } from '../../harness/errors.ts';
import { type ApiFixture, startApi } from './api-fixture.ts';

type Opts = CallOpts & { token: string };

async function names(img: ApiFixture['img'], opts: Opts, allProjects = false): Promise<string[]> {
  const out: string[] = [];
  let pageToken = '';
  do {
    const res = await img.ListImages({ pageSize: 2, pageToken, allProjects }, opts);
    out.push(...res.images.map((i) => i.name));
    pageToken = res.nextPageToken;
  } while (pageToken !== '');
  return out;
}

describe('image visibility across projects', () => {
  let f: ApiFixture;
  let admin: Opts;
  let alice: Opts;
  let bob: Opts;
  let privateId: string;
  let publicId: string;

  before(async () => {
    f = await startApi();
    admin = await f.login('admin', f.adminPassword);
    alice = await f.member('proj-a', 'alice');
    bob = await f.member('proj-b', 'bob');
    privateId = (await f.img.CreateImage({ name: 'alice-secret', diskFormat: 'raw', public: false }, alice)).id;
    await f.img.CreateImage({ name: 'alice-other', diskFormat: 'raw', public: false }, alice);
    publicId = (await f.img.CreateImage({ name: 'shared-base', diskFormat: 'qcow2', public: true }, admin)).id;
    await f.img.CreateImage({ name: 'admin-private', diskFormat: 'raw', public: false }, admin);
    await f.img.CreateImage({ name: 'bob-own', diskFormat: 'raw', public: false }, bob);
  });
  after(() => f?.close());

  it("hides a project's private image from another project's member: NOT_FOUND everywhere", async () => {
    for (const call of [
      () => f.img.GetImage({ image: privateId }, bob),
      () => f.img.GetImage({ image: 'alice-secret' }, bob),
      () => f.img.DeleteImage({ image: privateId }, bob),
      () => f.img.DeleteImage({ image: 'alice-secret' }, bob),
      () => f.img.UploadImage([{ imageId: privateId, data: Buffer.alloc(512) }], bob),
    ]) {
      const err = await rejection(call());
      assert.equal(err.code, 'NOT_FOUND', err.message);
    }
    assert.equal((await f.img.GetImage({ image: privateId }, alice)).status, 'queued', 'untouched');
  });

  it('lists own and public images in name order, paginated', async () => {
    assert.deepEqual(await names(f.img, bob), ['bob-own', 'shared-base']);
    assert.deepEqual(await names(f.img, alice), ['alice-other', 'alice-secret', 'shared-base']);
    assert.deepEqual(await names(f.img, admin), ['admin-private', 'shared-base']);
  });

  it('lets every project see a public image but only its owner change it', async () => {
    assert.equal((await f.img.GetImage({ image: 'shared-base' }, bob)).id, publicId);
    const del = await rejection(f.img.DeleteImage({ image: publicId }, bob));
    assert.equal(del.code, 'PERMISSION_DENIED');
    const up = await rejection(f.img.UploadImage([{ imageId: publicId, data: Buffer.alloc(512) }], bob));
    assert.equal(up.code, 'PERMISSION_DENIED');
    assert.equal((await f.img.GetImage({ image: publicId }, admin)).status, 'queued');
  });

  it('needs admin for public images and for all_projects', async () => {
    const pub = await rejection(f.img.CreateImage({ name: 'mine', diskFormat: 'raw', public: true }, bob));
    assert.equal(pub.code, 'PERMISSION_DENIED');
    const all = await rejection(f.img.ListImages({ pageSize: 0, pageToken: '', allProjects: true }, bob));
    assert.equal(all.code, 'PERMISSION_DENIED');
    assert.deepEqual(await names(f.img, admin, true), [
      'admin-private',
      'alice-other',
      'alice-secret',
      'bob-own',
      'shared-base',
    ]);
  });

  it("lets an admin reach another project's image by id", async () => {
    assert.equal((await f.img.GetImage({ image: privateId }, admin)).name, 'alice-secret');
    const byName = await rejection(f.img.GetImage({ image: 'alice-secret' }, admin));
    assert.equal(byName.code, 'NOT_FOUND', "names resolve within the caller's own project and public images");
  });

  it('rejects a page token from another listing', async () => {
    const res = await f.img.ListImages({ pageSize: 1, pageToken: '', allProjects: false }, bob);
    assert.notEqual(res.nextPageToken, '');
    const err = await rejection(f.id.ListProjects({ pageSize: 1, pageToken: res.nextPageToken }, admin));
    assert.equal(err.code, 'INVALID_ARGUMENT');
  });
});
