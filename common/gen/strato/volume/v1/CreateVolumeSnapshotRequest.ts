// Original file: strato/volume/v1/volume.proto


export interface CreateVolumeSnapshotRequest {
  'name'?: (string);
  'description'?: (string);
  /**
   * Volume id or name.
   */
  'volume'?: (string);
  /**
   * Snapshot an in-use volume (crash-consistent).
   */
  'force'?: (boolean);
}

export interface CreateVolumeSnapshotRequest__Output {
  'name': (string);
  'description': (string);
  /**
   * Volume id or name.
   */
  'volume': (string);
  /**
   * Snapshot an in-use volume (crash-consistent).
   */
  'force': (boolean);
}
