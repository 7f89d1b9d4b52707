// Original file: strato/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

export interface ExportRootDiskChunk {
  /**
   * First message only: the flattened qcow2's size in bytes.
   */
  'sizeBytes'?: (number | string | Long);
  /**
   * Last message only (which carries no data): the sha256 (hex) of all the data sent.
   */
  'sha256'?: (string);
  /**
   * How long a running guest was paused for the copy (first message; 0 when it was not running).
   */
  'pausedMs'?: (number);
  'data'?: (Buffer | Uint8Array | string);
}

export interface ExportRootDiskChunk__Output {
  /**
   * First message only: the flattened qcow2's size in bytes.
   */
  'sizeBytes': (string);
  /**
   * Last message only (which carries no data): the sha256 (hex) of all the data sent.
   */
  'sha256': (string);
  /**
   * How long a running guest was paused for the copy (first message; 0 when it was not running).
   */
  'pausedMs': (number);
  'data': (Buffer);
}
