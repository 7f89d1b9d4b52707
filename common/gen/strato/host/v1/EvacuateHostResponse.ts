// Original file: strato/host/v1/host.proto

import type { ServerEvacuation as _strato_host_v1_ServerEvacuation, ServerEvacuation__Output as _strato_host_v1_ServerEvacuation__Output } from '../../../strato/host/v1/ServerEvacuation.ts';

export interface EvacuateHostResponse {
  'host'?: (string);
  /**
   * In server id order.
   */
  'servers'?: (_strato_host_v1_ServerEvacuation)[];
}

export interface EvacuateHostResponse__Output {
  'host': (string);
  /**
   * In server id order.
   */
  'servers': (_strato_host_v1_ServerEvacuation__Output)[];
}
