// Original file: strato/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

export interface ImageRef {
  'id'?: (string);
  'sha256'?: (string);
  'sizeBytes'?: (number | string | Long);
  'diskFormat'?: (string);
}

export interface ImageRef__Output {
  'id': (string);
  'sha256': (string);
  'sizeBytes': (string);
  'diskFormat': (string);
}
