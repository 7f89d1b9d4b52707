// Original file: strato/agent/v1/agent_storage.proto

import type { VolumeExport as _strato_agent_v1_VolumeExport, VolumeExport__Output as _strato_agent_v1_VolumeExport__Output } from '../../../strato/agent/v1/VolumeExport.ts';
import type { Long } from '@grpc/proto-loader';

export interface Volume {
  'volumeId'?: (string);
  'sizeBytes'?: (number | string | Long);
  /**
   * creating | available
   */
  'state'?: (string);
  /**
   * 0-100 while creating from an image; 100 when available.
   */
  'progressPercent'?: (number);
  /**
   * Set when the volume is exported.
   */
  'export'?: (_strato_agent_v1_VolumeExport | null);
}

export interface Volume__Output {
  'volumeId': (string);
  'sizeBytes': (string);
  /**
   * creating | available
   */
  'state': (string);
  /**
   * 0-100 while creating from an image; 100 when available.
   */
  'progressPercent': (number);
  /**
   * Set when the volume is exported.
   */
  'export': (_strato_agent_v1_VolumeExport__Output | null);
}
