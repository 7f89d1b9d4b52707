// Original file: strato/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

export interface ExportRootDiskChunk {
  /**
   * First message only: the flattened qcow2's size in bytes and its sha256 (hex).
   */
  'sizeBytes'?: (number | string | Long);
  'sha256'?: (string);
  /**
   * How long a running guest was paused for the copy (first message; 0 when it was not running).
   */
  'pausedMs'?: (number);
  'data'?: (Buffer | Uint8Array | string);
}

export interface ExportRootDiskChunk__Output {
  /**
   * First message only: the flattened qcow2's size in bytes and its sha256 (hex).
   */
  'sizeBytes': (string);
  'sha256': (string);
  /**
   * How long a running guest was paused for the copy (first message; 0 when it was not running).
   */
  'pausedMs': (number);
  'data': (Buffer);
}
