// strato.volume.v1.Volumes: a thin adapter from gRPC messages to the volume
// service (conductor/volumes/volumes.ts) and the backends view. The CHAP secret
// of an attachment never reaches a message: VolumeView holds none.
import type { Fault } from '../../common/gen/strato/volume/v1/Fault.ts';
import type { Volume } from '../../common/gen/strato/volume/v1/Volume.ts';
import type { VolumeBackend } from '../../common/gen/strato/volume/v1/VolumeBackend.ts';
import type { VolumesHandlers } from '../../common/gen/strato/volume/v1/Volumes.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { HostRecord } from '../hosts/host-record.ts';
import { isAdmin, requireAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal } from '../identity/model.ts';
import type { BackendView } from '../volumes/backends.ts';
import type { SourceRef } from '../volumes/create-request.ts';
import type { Fault as VolumeFault } from '../volumes/model.ts';
import type { VolumeService, VolumeView } from '../volumes/volumes.ts';
import { authenticate } from './auth.ts';

export const faultToProto = (f: VolumeFault | undefined): Fault | null => (f ? { ...f } : null);

export function volumeToProto({ volume: v, attachment: a }: VolumeView, p: Principal): Volume {
  return {
    id: v.id,
    name: v.name,
    projectId: v.projectId,
    userId: v.userId,
    description: v.description,
    sizeGib: v.sizeGib,
    status: v.status,
    fault: faultToProto(v.fault),
    progressPercent: v.progressPercent,
    backend: v.backend,
    // Where a volume lives is the operator's business (as a server's host).
    host: isAdmin(p) ? v.host : '',
    imageId: v.imageId,
    snapshotId: v.snapshotId,
    sourceVolumeId: v.sourceVolumeId,
    attachments: a
      ? [
          {
            serverId: a.serverId,
            serverName: a.serverName,
            device: a.device,
            boot: a.boot,
            deleteOnTermination: a.deleteOnTermination,
            attachedAt: a.attachedAt,
          },
        ]
      : [],
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

export function backendToProto(b: BackendView): VolumeBackend {
  const s = b.host.storage as NonNullable<HostRecord['storage']>;
  const free = Math.max(0, s.totalBytes - b.usage.allocatedBytes);
  return {
    host: b.host.id,
    backend: s.backend,
    state: b.state,
    enabled: b.host.enabled,
    capacityBytes: String(s.totalBytes),
    allocatedBytes: String(b.usage.allocatedBytes),
    freeBytes: String(free),
    volumeCount: b.usage.volumeCount,
    snapshotCount: b.usage.snapshotCount,
    snapshotsSupported: s.snapshotsSupported,
    snapshotsUnsupportedReason: s.snapshotsUnsupportedReason,
    wipePolicy: s.wipePolicy,
    iscsiPortal: s.iscsiPortal,
    reportedAt: b.host.storageReportedAtMs ? new Date(b.host.storageReportedAtMs).toISOString() : '',
  };
}

function sourceOf(req: { source?: string; image?: string; snapshot?: string; sourceVolume?: string }): SourceRef {
  if (req.source === 'image') return { kind: 'image', ref: req.image ?? '' };
  if (req.source === 'snapshot') return { kind: 'snapshot', ref: req.snapshot ?? '' };
  if (req.source === 'sourceVolume') return { kind: 'volume', ref: req.sourceVolume ?? '' };
  return { kind: 'empty' };
}

export function volumesApi(identity: Identity, volumes: VolumeService): Implementation<VolumesHandlers> {
  return {
    async CreateVolume(req, ctx) {
      const p = await authenticate(ctx, identity);
      const v = await volumes.create(
        p,
        {
          name: req.name,
          description: req.description,
          sizeGib: req.sizeGib,
          source: sourceOf(req),
          backend: req.backend,
        },
        ctx.requestId,
      );
      return volumeToProto({ volume: v }, p);
    },
    async GetVolume(req, ctx) {
      const p = await authenticate(ctx, identity);
      return volumeToProto(await volumes.get(p, req.volume), p);
    },
    async ListVolumes(req, ctx) {
      const p = await authenticate(ctx, identity);
      const page = await volumes.list(p, req);
      return { volumes: page.items.map((v) => volumeToProto(v, p)), nextPageToken: page.nextPageToken };
    },
    async UpdateVolume(req, ctx) {
      const p = await authenticate(ctx, identity);
      const change = {
        ...(req._name === 'name' ? { name: req.name } : {}),
        ...(req._description === 'description' ? { description: req.description } : {}),
      };
      return volumeToProto(await volumes.update(p, req.volume, change), p);
    },
    async ExtendVolume(req, ctx) {
      const p = await authenticate(ctx, identity);
      return volumeToProto(await volumes.extend(p, req.volume, req.newSizeGib, ctx.requestId), p);
    },
    async DeleteVolume(req, ctx) {
      const p = await authenticate(ctx, identity);
      return volumeToProto(await volumes.delete(p, req.volume, ctx.requestId), p);
    },
    async ListVolumeBackends(req, ctx) {
      requireAdmin(await authenticate(ctx, identity), 'listing volume backends');
      const page = await volumes.backends(req);
      return { backends: page.items.map(backendToProto), nextPageToken: page.nextPageToken };
    },
  };
}
