// Original file: strato/volume/v1/volume.proto


export interface GetVolumeSnapshotRequest {
  /**
   * Id or name.
   */
  'snapshot'?: (string);
}

export interface GetVolumeSnapshotRequest__Output {
  /**
   * Id or name.
   */
  'snapshot': (string);
}
