// Original file: strato/volume/v1/volume.proto


export interface ListVolumeSnapshotsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'allProjects'?: (boolean);
  /**
   * Volume id or name; '' = every volume.
   */
  'volume'?: (string);
}

export interface ListVolumeSnapshotsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'allProjects': (boolean);
  /**
   * Volume id or name; '' = every volume.
   */
  'volume': (string);
}
