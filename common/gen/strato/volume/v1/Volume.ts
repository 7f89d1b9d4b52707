// Original file: strato/volume/v1/volume.proto

import type { Fault as _strato_volume_v1_Fault, Fault__Output as _strato_volume_v1_Fault__Output } from '../../../strato/volume/v1/Fault.ts';
import type { VolumeAttachment as _strato_volume_v1_VolumeAttachment, VolumeAttachment__Output as _strato_volume_v1_VolumeAttachment__Output } from '../../../strato/volume/v1/VolumeAttachment.ts';

export interface Volume {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  /**
   * The user who created it.
   */
  'userId'?: (string);
  'description'?: (string);
  'sizeGib'?: (number);
  /**
   * creating | downloading | available | attaching | in-use | detaching |
   * extending | deleting | error
   */
  'status'?: (string);
  /**
   * The last failure (always set in error); see the file comment.
   */
  'fault'?: (_strato_volume_v1_Fault | null);
  /**
   * 0-100 while downloading (the image copy's progress); 100 otherwise.
   */
  'progressPercent'?: (number);
  /**
   * "lvm" | "file".
   */
  'backend'?: (string);
  /**
   * The storage host holding it. Set for admins only.
   */
  'host'?: (string);
  /**
   * What it was made from: at most one is set.
   */
  'imageId'?: (string);
  'snapshotId'?: (string);
  'sourceVolumeId'?: (string);
  /**
   * At most one (see VolumeAttachment); empty unless attaching, in-use or
   * detaching (or extending while attached).
   */
  'attachments'?: (_strato_volume_v1_VolumeAttachment)[];
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Volume__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  /**
   * The user who created it.
   */
  'userId': (string);
  'description': (string);
  'sizeGib': (number);
  /**
   * creating | downloading | available | attaching | in-use | detaching |
   * extending | deleting | error
   */
  'status': (string);
  /**
   * The last failure (always set in error); see the file comment.
   */
  'fault': (_strato_volume_v1_Fault__Output | null);
  /**
   * 0-100 while downloading (the image copy's progress); 100 otherwise.
   */
  'progressPercent': (number);
  /**
   * "lvm" | "file".
   */
  'backend': (string);
  /**
   * The storage host holding it. Set for admins only.
   */
  'host': (string);
  /**
   * What it was made from: at most one is set.
   */
  'imageId': (string);
  'snapshotId': (string);
  'sourceVolumeId': (string);
  /**
   * At most one (see VolumeAttachment); empty unless attaching, in-use or
   * detaching (or extending while attached).
   */
  'attachments': (_strato_volume_v1_VolumeAttachment__Output)[];
  'createdAt': (string);
  'updatedAt': (string);
}
