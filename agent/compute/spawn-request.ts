// A spawn request as plain data and the InstanceSpec it becomes on this host: the
// edge of the hypervisor seam, where the request is checked (once) and turned into
// the plain data every backend trusts. Pure: everything is checked before the first
// side effect, so bad input changes nothing on the host.
import { invalidArgument, isStratoError } from '../../common/errors.ts';
import type { GuestPublicKey } from '../config-drive/config-drive-tree.ts';
import type { FlavorSpec, InstanceSpec, PortSpec, RootDiskSpec, VirtType } from '../hypervisor/instance-spec.ts';
import { validateInstanceSpec } from '../hypervisor/instance-spec-validate.ts';
import { validateImageRef } from '../images/image-cache.ts';
import type { ImageRef } from '../images/image-source.ts';
import type { InstancePaths } from './instance-paths.ts';
import { type VolumeAttachment, volumeSpecOf } from './volume-request.ts';

export interface SpawnRequest {
  instanceId: string;
  name: string;
  projectId: string;
  flavor: FlavorSpec;
  /** The image of the root overlay; may be left out when booting from a volume. */
  image?: ImageRef;
  userData: Uint8Array;
  metadata: Record<string, string>;
  networkDataJson: string;
  /** NICs in guest order; each port's tap is wired by the network driver before the domain starts. */
  ports: SpawnPort[];
  /** Boot from volume: the root disk (vda) is this volume instead of an overlay on `image`. */
  bootVolume?: VolumeAttachment;
  /** Volumes attached at spawn besides the root (a rebuild or a move). @default none */
  volumes?: VolumeAttachment[];
  /** SSH public keys for the config drive (checked by configDriveTree); absent: none. */
  publicKeys?: GuestPublicKey[];
  /** No config drive: the guest reads the metadata service instead. @default false */
  noConfigDrive?: boolean;
}

/** A port as the conductor sends it with a spawn or a hot-plug. */
export interface SpawnPort {
  id: string;
  mac: string;
  networkId: string;
  /** `bridgeName(networkId)` or the flat network's operator bridge (recorded, not used by the XML). */
  bridge: string;
  /** `tapName(id)`: created by the network driver, opened (not created) by libvirt. */
  tap: string;
  mtu?: number;
  ips: string[];
}

const MAX_METADATA_ITEMS = 128;
/** virtio-net PCI slots a guest reasonably has; also keeps one request from naming hundreds of taps. */
export const MAX_PORTS = 16;
/** Data volumes at spawn: vdc..vdz. */
export const MAX_VOLUMES = 24;

/** The domain's NIC for a port: the tap exists already, so libvirt only opens it (`ethernet`). */
export function portSpecOf(p: SpawnPort): PortSpec {
  const spec: PortSpec = {
    id: p.id,
    mac: p.mac.toLowerCase(),
    networkId: p.networkId,
    tap: p.tap,
    bridge: p.bridge,
    mode: 'ethernet',
  };
  if (p.mtu !== undefined && p.mtu > 0) spec.mtu = p.mtu;
  return spec;
}

function need(ok: boolean, field: string, message: string): void {
  if (!ok) throw invalidArgument('INVALID_SPAWN_REQUEST', `${field}: ${message}`, { details: { field } });
}

/** What the request carries beyond the spec (image, config drive contents, NIC count). */
function checkBeyondSpec(req: SpawnRequest): void {
  if (req.image === undefined) need(req.bootVolume !== undefined, 'image', 'is required (or boot_volume)');
  else validateImageRef(req.image);
  const entries = Object.entries(req.metadata);
  need(entries.length <= MAX_METADATA_ITEMS, 'metadata', `at most ${MAX_METADATA_ITEMS} items`);
  for (const [k, v] of entries) {
    need(k.length > 0 && k.length <= 255 && v.length <= 255, 'metadata', 'keys 1-255 and values 0-255 characters');
  }
  need(req.ports.length <= MAX_PORTS, 'ports', `at most ${MAX_PORTS} ports`);
  need((req.volumes ?? []).length <= MAX_VOLUMES, 'volumes', `at most ${MAX_VOLUMES} volumes`);
}

export interface SpecContext {
  paths: InstancePaths;
  /** The cached image's path (unused for a boot from volume). */
  basePath: string;
  virtType: VirtType;
  createdAt: string;
}

/**
 * The domain this host will run for `req`, checked once, here, before any side effect:
 * what only the request carries, then the spec with the shared rules every
 * hypervisor backend relies on (name, ids, flavor, NICs, volumes, paths). Throws
 * INVALID_ARGUMENT (INVALID_SPAWN_REQUEST, INVALID_IMAGE_REF, INVALID_VOLUME_SPEC or
 * INVALID_INSTANCE_SPEC).
 */
export function instanceSpecFor(req: SpawnRequest, ctx: SpecContext): InstanceSpec {
  checkBeyondSpec(req);
  const rootDisk: RootDiskSpec =
    req.bootVolume !== undefined
      ? { kind: 'volume', volume: volumeSpecOf(req.bootVolume, 'boot_volume', true) }
      : { path: ctx.paths.disk, backing: { path: ctx.basePath, format: req.image!.diskFormat } };
  const spec: InstanceSpec = {
    id: req.instanceId,
    name: req.name,
    projectId: req.projectId,
    imageId: req.image?.id ?? '',
    createdAt: ctx.createdAt,
    virtType: ctx.virtType,
    flavor: { ...req.flavor },
    rootDisk,
    ...(req.noConfigDrive ? {} : { configDrive: { path: ctx.paths.configDrive } }),
    ports: req.ports.map(portSpecOf),
    volumes: (req.volumes ?? []).map((v, i) => volumeSpecOf(v, `volumes[${i}]`)),
    consoleLogPath: ctx.paths.consoleLog,
  };
  try {
    validateInstanceSpec(spec);
  } catch (err) {
    throw inRequestTerms(err);
  }
  return spec;
}

/** The spec's duplicate-volume fields in the request's terms (what the caller sent). */
function inRequestTerms(err: unknown): unknown {
  const field = isStratoError(err) ? err.details.field : undefined;
  const renamed =
    field === 'volumes[].target' ? 'volumes[].device' : field === 'volumes[].id' ? 'volumes[].volume_id' : undefined;
  if (renamed === undefined || !isStratoError(err)) return err;
  return invalidArgument(err.reason, `${renamed}${err.message.slice(field!.length)}`, { details: { field: renamed } });
}

/** Every volume of the request, the boot volume first. */
export function requestVolumes(req: Pick<SpawnRequest, 'bootVolume' | 'volumes'>): VolumeAttachment[] {
  const volumes = req.volumes ?? [];
  return req.bootVolume === undefined ? [...volumes] : [req.bootVolume, ...volumes];
}
