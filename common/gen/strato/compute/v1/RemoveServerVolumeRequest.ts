// Original file: strato/compute/v1/server.proto


export interface RemoveServerVolumeRequest {
  /**
   * Server id or name.
   */
  'server'?: (string);
  /**
   * Volume id or name.
   */
  'volume'?: (string);
}

export interface RemoveServerVolumeRequest__Output {
  /**
   * Server id or name.
   */
  'server': (string);
  /**
   * Volume id or name.
   */
  'volume': (string);
}
