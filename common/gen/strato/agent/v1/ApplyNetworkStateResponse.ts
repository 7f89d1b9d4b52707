// Original file: strato/agent/v1/agent_network.proto

import type { Long } from '@grpc/proto-loader';

export interface ApplyNetworkStateResponse {
  /**
   * The generation the host now holds: the request's, or a newer one already
   * applied (the request was stale and ignored).
   */
  'appliedGeneration'?: (number | string | Long);
  /**
   * How many steps the apply performed (0 when the host already matched).
   */
  'steps'?: (number);
}

export interface ApplyNetworkStateResponse__Output {
  /**
   * The generation the host now holds: the request's, or a newer one already
   * applied (the request was stale and ignored).
   */
  'appliedGeneration': (string);
  /**
   * How many steps the apply performed (0 when the host already matched).
   */
  'steps': (number);
}
