// Original file: strato/agent/v1/agent_storage.proto

import type { Volume as _strato_agent_v1_Volume, Volume__Output as _strato_agent_v1_Volume__Output } from '../../../strato/agent/v1/Volume.ts';
import type { Snapshot as _strato_agent_v1_Snapshot, Snapshot__Output as _strato_agent_v1_Snapshot__Output } from '../../../strato/agent/v1/Snapshot.ts';

export interface ListVolumesResponse {
  'volumes'?: (_strato_agent_v1_Volume)[];
  'snapshots'?: (_strato_agent_v1_Snapshot)[];
}

export interface ListVolumesResponse__Output {
  'volumes': (_strato_agent_v1_Volume__Output)[];
  'snapshots': (_strato_agent_v1_Snapshot__Output)[];
}
