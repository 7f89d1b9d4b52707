// Original file: strato/agent/v1/agent_storage.proto

import type { ImageRef as _strato_agent_v1_ImageRef, ImageRef__Output as _strato_agent_v1_ImageRef__Output } from '../../../strato/agent/v1/ImageRef.ts';
import type { Long } from '@grpc/proto-loader';

export interface CreateVolumeRequest {
  'volumeId'?: (string);
  'sizeBytes'?: (number | string | Long);
  /**
   * An image from the conductor's registry (disk_format raw or qcow2).
   */
  'image'?: (_strato_agent_v1_ImageRef | null);
  /**
   * A snapshot on this host.
   */
  'snapshotId'?: (string);
  /**
   * Another volume on this host (a clone; it should not be written meanwhile).
   */
  'sourceVolumeId'?: (string);
  /**
   * Absent: an empty volume.
   */
  'source'?: "image"|"snapshotId"|"sourceVolumeId";
}

export interface CreateVolumeRequest__Output {
  'volumeId': (string);
  'sizeBytes': (string);
  /**
   * An image from the conductor's registry (disk_format raw or qcow2).
   */
  'image'?: (_strato_agent_v1_ImageRef__Output | null);
  /**
   * A snapshot on this host.
   */
  'snapshotId'?: (string);
  /**
   * Another volume on this host (a clone; it should not be written meanwhile).
   */
  'sourceVolumeId'?: (string);
  /**
   * Absent: an empty volume.
   */
  'source'?: "image"|"snapshotId"|"sourceVolumeId";
}
