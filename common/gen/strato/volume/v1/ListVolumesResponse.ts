// Original file: strato/volume/v1/volume.proto

import type { Volume as _strato_volume_v1_Volume, Volume__Output as _strato_volume_v1_Volume__Output } from '../../../strato/volume/v1/Volume.ts';

export interface ListVolumesResponse {
  'volumes'?: (_strato_volume_v1_Volume)[];
  'nextPageToken'?: (string);
}

export interface ListVolumesResponse__Output {
  'volumes': (_strato_volume_v1_Volume__Output)[];
  'nextPageToken': (string);
}
