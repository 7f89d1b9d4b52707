// strato.volume.v1.VolumeSnapshots: a thin adapter from gRPC messages to the
// snapshot service (conductor/volumes/snapshots.ts).
import type { VolumeSnapshot } from '../../common/gen/strato/volume/v1/VolumeSnapshot.ts';
import type { VolumeSnapshotsHandlers } from '../../common/gen/strato/volume/v1/VolumeSnapshots.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import type { SnapshotRecord } from '../volumes/model.ts';
import type { SnapshotService } from '../volumes/snapshots.ts';
import { authenticate } from './auth.ts';
import { faultToProto } from './volumes-api.ts';

export function snapshotToProto(s: SnapshotRecord): VolumeSnapshot {
  return {
    id: s.id,
    name: s.name,
    projectId: s.projectId,
    description: s.description,
    volumeId: s.volumeId,
    sizeGib: s.sizeGib,
    status: s.status,
    fault: faultToProto(s.fault),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function volumeSnapshotsApi(
  identity: Identity,
  snapshots: SnapshotService,
): Implementation<VolumeSnapshotsHandlers> {
  return {
    async CreateVolumeSnapshot(req, ctx) {
      const p = await authenticate(ctx, identity);
      const input = { name: req.name, description: req.description, volume: req.volume, force: req.force };
      return snapshotToProto(await snapshots.create(p, input, ctx.requestId));
    },
    async GetVolumeSnapshot(req, ctx) {
      return snapshotToProto(await snapshots.get(await authenticate(ctx, identity), req.snapshot));
    },
    async ListVolumeSnapshots(req, ctx) {
      const page = await snapshots.list(await authenticate(ctx, identity), req);
      return { snapshots: page.items.map(snapshotToProto), nextPageToken: page.nextPageToken };
    },
    async DeleteVolumeSnapshot(req, ctx) {
      const p = await authenticate(ctx, identity);
      return snapshotToProto(await snapshots.delete(p, req.snapshot, ctx.requestId));
    },
  };
}
