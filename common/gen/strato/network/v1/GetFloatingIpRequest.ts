// Original file: strato/network/v1/router.proto


export interface GetFloatingIpRequest {
  /**
   * An id or the address.
   */
  'floatingIp'?: (string);
}

export interface GetFloatingIpRequest__Output {
  /**
   * An id or the address.
   */
  'floatingIp': (string);
}
