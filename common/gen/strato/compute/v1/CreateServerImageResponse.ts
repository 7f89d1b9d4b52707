// Original file: strato/compute/v1/server.proto

import type { Server as _strato_compute_v1_Server, Server__Output as _strato_compute_v1_Server__Output } from '../../../strato/compute/v1/Server.ts';

export interface CreateServerImageResponse {
  /**
   * The new image (queued when the call returns).
   */
  'imageId'?: (string);
  'server'?: (_strato_compute_v1_Server | null);
}

export interface CreateServerImageResponse__Output {
  /**
   * The new image (queued when the call returns).
   */
  'imageId': (string);
  'server': (_strato_compute_v1_Server__Output | null);
}
