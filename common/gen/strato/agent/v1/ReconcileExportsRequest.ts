// Original file: strato/agent/v1/agent_storage.proto

import type { ExportVolumeRequest as _strato_agent_v1_ExportVolumeRequest, ExportVolumeRequest__Output as _strato_agent_v1_ExportVolumeRequest__Output } from '../../../strato/agent/v1/ExportVolumeRequest.ts';

export interface ReconcileExportsRequest {
  'exports'?: (_strato_agent_v1_ExportVolumeRequest)[];
}

export interface ReconcileExportsRequest__Output {
  'exports': (_strato_agent_v1_ExportVolumeRequest__Output)[];
}
