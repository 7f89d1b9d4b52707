// Original file: strato/agent/v1/agent_storage.proto

import type { VolumeExport as _strato_agent_v1_VolumeExport, VolumeExport__Output as _strato_agent_v1_VolumeExport__Output } from '../../../strato/agent/v1/VolumeExport.ts';

export interface ReconcileExportsResponse {
  /**
   * Every strato export the host holds afterwards.
   */
  'exports'?: (_strato_agent_v1_VolumeExport)[];
  /**
   * Requested exports of volumes this host does not have (skipped).
   */
  'missingVolumeIds'?: (string)[];
  /**
   * How many tgt/filter steps the reconcile took (0: the host already matched).
   */
  'steps'?: (number);
}

export interface ReconcileExportsResponse__Output {
  /**
   * Every strato export the host holds afterwards.
   */
  'exports': (_strato_agent_v1_VolumeExport__Output)[];
  /**
   * Requested exports of volumes this host does not have (skipped).
   */
  'missingVolumeIds': (string)[];
  /**
   * How many tgt/filter steps the reconcile took (0: the host already matched).
   */
  'steps': (number);
}
