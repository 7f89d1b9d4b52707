// Original file: strato/volume/v1/volume.proto


export interface UpdateVolumeRequest {
  /**
   * Id or name.
   */
  'volume'?: (string);
  /**
   * Absent: kept.
   */
  'name'?: (string);
  /**
   * Absent: kept; "": cleared.
   */
  'description'?: (string);
  '_name'?: "name";
  '_description'?: "description";
}

export interface UpdateVolumeRequest__Output {
  /**
   * Id or name.
   */
  'volume': (string);
  /**
   * Absent: kept.
   */
  'name'?: (string);
  /**
   * Absent: kept; "": cleared.
   */
  'description'?: (string);
  '_name'?: "name";
  '_description'?: "description";
}
