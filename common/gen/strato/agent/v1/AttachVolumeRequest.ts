// Original file: strato/agent/v1/agent.proto

import type { VolumeSpec as _strato_agent_v1_VolumeSpec, VolumeSpec__Output as _strato_agent_v1_VolumeSpec__Output } from '../../../strato/agent/v1/VolumeSpec.ts';

export interface AttachVolumeRequest {
  'instanceId'?: (string);
  'volume'?: (_strato_agent_v1_VolumeSpec | null);
}

export interface AttachVolumeRequest__Output {
  'instanceId': (string);
  'volume': (_strato_agent_v1_VolumeSpec__Output | null);
}
