// strato.volume.v1.VolumeSnapshots' requests.
import { z } from 'zod';
import { bool, description, name, optionalRef, pageSize, pageToken, type RequestSchemas, ref } from './fields.ts';

export const volumeSnapshotsRequests: RequestSchemas = {
  'strato.volume.v1.CreateVolumeSnapshotRequest': z.object({ name, description, volume: ref('volume'), force: bool }),
  'strato.volume.v1.GetVolumeSnapshotRequest': z.object({ snapshot: ref('snapshot') }),
  'strato.volume.v1.ListVolumeSnapshotsRequest': z.object({
    pageSize,
    pageToken,
    allProjects: bool,
    volume: optionalRef('volume'),
  }),
  'strato.volume.v1.DeleteVolumeSnapshotRequest': z.object({ snapshot: ref('snapshot') }),
};
