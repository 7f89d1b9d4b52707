// Original file: strato/network/v1/router.proto


export interface SetFloatingIpPortRequest {
  'floatingIp'?: (string);
  'port'?: (string);
  /**
   * '' = the port's first fixed address.
   */
  'fixedIpAddress'?: (string);
}

export interface SetFloatingIpPortRequest__Output {
  'floatingIp': (string);
  'port': (string);
  /**
   * '' = the port's first fixed address.
   */
  'fixedIpAddress': (string);
}
