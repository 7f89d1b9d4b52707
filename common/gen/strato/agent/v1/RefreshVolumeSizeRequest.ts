// Original file: strato/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

export interface RefreshVolumeSizeRequest {
  'instanceId'?: (string);
  'volumeId'?: (string);
  'sizeBytes'?: (number | string | Long);
}

export interface RefreshVolumeSizeRequest__Output {
  'instanceId': (string);
  'volumeId': (string);
  'sizeBytes': (string);
}
