// A CreateVolume request checked and resolved before anything is written: the
// fields (name, description, size, backend), then the source as the caller sees
// it (an active image; an available snapshot or volume of the caller's project,
// whose host the new volume must share), giving the size the volume will have.
// Errors as CreateVolume's comment in volume.proto lists them.
import { failedPrecondition, invalidArgument } from '../../common/errors.ts';
import type { Principal } from '../identity/model.ts';
import type { Entry } from '../store/store.ts';
import { type Backend, type CreateSource, GiB, type SnapshotRecord, type VolumeRecord } from './model.ts';
import type { NamedTable } from './named-table.ts';
import { snapshotRefusal, volumeRefusal } from './state-machine.ts';
import { checkAtLeast, validateBackend, validateDescription, validateSizeGib, validateVolumeName } from './validate.ts';

/** An image as volumes need it (conductor/images, adapted in main.ts). */
export interface VolumeImage {
  id: string;
  name: string;
  status: string;
  diskFormat: string;
  sha256: string;
  sizeBytes: number;
  virtualSizeBytes: number;
}

export interface VolumeImages {
  /** By id or name as `principal` sees images. Errors: NOT_FOUND/IMAGE_NOT_FOUND. */
  image(ref: string, principal: Principal): Promise<VolumeImage>;
}

export type SourceRef =
  | { kind: 'empty' }
  | { kind: 'image'; ref: string }
  | { kind: 'snapshot'; ref: string }
  | { kind: 'volume'; ref: string };

export interface CreateVolumeInput {
  name: string;
  description: string;
  /** 0 = the snapshot's or source volume's size. */
  sizeGib: number;
  source: SourceRef;
  /** '' = any. */
  backend: string;
}

/** What a create writes, resolved. */
export interface ResolvedCreate {
  name: string;
  description: string;
  sizeGib: number;
  /** undefined: any. */
  backend?: Backend;
  source: CreateSource;
  /** A snapshot or volume source: its entry (held by the create) and host (where the new volume goes). */
  snapshot?: Entry<SnapshotRecord>;
  sourceVolume?: Entry<VolumeRecord>;
  sameHost?: string;
  imageId: string;
}

export interface CreateResolvers {
  images: VolumeImages;
  volumes: NamedTable<VolumeRecord>;
  snapshots: NamedTable<SnapshotRecord>;
  /** The server a volume is attached (or attaching) to, for VOLUME_IN_USE. */
  serverOf(volumeId: string): Promise<string | undefined>;
}

function backendConflict(asked: Backend | undefined, theirs: Backend, what: string): void {
  if (asked === undefined || asked === theirs) return;
  throw invalidArgument('BACKEND_CONFLICT', `backend ${asked} differs from the ${what}'s (${theirs})`, {
    details: { field: 'backend' },
  });
}

export async function resolveCreate(
  p: Principal,
  input: CreateVolumeInput,
  r: CreateResolvers,
  sizeField = 'size_gib',
): Promise<ResolvedCreate> {
  const name = validateVolumeName(input.name);
  const description = validateDescription(input.description);
  const backend = validateBackend(input.backend);
  const copy = input.source.kind === 'snapshot' || input.source.kind === 'volume';
  const asked = validateSizeGib(sizeField, input.sizeGib, copy);
  const base = { name, description, backend, imageId: '' };
  switch (input.source.kind) {
    case 'empty':
      return { ...base, sizeGib: asked, source: { kind: 'empty' } };
    case 'image': {
      const img = await r.images.image(input.source.ref, p);
      if (img.status !== 'active') {
        throw failedPrecondition('IMAGE_NOT_ACTIVE', `image ${img.name} is ${img.status}, not active`, {
          details: { image: img.id, status: img.status },
        });
      }
      checkAtLeast(sizeField, asked, Math.max(1, Math.ceil(img.virtualSizeBytes / GiB)), `image ${img.name}`);
      const image = { id: img.id, sha256: img.sha256, sizeBytes: img.sizeBytes, diskFormat: img.diskFormat };
      return { ...base, sizeGib: asked, source: { kind: 'image', image }, imageId: img.id };
    }
    case 'snapshot': {
      const e = await r.snapshots.resolve(p, input.source.ref, 'snapshot');
      const s = e.value;
      const refusal = snapshotRefusal(s, 'source');
      if (refusal) throw refusal;
      backendConflict(backend, s.backend, 'snapshot');
      const sizeGib = asked === 0 ? s.sizeGib : asked;
      checkAtLeast(sizeField, sizeGib, s.sizeGib, `snapshot ${s.name || s.id}`);
      return { ...base, sizeGib, source: { kind: 'snapshot', snapshotId: s.id }, snapshot: e, sameHost: s.host };
    }
    case 'volume': {
      const e = await r.volumes.resolve(p, input.source.ref, 'source_volume');
      const v = e.value;
      const refusal = volumeRefusal({ ...v, serverId: await r.serverOf(v.id) }, 'copy');
      if (refusal) throw refusal;
      backendConflict(backend, v.backend, 'source volume');
      const sizeGib = asked === 0 ? v.sizeGib : asked;
      checkAtLeast(sizeField, sizeGib, v.sizeGib, `volume ${v.name || v.id}`);
      return { ...base, sizeGib, source: { kind: 'volume', volumeId: v.id }, sourceVolume: e, sameHost: v.host };
    }
  }
}
