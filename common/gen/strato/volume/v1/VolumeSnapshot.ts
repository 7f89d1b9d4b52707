// Original file: strato/volume/v1/volume.proto

import type { Fault as _strato_volume_v1_Fault, Fault__Output as _strato_volume_v1_Fault__Output } from '../../../strato/volume/v1/Fault.ts';

export interface VolumeSnapshot {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  'description'?: (string);
  'volumeId'?: (string);
  /**
   * The volume's size when the snapshot was taken.
   */
  'sizeGib'?: (number);
  /**
   * creating | available | deleting | error
   */
  'status'?: (string);
  'fault'?: (_strato_volume_v1_Fault | null);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface VolumeSnapshot__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  'description': (string);
  'volumeId': (string);
  /**
   * The volume's size when the snapshot was taken.
   */
  'sizeGib': (number);
  /**
   * creating | available | deleting | error
   */
  'status': (string);
  'fault': (_strato_volume_v1_Fault__Output | null);
  'createdAt': (string);
  'updatedAt': (string);
}
