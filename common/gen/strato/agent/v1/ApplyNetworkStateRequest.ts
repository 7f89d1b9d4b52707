// Original file: strato/agent/v1/agent_network.proto

import type { Long } from '@grpc/proto-loader';

export interface ApplyNetworkStateRequest {
  /**
   * The host the state is for; must be this agent's host.
   */
  'hostId'?: (string);
  'generation'?: (number | string | Long);
  /**
   * JSON of HostNetworkState (agent/network/network-driver.ts).
   */
  'stateJson'?: (string);
}

export interface ApplyNetworkStateRequest__Output {
  /**
   * The host the state is for; must be this agent's host.
   */
  'hostId': (string);
  'generation': (string);
  /**
   * JSON of HostNetworkState (agent/network/network-driver.ts).
   */
  'stateJson': (string);
}
