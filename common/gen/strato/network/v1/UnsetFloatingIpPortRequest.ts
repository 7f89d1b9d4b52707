// Original file: strato/network/v1/router.proto


export interface UnsetFloatingIpPortRequest {
  'floatingIp'?: (string);
}

export interface UnsetFloatingIpPortRequest__Output {
  'floatingIp': (string);
}
