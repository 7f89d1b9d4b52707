// Original file: strato/agent/v1/agent.proto

import type { FlavorSpec as _strato_agent_v1_FlavorSpec, FlavorSpec__Output as _strato_agent_v1_FlavorSpec__Output } from '../../../strato/agent/v1/FlavorSpec.ts';

export interface ResizeInstanceRequest {
  'instanceId'?: (string);
  'flavor'?: (_strato_agent_v1_FlavorSpec | null);
}

export interface ResizeInstanceRequest__Output {
  'instanceId': (string);
  'flavor': (_strato_agent_v1_FlavorSpec__Output | null);
}
