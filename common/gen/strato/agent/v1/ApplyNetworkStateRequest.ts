// Original file: strato/agent/v1/agent_network.proto

import type { HostNetworkState as _strato_agent_v1_HostNetworkState, HostNetworkState__Output as _strato_agent_v1_HostNetworkState__Output } from '../../../strato/agent/v1/HostNetworkState.ts';
import type { Long } from '@grpc/proto-loader';

export interface ApplyNetworkStateRequest {
  /**
   * The host the state is for; must be this agent's host.
   */
  'hostId'?: (string);
  /**
   * Orders pushes (see ApplyNetworkState); any uint64.
   */
  'generation'?: (number | string | Long);
  /**
   * Everything that should exist on the host. Required (an empty message is
   * the empty state; a missing one is refused, never read as "remove all").
   */
  'state'?: (_strato_agent_v1_HostNetworkState | null);
}

export interface ApplyNetworkStateRequest__Output {
  /**
   * The host the state is for; must be this agent's host.
   */
  'hostId': (string);
  /**
   * Orders pushes (see ApplyNetworkState); any uint64.
   */
  'generation': (string);
  /**
   * Everything that should exist on the host. Required (an empty message is
   * the empty state; a missing one is refused, never read as "remove all").
   */
  'state': (_strato_agent_v1_HostNetworkState__Output | null);
}
