// The Agent service's volume RPCs over the instance manager and the fake hypervisor:
// messages become plain data (a missing field named in the request's terms), only the
// conductor may call, a spawn may carry a boot volume and data volumes, and the
// errors of the contract come through (UNAVAILABLE for a refused login,
// DEADLINE_EXCEEDED for a guest that keeps its disk).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VolumeAttachment } from '../../../agent/compute/volume-request.ts';
import { agentService } from '../../../agent/server/agent-service.ts';
import { isStratoError } from '../../../common/errors.ts';
import type { SpawnInstanceRequest__Output } from '../../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { VolumeSpec__Output } from '../../../common/gen/strato/agent/v1/VolumeSpec.ts';
import type { CallContext } from '../../../common/grpc/handlers.ts';
import { req, servedVolume, setup } from './compute-fixture.ts';

const conductor = { peer: () => ({ commonName: 'conductor' }) } as unknown as CallContext;
const intruder = { peer: () => ({ commonName: 'host-2' }) } as unknown as CallContext;

const message = (v: VolumeAttachment): VolumeSpec__Output => ({ ...v, sizeBytes: String(v.sizeBytes) });

const field = (name: string) => (e: unknown) =>
  isStratoError(e, 'INVALID_ARGUMENT') && e.details['field'] === name && !e.message.includes('chap-');

async function world() {
  const s = await setup();
  const r = req();
  await s.manager.spawn(r);
  return { ...s, id: r.instanceId, svc: agentService(s.manager) };
}

test('AttachVolume, RefreshVolumeSize, DetachVolume: the conductor only; messages become the disk', async () => {
  const { hv, id, svc } = await world();
  const v = servedVolume(hv);
  await assert.rejects(
    async () => svc.AttachVolume({ instanceId: id, volume: message(v) }, intruder),
    (e) => isStratoError(e, 'PERMISSION_DENIED'),
  );
  assert.deepEqual(await svc.AttachVolume({ instanceId: id, volume: message(v) }, conductor), {});
  assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.volumeId, target: 'vdc' }]);
  hv.iscsi.grow(hv.domains.get(id)!.spec.volumes[0]!, 2 * v.sizeBytes);
  await svc.RefreshVolumeSize({ instanceId: id, volumeId: v.volumeId, sizeBytes: String(2 * v.sizeBytes) }, conductor);
  assert.equal(hv.domains.get(id)!.volumeSizes.get(v.volumeId), 2 * v.sizeBytes);
  await svc.DetachVolume({ instanceId: id, volumeId: v.volumeId, timeoutS: 0 }, conductor);
  assert.deepEqual(await hv.volumeSecrets(), []);
});

test('missing or malformed fields are named as the request names them', async () => {
  const { hv, id, svc } = await world();
  const v = servedVolume(hv);
  await assert.rejects(async () => svc.AttachVolume({ instanceId: id, volume: null }, conductor), field('volume'));
  for (const [k, name] of [
    ['volumeId', 'volume.volume_id'],
    ['portal', 'volume.portal'],
    ['targetIqn', 'volume.target_iqn'],
    ['chapUser', 'volume.chap_user'],
    ['chapSecret', 'volume.chap_secret'],
    ['initiatorName', 'volume.initiator_name'],
  ] as const) {
    await assert.rejects(
      async () => svc.AttachVolume({ instanceId: id, volume: { ...message(v), [k]: '' } }, conductor),
      field(name),
      name,
    );
  }
  await assert.rejects(
    async () =>
      svc.AttachVolume({ instanceId: id, volume: { ...message(v), sizeBytes: '18446744073709551615' } }, conductor),
    field('volume.size_bytes'),
  );
  await assert.rejects(
    async () =>
      svc.RefreshVolumeSize({ instanceId: id, volumeId: v.volumeId, sizeBytes: '99999999999999999' }, conductor),
    field('size_bytes'),
  );
  await assert.rejects(
    async () => svc.AttachVolume({ instanceId: 'nope', volume: message(v) }, conductor),
    field('instance_id'),
  );
  assert.deepEqual(await hv.volumeSecrets(), [], 'nothing was changed');
});

test('SpawnInstance with a boot volume and no image, and with data volumes', async () => {
  const { hv, images, manager } = await setup();
  const svc = agentService(manager);
  const r = req();
  const boot = servedVolume(hv, { device: 'vda' });
  const data = servedVolume(hv);
  const msg: SpawnInstanceRequest__Output = {
    instanceId: r.instanceId,
    name: r.name,
    projectId: r.projectId,
    flavor: { name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 0 },
    image: null,
    userData: Buffer.alloc(0),
    metadata: {},
    networkDataJson: '',
    ports: [],
    bootVolume: message(boot),
    volumes: [message(data)],
    publicKeys: [],
    noConfigDrive: false,
  };
  await assert.rejects(async () => svc.SpawnInstance({ ...msg, bootVolume: null }, conductor), field('image'));
  await assert.rejects(
    async () => svc.SpawnInstance({ ...msg, volumes: [{ ...message(data), chapSecret: '' }] }, conductor),
    field('volumes[0].chap_secret'),
  );
  assert.equal((await svc.SpawnInstance(msg, conductor)).powerState, 'running');
  assert.equal(images.ensured, 0, 'no image fetched');
  assert.deepEqual(
    (await hv.metadata(r.instanceId))?.volumes.map((x) => x.target),
    ['vda', 'vdc'],
  );
});
