// Original file: strato/compute/v1/server.proto


export interface AddServerVolumeRequest {
  /**
   * Server id or name.
   */
  'server'?: (string);
  /**
   * Volume id or name.
   */
  'volume'?: (string);
  /**
   * '' = the first free of vdc … vdz; "/dev/vdX" is read as "vdX".
   */
  'device'?: (string);
}

export interface AddServerVolumeRequest__Output {
  /**
   * Server id or name.
   */
  'server': (string);
  /**
   * Volume id or name.
   */
  'volume': (string);
  /**
   * '' = the first free of vdc … vdz; "/dev/vdX" is read as "vdX".
   */
  'device': (string);
}
