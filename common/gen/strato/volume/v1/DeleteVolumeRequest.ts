// Original file: strato/volume/v1/volume.proto


export interface DeleteVolumeRequest {
  /**
   * Id or name.
   */
  'volume'?: (string);
}

export interface DeleteVolumeRequest__Output {
  /**
   * Id or name.
   */
  'volume': (string);
}
