// strato.agent.v1 messages → the instance manager's plain data. Missing or
// malformed fields become INVALID_ARGUMENT naming the field.
import { invalidArgument } from '../../common/errors.ts';
import type { PortSpec__Output } from '../../common/gen/strato/agent/v1/PortSpec.ts';
import type { SpawnInstanceRequest__Output } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { SpawnPort, SpawnRequest } from '../compute/spawn-request.ts';

function field(name: string, message: string): never {
  throw invalidArgument('INVALID_SPAWN_REQUEST', `${name}: ${message}`, { details: { field: name } });
}

export function spawnRequestFromProto(req: SpawnInstanceRequest__Output): SpawnRequest {
  const { flavor, image } = req;
  if (!flavor) field('flavor', 'is required');
  if (!image) field('image', 'is required');
  if (!/^\d{1,16}$/.test(image.sizeBytes) || image.sizeBytes === '0') field('image.size_bytes', 'must be positive');
  const diskFormat = image.diskFormat === '' ? 'qcow2' : image.diskFormat;
  if (diskFormat !== 'qcow2' && diskFormat !== 'raw') field('image.disk_format', 'must be qcow2 or raw');
  return {
    instanceId: req.instanceId,
    name: req.name,
    projectId: req.projectId,
    flavor: { name: flavor.name, vcpus: flavor.vcpus, ramMiB: flavor.ramMib, diskGiB: flavor.diskGib },
    image: { id: image.id, sha256: image.sha256.toLowerCase(), sizeBytes: Number(image.sizeBytes), diskFormat },
    userData: req.userData,
    metadata: { ...req.metadata },
    networkDataJson: req.networkDataJson,
    ports: req.ports.map((p, i) => portFromProto(p, `ports[${i}]`)),
    publicKeys: req.publicKeys.map((k) => ({ name: k.name, key: k.key })),
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
