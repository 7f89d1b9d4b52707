// strato.agent.v1.AgentStorage end to end over mutual TLS, on real parts: the file
// backend, the image cache (sha256-checked), a real tgtd (the lab's own) and QEMU's
// iSCSI initiator. What the conductor side will build on: create from an image,
// export, read over iSCSI with CHAP, extend while exported, the errors it must branch
// on, and that only the conductor may call.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ImageCache } from '../../../agent/images/image-cache.ts';
import type { ImageChunk, ImageSource } from '../../../agent/images/image-source.ts';
import { agentStorageService } from '../../../agent/server/agent-storage-service.ts';
import { BackedVolumeDriver } from '../../../agent/storage/backed-volume-driver.ts';
import { FileBackend } from '../../../agent/storage/file/file-backend.ts';
import { TgtTargetManager } from '../../../agent/storage/iscsi/target-manager.ts';
import { StorageService } from '../../../agent/storage/storage-service.ts';
import type { ProtoGrpcType } from '../../../common/gen/agent_storage.ts';
import type { AgentStorageClient, AgentStorageHandlers } from '../../../common/gen/strato/agent/v1/AgentStorage.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { mtlsChannelCredentials, mtlsServerCredentials, type TlsFiles } from '../../../common/grpc/credentials.ts';
import { StratoServer } from '../../../common/grpc/server.ts';
import { log } from '../../../common/log.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { type ImageFixture, makeImages } from '../../conformance/volume-driver/fixtures.ts';
import { rejection } from '../../harness/errors.ts';
import { makeCerts } from '../grpc/helpers.ts';
import { TgtLab } from './tgt-lab.ts';

log.level = process.env.STRATO_LOG_LEVEL ?? 'error';

const MiB = 1024 * 1024;
const HOST_A = 'iqn.2026-01.io.strato:host:a';

let lab: TgtLab;
let img: ImageFixture;
let server: StratoServer;
let conductor: StratoClient<AgentStorageClient>;
let intruder: StratoClient<AgentStorageClient>;
let imageRef: { id: string; sha256: string; sizeBytes: string; diskFormat: string };

/** The registry as the image cache sees it: one qcow2 image, streamed in chunks. */
class OneImage implements ImageSource {
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
  async *pull(): AsyncIterable<ImageChunk> {
    const sha256 = createHash('sha256').update(this.bytes).digest('hex');
    for (let off = 0; off < this.bytes.length; off += 256 * 1024) {
      yield {
        sha256: off === 0 ? sha256 : '',
        sizeBytes: off === 0 ? String(this.bytes.length) : '0',
        diskFormat: 'qcow2',
        data: this.bytes.subarray(off, off + 256 * 1024),
      };
    }
  }
}

const files = (dir: string, name: string): TlsFiles => ({
  caFile: join(dir, 'ca.crt'),
  certFile: join(dir, `${name}.crt`),
  keyFile: join(dir, `${name}.key`),
});

before(async () => {
  lab = await new TgtLab().open();
  img = await makeImages();
  const qcow2 = await readFile(img.qcow2);
  imageRef = {
    id: 'img-pattern',
    sha256: createHash('sha256').update(qcow2).digest('hex'),
    sizeBytes: String(qcow2.length),
    diskFormat: 'qcow2',
  };
  const pki = join(lab.dir, 'pki');
  await makeCerts(pki, '--ca');
  await makeCerts(pki, '--name', 'hv-1', '--ip', '127.0.0.1');
  await makeCerts(pki, '--name', 'conductor');
  await makeCerts(pki, '--name', 'hv-2');

  const images = new ImageCache({ dir: join(lab.dir, 'images'), source: new OneImage(qcow2), log });
  await images.init();
  const driver = new BackedVolumeDriver(new FileBackend({ dir: join(lab.dir, 'volumes'), wipe: 'zero' }));
  await driver.init();
  const exporter = new TgtTargetManager({
    tgtadm: lab.tgtadm,
    portal: { address: lab.targetIp, port: 3260 },
    netns: lab.targetNs,
  });
  await exporter.init();
  const pkg = await loadProtoPackage();
  const proto = toGrpcObject<ProtoGrpcType>(pkg).strato.agent.v1.AgentStorage;
  server = new StratoServer().addService<AgentStorageHandlers>(
    proto.service,
    agentStorageService(new StorageService({ driver, exporter, images })),
  );
  const port = await server.listen('127.0.0.1:0', await mtlsServerCredentials(files(pki, 'hv-1')));
  const client = async (name: string) =>
    connect(proto, `127.0.0.1:${port}`, {
      credentials: await mtlsChannelCredentials(files(pki, name)),
      retry: false,
      defaultDeadlineMs: 60_000,
    });
  conductor = await client('conductor');
  intruder = await client('hv-2');
});

after(async () => {
  conductor?.close();
  intruder?.close();
  await server?.shutdown(1000);
  await img?.close();
  await lab?.close();
});

test('GetStorageInfo: the backend, its capacity and capabilities, the portal', async () => {
  const info = await conductor.GetStorageInfo({});
  assert.equal(info.backend, 'file');
  assert.equal(info.snapshotsSupported, true);
  assert.equal(info.wipePolicy, 'zero');
  assert.equal(info.sizeGranularityBytes, String(MiB));
  assert.equal(info.iscsiPortal, `${lab.targetIp}:3260`);
  assert.ok(Number(info.totalBytes) > 0 && Number(info.freeBytes) > 0);
});

test('create from an image, export, read it over iSCSI, extend while exported, unexport, delete', async () => {
  const volumeId = randomUUID();
  const created = await conductor.CreateVolume({ volumeId, sizeBytes: String(16 * MiB), image: imageRef });
  assert.deepEqual(
    { ...created, export: created.export ?? null },
    { volumeId, sizeBytes: String(16 * MiB), state: 'available', progressPercent: 100, export: null },
  );
  const again = await conductor.CreateVolume({ volumeId, sizeBytes: String(16 * MiB), image: imageRef });
  assert.equal(again.sizeBytes, created.sizeBytes);

  const chapSecret = randomBytes(18).toString('base64url');
  const exp = await conductor.ExportVolume({
    volumeId,
    initiatorName: HOST_A,
    initiatorAddress: lab.initiatorIp,
    chapSecret,
  });
  assert.equal(exp.targetIqn, `iqn.2026-01.io.strato:${volumeId}`);
  assert.equal(exp.portal, `${lab.targetIp}:3260`);
  const login = { iqn: exp.targetIqn, user: exp.chapUser, secret: chapSecret, initiatorName: HOST_A };
  // Every byte over iSCSI: the image's content, then zeros to the end of the volume.
  const bytes = await lab.copyOut(login);
  assert.equal(bytes.length, 16 * MiB);
  const expected = Buffer.alloc(16 * MiB);
  img.head.copy(expected, 0);
  img.tail.copy(expected, img.tailAt);
  assert.ok(bytes.equals(expected), 'the volume holds the image, byte for byte');

  const held = await rejection(conductor.DeleteVolume({ volumeId }));
  assert.equal(`${held.code}/${held.reason}`, 'FAILED_PRECONDITION/VOLUME_EXPORTED');

  const grown = await conductor.ExtendVolume({ volumeId, sizeBytes: String(32 * MiB) });
  assert.equal(grown.sizeBytes, String(32 * MiB));
  assert.equal(grown.export?.targetIqn, exp.targetIqn);
  assert.equal(await lab.lunSize(login), 32 * MiB);

  const listed = await conductor.ListVolumes({});
  assert.deepEqual(
    listed.volumes.map((v) => [v.volumeId, v.sizeBytes, v.state, v.export?.initiatorAddress]),
    [[volumeId, String(32 * MiB), 'available', lab.initiatorIp]],
  );

  await conductor.UnexportVolume({ volumeId });
  await conductor.UnexportVolume({ volumeId });
  await conductor.DeleteVolume({ volumeId });
  await conductor.DeleteVolume({ volumeId });
  assert.deepEqual((await conductor.ListVolumes({})).volumes, []);
  assert.equal((await rejection(conductor.GetVolume({ volumeId }))).code, 'NOT_FOUND');
});

test('bad input is INVALID_ARGUMENT naming the field, and changes nothing', async () => {
  const before = await conductor.ListVolumes({});
  const cases: [Promise<unknown>, string][] = [
    [conductor.CreateVolume({ volumeId: randomUUID(), sizeBytes: '0' }), 'size_bytes'],
    [conductor.CreateVolume({ volumeId: 'etc/passwd', sizeBytes: String(MiB) }), 'volume_id'],
    [
      conductor.CreateVolume({
        volumeId: randomUUID(),
        sizeBytes: String(MiB),
        image: { ...imageRef, diskFormat: '' },
      }),
      'image.disk_format',
    ],
    [conductor.ExtendVolume({ volumeId: randomUUID(), sizeBytes: '12' }), 'size_bytes'],
    [
      conductor.ReconcileExports({
        exports: [
          { volumeId: randomUUID(), initiatorName: HOST_A, initiatorAddress: lab.initiatorIp, chapSecret: 'x' },
        ],
      }),
      'exports[0].chap_secret',
    ],
  ];
  for (const [call, field] of cases) {
    const err = await rejection(call);
    assert.equal(`${err.code}/${err.details.field}`, `INVALID_ARGUMENT/${field}`, err.message);
  }
  assert.deepEqual(await conductor.ListVolumes({}), before);
});

test('only the conductor may call AgentStorage', async () => {
  const err = await rejection(intruder.ListVolumes({}));
  assert.equal(`${err.code}/${err.reason}`, 'PERMISSION_DENIED/PEER_NOT_CONDUCTOR');
});
