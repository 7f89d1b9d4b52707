// strato.agent.v1 messages → the instance manager's plain data. Missing or
// malformed fields become INVALID_ARGUMENT naming the field.
import { invalidArgument } from '../../common/errors.ts';
import type { PortSpec__Output } from '../../common/gen/strato/agent/v1/PortSpec.ts';
import type { SpawnInstanceRequest__Output } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { VolumeSpec__Output } from '../../common/gen/strato/agent/v1/VolumeSpec.ts';
import type { SpawnPort, SpawnRequest } from '../compute/spawn-request.ts';
import { INVALID_VOLUME_REASON, type VolumeAttachment } from '../compute/volume-request.ts';

function field(name: string, message: string, reason = 'INVALID_SPAWN_REQUEST'): never {
  throw invalidArgument(reason, `${name}: ${message}`, { details: { field: name } });
}

/** A uint64 field (a decimal string) as a number of bytes; INVALID_ARGUMENT naming it past 2^53. */
export function byteCount(value: string, name: string, reason = INVALID_VOLUME_REASON): number {
  const n = Number(value);
  if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(n)) field(name, 'must be a number of bytes', reason);
  return n;
}

export function spawnRequestFromProto(req: SpawnInstanceRequest__Output): SpawnRequest {
  const { flavor, image, bootVolume } = req;
  if (!flavor) field('flavor', 'is required');
  // A boot from volume needs no image (one named anyway is recorded, not fetched).
  if (!image && !bootVolume) field('image', 'is required (or boot_volume)');
  const out: SpawnRequest = {
    instanceId: req.instanceId,
    name: req.name,
    projectId: req.projectId,
    flavor: { name: flavor.name, vcpus: flavor.vcpus, ramMiB: flavor.ramMib, diskGiB: flavor.diskGib },
    userData: req.userData,
    metadata: { ...req.metadata },
    networkDataJson: req.networkDataJson,
    ports: req.ports.map((p, i) => portFromProto(p, `ports[${i}]`)),
    volumes: req.volumes.map((v, i) => volumeFromProto(v, `volumes[${i}]`)),
    publicKeys: req.publicKeys.map((k) => ({ name: k.name, key: k.key })),
  };
  if (image) {
    if (!/^\d{1,16}$/.test(image.sizeBytes) || image.sizeBytes === '0') field('image.size_bytes', 'must be positive');
    const diskFormat = image.diskFormat === '' ? 'qcow2' : image.diskFormat;
    if (diskFormat !== 'qcow2' && diskFormat !== 'raw') field('image.disk_format', 'must be qcow2 or raw');
    out.image = { id: image.id, sha256: image.sha256.toLowerCase(), sizeBytes: Number(image.sizeBytes), diskFormat };
  }
  if (bootVolume) out.bootVolume = volumeFromProto(bootVolume, 'boot_volume');
  if (req.noConfigDrive) out.noConfigDrive = true;
  return out;
}

/**
 * A VolumeSpec message → plain data; presence here, values with the domain
 * (volume-request.ts). The CHAP secret is never quoted back.
 */
export function volumeFromProto(v: VolumeSpec__Output | null | undefined, name = 'volume'): VolumeAttachment {
  if (!v) field(name, 'is required', INVALID_VOLUME_REASON);
  for (const [k, proto] of [
    ['volumeId', 'volume_id'],
    ['portal', 'portal'],
    ['targetIqn', 'target_iqn'],
    ['chapUser', 'chap_user'],
    ['chapSecret', 'chap_secret'],
    ['initiatorName', 'initiator_name'],
  ] as const) {
    if (v[k] === '') field(`${name}.${proto}`, 'is required', INVALID_VOLUME_REASON);
  }
  const sizeBytes = byteCount(v.sizeBytes, `${name}.size_bytes`);
  return {
    volumeId: v.volumeId,
    device: v.device,
    portal: v.portal,
    targetIqn: v.targetIqn,
    lun: v.lun,
    chapUser: v.chapUser,
    chapSecret: v.chapSecret,
    initiatorName: v.initiatorName,
    sizeBytes,
  };
}

/** A PortSpec message → plain data; values are checked with the domain (validatePort). */
export function portFromProto(p: PortSpec__Output | null | undefined, name = 'port'): SpawnPort {
  if (!p) field(name, 'is required');
  for (const k of ['portId', 'mac', 'networkId', 'bridge', 'tap'] as const) {
    if (p[k] === '') field(`${name}.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, 'is required');
  }
  const port: SpawnPort = {
    id: p.portId,
    mac: p.mac.toLowerCase(),
    networkId: p.networkId,
    bridge: p.bridge,
    tap: p.tap,
    ips: [...p.ips],
  };
  if (p.mtu > 0) port.mtu = p.mtu;
  return port;
}
