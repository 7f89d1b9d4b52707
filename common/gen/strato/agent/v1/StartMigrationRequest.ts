// Original file: strato/agent/v1/agent.proto

import type { PrepareIncomingResponse as _strato_agent_v1_PrepareIncomingResponse, PrepareIncomingResponse__Output as _strato_agent_v1_PrepareIncomingResponse__Output } from '../../../strato/agent/v1/PrepareIncomingResponse.ts';

export interface StartMigrationRequest {
  'instanceId'?: (string);
  /**
   * Unique per move (the conductor's migration id, a UUID).
   */
  'migrationId'?: (string);
  'live'?: (boolean);
  /**
   * The destination's PrepareIncoming answer, unchanged.
   */
  'destination'?: (_strato_agent_v1_PrepareIncomingResponse | null);
  /**
   * MiB/s for the memory and disk copy; 0: unlimited.
   */
  'bandwidthMibS'?: (number);
  /**
   * 0: no timeout.
   */
  'timeoutS'?: (number);
}

export interface StartMigrationRequest__Output {
  'instanceId': (string);
  /**
   * Unique per move (the conductor's migration id, a UUID).
   */
  'migrationId': (string);
  'live': (boolean);
  /**
   * The destination's PrepareIncoming answer, unchanged.
   */
  'destination': (_strato_agent_v1_PrepareIncomingResponse__Output | null);
  /**
   * MiB/s for the memory and disk copy; 0: unlimited.
   */
  'bandwidthMibS': (number);
  /**
   * 0: no timeout.
   */
  'timeoutS': (number);
}
