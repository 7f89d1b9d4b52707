// Original file: strato/volume/v1/volume.proto


export interface ExtendVolumeRequest {
  /**
   * Id or name.
   */
  'volume'?: (string);
  'newSizeGib'?: (number);
}

export interface ExtendVolumeRequest__Output {
  /**
   * Id or name.
   */
  'volume': (string);
  'newSizeGib': (number);
}
