// Original file: strato/agent/v1/agent_storage.proto

import type { Long } from '@grpc/proto-loader';

export interface ExtendVolumeRequest {
  'volumeId'?: (string);
  'sizeBytes'?: (number | string | Long);
}

export interface ExtendVolumeRequest__Output {
  'volumeId': (string);
  'sizeBytes': (string);
}
