// Original file: strato/network/v1/router.proto


export interface CreateFloatingIpRequest {
  'floatingNetwork'?: (string);
  /**
   * '' = the next free address.
   */
  'floatingIpAddress'?: (string);
  /**
   * '' = unassociated.
   */
  'port'?: (string);
  'fixedIpAddress'?: (string);
}

export interface CreateFloatingIpRequest__Output {
  'floatingNetwork': (string);
  /**
   * '' = the next free address.
   */
  'floatingIpAddress': (string);
  /**
   * '' = unassociated.
   */
  'port': (string);
  'fixedIpAddress': (string);
}
