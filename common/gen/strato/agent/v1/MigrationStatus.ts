// Original file: strato/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

// Original file: strato/agent/v1/agent.proto

export const _strato_agent_v1_MigrationStatus_State = {
  STATE_UNSPECIFIED: 'STATE_UNSPECIFIED',
  RUNNING: 'RUNNING',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const;

export type _strato_agent_v1_MigrationStatus_State =
  | 'STATE_UNSPECIFIED'
  | 0
  | 'RUNNING'
  | 1
  | 'COMPLETED'
  | 2
  | 'FAILED'
  | 3
  | 'CANCELLED'
  | 4

export type _strato_agent_v1_MigrationStatus_State__Output = typeof _strato_agent_v1_MigrationStatus_State[keyof typeof _strato_agent_v1_MigrationStatus_State]

export interface MigrationStatus {
  'migrationId'?: (string);
  'state'?: (_strato_agent_v1_MigrationStatus_State);
  /**
   * FAILED: what the hypervisor said.
   */
  'error'?: (string);
  'memoryTotalBytes'?: (number | string | Long);
  'memoryProcessedBytes'?: (number | string | Long);
  'memoryRemainingBytes'?: (number | string | Long);
  'diskTotalBytes'?: (number | string | Long);
  'diskProcessedBytes'?: (number | string | Long);
  'diskRemainingBytes'?: (number | string | Long);
  /**
   * COMPLETED (live): how long the guest was paused for the switch-over.
   */
  'downtimeMs'?: (number);
  'elapsedMs'?: (number | string | Long);
}

export interface MigrationStatus__Output {
  'migrationId': (string);
  'state': (_strato_agent_v1_MigrationStatus_State__Output);
  /**
   * FAILED: what the hypervisor said.
   */
  'error': (string);
  'memoryTotalBytes': (string);
  'memoryProcessedBytes': (string);
  'memoryRemainingBytes': (string);
  'diskTotalBytes': (string);
  'diskProcessedBytes': (string);
  'diskRemainingBytes': (string);
  /**
   * COMPLETED (live): how long the guest was paused for the switch-over.
   */
  'downtimeMs': (number);
  'elapsedMs': (string);
}
