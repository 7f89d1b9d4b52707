// The storage role's rules on top of a driver and an exporter (the fake driver and a
// recording exporter here; the real ones in test/integration/storage/): exported
// volumes cannot be deleted, extends re-create an exported LUN, images are fetched
// only for valid requests that need them, creates show progress, exports are checked
// field by field and a bad reconcile entry changes nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { CachedImage, ImageRef } from '../../../agent/images/image-source.ts';
import { FakeVolumeDriver } from '../../../agent/storage/fake/fake-volume-driver.ts';
import type { DesiredExport } from '../../../agent/storage/iscsi/export-plan.ts';
import type { ExportInfo } from '../../../agent/storage/iscsi/target-manager.ts';
import { StorageService, type VolumeExporter } from '../../../agent/storage/storage-service.ts';
import { log } from '../../../common/log.ts';
import { rejection } from '../../harness/errors.ts';

log.level = 'silent';
const MiB = 1024 * 1024;
const HOST = 'iqn.2026-01.io.strato:host:a';

class RecordingExporter implements VolumeExporter {
  readonly portal = '10.0.0.1:3260';
  readonly exports = new Map<string, DesiredExport>();
  readonly calls: string[] = [];
  async export(d: DesiredExport): Promise<ExportInfo> {
    this.calls.push(`export ${d.volumeId} ${d.sizeBytes}`);
    this.exports.set(d.volumeId, d);
    return this.#info(d);
  }
  async unexport(volumeId: string): Promise<void> {
    this.calls.push(`unexport ${volumeId}`);
    this.exports.delete(volumeId);
  }
  async reconcile(desired: readonly DesiredExport[]): Promise<number> {
    this.calls.push(`reconcile ${desired.map((d) => d.volumeId).join(',')}`);
    this.exports.clear();
    for (const d of desired) this.exports.set(d.volumeId, d);
    return desired.length;
  }
  async resync(): Promise<number> {
    return 0;
  }
  async refreshLun(volumeId: string, backingPath: string, sizeBytes: number): Promise<boolean> {
    this.calls.push(`refresh ${volumeId} ${backingPath} ${sizeBytes}`);
    return true;
  }
  async list(): Promise<ExportInfo[]> {
    return [...this.exports.values()].map((d) => this.#info(d));
  }
  #info(d: DesiredExport): ExportInfo {
    return {
      volumeId: d.volumeId,
      targetIqn: `iqn.2026-01.io.strato:${d.volumeId}`,
      lun: 1,
      portal: this.portal,
      chapUser: `strato-${d.volumeId}`,
      initiatorName: d.initiatorName,
      initiatorAddress: d.initiatorAddress,
      backingPath: d.backingPath,
      sessions: 0,
      alsoAdmitted: [...(d.alsoAdmit ?? [])],
    };
  }
}

/** An image cache whose fetch the test releases when it wants. */
class GatedImages {
  fetched: string[] = [];
  release!: () => void;
  readonly gate = new Promise<void>((r) => {
    this.release = r;
  });
  async ensure(ref: ImageRef): Promise<CachedImage> {
    this.fetched.push(ref.id);
    await this.gate;
    return { path: '/images/x', format: ref.diskFormat, sha256: ref.sha256 };
  }
}

function setup() {
  const images = new GatedImages();
  const exporter = new RecordingExporter();
  const driver = new FakeVolumeDriver({
    capacityBytes: 256 * MiB,
    images: { size: async () => 2 * MiB, read: async () => new Uint8Array(2 * MiB).fill(9) },
  });
  const service = new StorageService({ driver, exporter, images });
  return { images, exporter, driver, service };
}

const exportOf = (volumeId: string, over: Record<string, string> = {}) => ({
  volumeId,
  initiatorName: HOST,
  initiatorAddress: '10.0.0.2',
  chapSecret: 'abcdefghijkl-123',
  ...over,
});

const image: ImageRef = { id: 'img-1', sha256: 'a'.repeat(64), sizeBytes: 2 * MiB, diskFormat: 'raw' };

test('an exported volume cannot be deleted; after unexport it can', async () => {
  const { service } = setup();
  const v = randomUUID();
  await service.create({ volumeId: v, sizeBytes: 4 * MiB, source: { kind: 'empty' } });
  const info = await service.export(exportOf(v));
  assert.equal(info.chapUser, `strato-${v}`);
  assert.deepEqual((await service.get(v)).export?.initiatorName, HOST);
  const err = await rejection(service.delete(v));
  assert.equal(`${err.code}/${err.reason}`, 'FAILED_PRECONDITION/VOLUME_EXPORTED');
  assert.equal((await service.get(v)).state, 'available');
  await service.unexport(v);
  await service.delete(v);
  assert.equal((await rejection(service.get(v))).reason, 'VOLUME_NOT_FOUND');
});

test('extending an exported volume re-creates its LUN at the new size; an unexported one is left alone', async () => {
  const { service, exporter } = setup();
  const a = randomUUID();
  const b = randomUUID();
  for (const v of [a, b]) await service.create({ volumeId: v, sizeBytes: 4 * MiB, source: { kind: 'empty' } });
  await service.export(exportOf(a));
  assert.equal((await service.extend(a, 8 * MiB)).sizeBytes, 8 * MiB);
  await service.extend(b, 8 * MiB);
  assert.deepEqual(
    exporter.calls.filter((c) => c.startsWith('refresh')),
    [`refresh ${a} fake:volume/${a} ${8 * MiB}`],
  );
});

test('a create from an image shows progress while it runs; bad input never fetches the image', async () => {
  const { service, images } = setup();
  const bad = await rejection(
    service.create({ volumeId: 'nope', sizeBytes: 4 * MiB, source: { kind: 'image', image } }),
  );
  assert.equal(bad.details.field, 'volume_id');
  const badRef = await rejection(
    service.create({
      volumeId: randomUUID(),
      sizeBytes: 4 * MiB,
      source: { kind: 'image', image: { ...image, sha256: 'x' } },
    }),
  );
  assert.equal(badRef.details.field, 'image.sha256');
  assert.deepEqual(images.fetched, []);

  const v = randomUUID();
  const creating = service.create({ volumeId: v, sizeBytes: 4 * MiB, source: { kind: 'image', image } });
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(await service.get(v), { volumeId: v, sizeBytes: 4 * MiB, progressPercent: 0, state: 'creating' });
  assert.deepEqual(
    (await service.list()).volumes.map((x) => x.state),
    ['creating'],
  );
  images.release();
  assert.deepEqual(await creating, { volumeId: v, sizeBytes: 4 * MiB, state: 'available', progressPercent: 100 });
  // A repeat is answered from the volume, without fetching the image again.
  await service.create({ volumeId: v, sizeBytes: 4 * MiB, source: { kind: 'image', image } });
  assert.deepEqual(images.fetched, ['img-1']);
});

test('exports are checked field by field, against the portal family, and need the volume', async () => {
  const { service, exporter } = setup();
  const v = randomUUID();
  await service.create({ volumeId: v, sizeBytes: 4 * MiB, source: { kind: 'empty' } });
  const cases: [Record<string, string>, string][] = [
    [{ initiatorName: 'not-an-iqn' }, 'initiator_name'],
    [{ initiatorAddress: '10.0.0.0/24' }, 'initiator_address'],
    [{ initiatorAddress: 'fd00::2' }, 'initiator_address'],
    [{ chapSecret: 'short' }, 'chap_secret'],
    [{ volumeId: 'x' }, 'volume_id'],
  ];
  for (const [over, field] of cases) {
    const err = await rejection(service.export(exportOf(v, over)));
    assert.equal(`${err.code}/${err.details.field}`, `INVALID_ARGUMENT/${field}`, JSON.stringify(over));
  }
  assert.equal((await rejection(service.export(exportOf(randomUUID())))).reason, 'VOLUME_NOT_FOUND');
  // A move's destination, admitted too, is checked the same way.
  const also: [{ name: string; address: string }, string][] = [
    [{ name: 'not-an-iqn', address: '10.0.0.3' }, 'also_admit[0].name'],
    [{ name: `${HOST}-b`, address: 'fd00::3' }, 'also_admit[0].address'],
  ];
  for (const [a, field] of also) {
    const err = await rejection(service.export({ ...exportOf(v), alsoAdmit: [a] }));
    assert.equal(`${err.code}/${err.details.field}`, `INVALID_ARGUMENT/${field}`, JSON.stringify(a));
  }
  assert.deepEqual(exporter.calls, []);
});

test('reconcile: one bad entry refuses the whole set (naming it); volumes the host lacks are skipped and listed', async () => {
  const { service, exporter } = setup();
  const v = randomUUID();
  const absent = randomUUID();
  await service.create({ volumeId: v, sizeBytes: 4 * MiB, source: { kind: 'empty' } });
  const err = await rejection(service.reconcileExports([exportOf(v), exportOf(absent, { chapSecret: 'bad secret!' })]));
  assert.equal(err.details.field, 'exports[1].chap_secret');
  const dup = await rejection(service.reconcileExports([exportOf(v), exportOf(v)]));
  assert.equal(dup.details.field, 'exports');
  assert.deepEqual(exporter.calls, []);
  const r = await service.reconcileExports([exportOf(v), exportOf(absent)]);
  assert.deepEqual(r.missing, [absent]);
  assert.deepEqual(
    r.exports.map((e) => e.volumeId),
    [v],
  );
  assert.deepEqual(exporter.calls, [`reconcile ${v}`]);
});
