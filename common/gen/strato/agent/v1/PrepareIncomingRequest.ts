// Original file: strato/agent/v1/agent.proto

import type { SpawnInstanceRequest as _strato_agent_v1_SpawnInstanceRequest, SpawnInstanceRequest__Output as _strato_agent_v1_SpawnInstanceRequest__Output } from '../../../strato/agent/v1/SpawnInstanceRequest.ts';

export interface PrepareIncomingRequest {
  'migrationId'?: (string);
  /**
   * The instance as it will run here (for a resize: the flavor it runs with
   * now; ResizeInstance changes it after the move).
   */
  'spec'?: (_strato_agent_v1_SpawnInstanceRequest | null);
}

export interface PrepareIncomingRequest__Output {
  'migrationId': (string);
  /**
   * The instance as it will run here (for a resize: the flavor it runs with
   * now; ResizeInstance changes it after the move).
   */
  'spec': (_strato_agent_v1_SpawnInstanceRequest__Output | null);
}
