// Flavors over real gRPC: global, admin-only changes, validation, name lookup.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallOpts } from '../../../common/grpc/client.ts';
import { rejection } from '../../harness/errors.ts';
import { type ApiFixture, startApi } from './api-fixture.ts';

type Opts = CallOpts & { token: string };

describe('flavors API', () => {
  let f: ApiFixture;
  let admin: Opts;
  let member: Opts;
  before(async () => {
    f = await startApi();
    admin = await f.login('admin', f.adminPassword);
    member = await f.member('proj-a', 'alice');
  });
  after(() => f?.close());

  it('lets an admin create a flavor that everybody can get and list', async () => {
    const tiny = await f.fl.CreateFlavor({ name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 }, admin);
    assert.equal(tiny.name, 'm1.tiny');
    await f.fl.CreateFlavor({ name: 'm1.small', vcpus: 1, ramMib: 2048, diskGib: 20 }, admin);
    await f.fl.CreateFlavor({ name: 'a1.big', vcpus: 8, ramMib: 16384, diskGib: 160 }, admin);
    const got = await f.fl.GetFlavor({ flavor: 'm1.tiny' }, member);
    assert.deepEqual(got, tiny);
    assert.deepEqual(await f.fl.GetFlavor({ flavor: tiny.id }, member), tiny);
    const page1 = await f.fl.ListFlavors({ pageSize: 2, pageToken: '' }, member);
    const page2 = await f.fl.ListFlavors({ pageSize: 2, pageToken: page1.nextPageToken }, member);
    assert.deepEqual(
      [...page1.flavors, ...page2.flavors].map((x) => x.name),
      ['a1.big', 'm1.small', 'm1.tiny'],
    );
    assert.equal(page2.nextPageToken, '');
  });

  it('denies members creating or deleting flavors', async () => {
    const c = await rejection(f.fl.CreateFlavor({ name: 'mine', vcpus: 1, ramMib: 64, diskGib: 1 }, member));
    assert.equal(c.code, 'PERMISSION_DENIED');
    const d = await rejection(f.fl.DeleteFlavor({ flavor: 'm1.tiny' }, member));
    assert.equal(d.code, 'PERMISSION_DENIED');
    assert.ok(await f.fl.GetFlavor({ flavor: 'm1.tiny' }, member), 'still there');
  });

  it('validates flavors and keeps names unique', async () => {
    for (const [req, field] of [
      [{ name: 'z', vcpus: 0, ramMib: 64, diskGib: 1 }, 'vcpus'],
      [{ name: 'z', vcpus: 1, ramMib: 0, diskGib: 1 }, 'ram_mib'],
      [{ name: 'z', vcpus: 1, ramMib: 64, diskGib: 0 }, 'disk_gib'],
      [{ name: 'z', vcpus: 1, ramMib: 2 ** 31, diskGib: 1 }, 'ram_mib'],
      [{ name: 'bad name', vcpus: 1, ramMib: 64, diskGib: 1 }, 'name'],
      [{ name: '', vcpus: 1, ramMib: 64, diskGib: 1 }, 'name'],
    ] as const) {
      const err = await rejection(f.fl.CreateFlavor(req, admin));
      assert.equal(err.code, 'INVALID_ARGUMENT', JSON.stringify(req));
      assert.equal(err.details.field, field);
    }
    const dup = await rejection(f.fl.CreateFlavor({ name: 'm1.tiny', vcpus: 2, ramMib: 64, diskGib: 1 }, admin));
    assert.equal(dup.code, 'ALREADY_EXISTS');
  });

  it('keeps names unique under concurrent creates', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => f.fl.CreateFlavor({ name: 'race', vcpus: 1, ramMib: 64, diskGib: 1 }, admin)),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });

  it('deletes a flavor by name; then it is gone and the name is free', async () => {
    await f.fl.DeleteFlavor({ flavor: 'm1.small' }, admin);
    assert.equal((await rejection(f.fl.GetFlavor({ flavor: 'm1.small' }, member))).code, 'NOT_FOUND');
    assert.equal((await rejection(f.fl.DeleteFlavor({ flavor: 'm1.small' }, admin))).code, 'NOT_FOUND');
    await f.fl.CreateFlavor({ name: 'm1.small', vcpus: 2, ramMib: 2048, diskGib: 20 }, admin);
  });
});
