// Original file: strato/agent/v1/agent.proto

import type { InstanceStatus as _strato_agent_v1_InstanceStatus, InstanceStatus__Output as _strato_agent_v1_InstanceStatus__Output } from '../../../strato/agent/v1/InstanceStatus.ts';

export interface ListInstancesResponse {
  'instances'?: (_strato_agent_v1_InstanceStatus)[];
}

export interface ListInstancesResponse__Output {
  'instances': (_strato_agent_v1_InstanceStatus__Output)[];
}
