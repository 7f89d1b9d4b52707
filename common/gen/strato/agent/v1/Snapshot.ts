// Original file: strato/agent/v1/agent_storage.proto

import type { Long } from '@grpc/proto-loader';

export interface Snapshot {
  'snapshotId'?: (string);
  'volumeId'?: (string);
  'sizeBytes'?: (number | string | Long);
}

export interface Snapshot__Output {
  'snapshotId': (string);
  'volumeId': (string);
  'sizeBytes': (string);
}
