// Original file: strato/volume/v1/volume.proto

import type { VolumeSnapshot as _strato_volume_v1_VolumeSnapshot, VolumeSnapshot__Output as _strato_volume_v1_VolumeSnapshot__Output } from '../../../strato/volume/v1/VolumeSnapshot.ts';

export interface ListVolumeSnapshotsResponse {
  'snapshots'?: (_strato_volume_v1_VolumeSnapshot)[];
  'nextPageToken'?: (string);
}

export interface ListVolumeSnapshotsResponse__Output {
  'snapshots': (_strato_volume_v1_VolumeSnapshot__Output)[];
  'nextPageToken': (string);
}
