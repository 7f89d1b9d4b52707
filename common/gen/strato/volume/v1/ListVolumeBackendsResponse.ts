// Original file: strato/volume/v1/volume.proto

import type { VolumeBackend as _strato_volume_v1_VolumeBackend, VolumeBackend__Output as _strato_volume_v1_VolumeBackend__Output } from '../../../strato/volume/v1/VolumeBackend.ts';

export interface ListVolumeBackendsResponse {
  'backends'?: (_strato_volume_v1_VolumeBackend)[];
  'nextPageToken'?: (string);
}

export interface ListVolumeBackendsResponse__Output {
  'backends': (_strato_volume_v1_VolumeBackend__Output)[];
  'nextPageToken': (string);
}
