// Original file: strato/host/v1/host.proto

import type { Long } from '@grpc/proto-loader';

export interface PullImageResponse {
  /**
   * Set on the first message only.
   */
  'sha256'?: (string);
  'sizeBytes'?: (number | string | Long);
  'diskFormat'?: (string);
  'data'?: (Buffer | Uint8Array | string);
}

export interface PullImageResponse__Output {
  /**
   * Set on the first message only.
   */
  'sha256': (string);
  'sizeBytes': (string);
  'diskFormat': (string);
  'data': (Buffer);
}
