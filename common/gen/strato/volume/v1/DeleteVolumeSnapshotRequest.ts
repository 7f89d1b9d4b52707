// Original file: strato/volume/v1/volume.proto


export interface DeleteVolumeSnapshotRequest {
  /**
   * Id or name.
   */
  'snapshot'?: (string);
}

export interface DeleteVolumeSnapshotRequest__Output {
  /**
   * Id or name.
   */
  'snapshot': (string);
}
