// Original file: strato/host/v1/host.proto

import type { DrainedServer as _strato_host_v1_DrainedServer, DrainedServer__Output as _strato_host_v1_DrainedServer__Output } from '../../../strato/host/v1/DrainedServer.ts';

export interface DrainHostResponse {
  /**
   * Every server that was on the host, in id order.
   */
  'servers'?: (_strato_host_v1_DrainedServer)[];
}

export interface DrainHostResponse__Output {
  /**
   * Every server that was on the host, in id order.
   */
  'servers': (_strato_host_v1_DrainedServer__Output)[];
}
