// Original file: strato/agent/v1/agent_network.proto

import type { PortSpec as _strato_agent_v1_PortSpec, PortSpec__Output as _strato_agent_v1_PortSpec__Output } from '../../../strato/agent/v1/PortSpec.ts';

export interface AttachPortRequest {
  'instanceId'?: (string);
  'port'?: (_strato_agent_v1_PortSpec | null);
}

export interface AttachPortRequest__Output {
  'instanceId': (string);
  'port': (_strato_agent_v1_PortSpec__Output | null);
}
