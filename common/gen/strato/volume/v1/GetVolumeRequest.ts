// Original file: strato/volume/v1/volume.proto


export interface GetVolumeRequest {
  /**
   * Id or name.
   */
  'volume'?: (string);
}

export interface GetVolumeRequest__Output {
  /**
   * Id or name.
   */
  'volume': (string);
}
