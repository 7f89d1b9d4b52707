// Original file: strato/compute/v1/server.proto

import type { Server as _strato_compute_v1_Server, Server__Output as _strato_compute_v1_Server__Output } from '../../../strato/compute/v1/Server.ts';

export interface ListServersResponse {
  'servers'?: (_strato_compute_v1_Server)[];
  'nextPageToken'?: (string);
}

export interface ListServersResponse__Output {
  'servers': (_strato_compute_v1_Server__Output)[];
  'nextPageToken': (string);
}
