// Original file: strato/network/v1/router.proto


export interface DeleteFloatingIpRequest {
  'floatingIp'?: (string);
}

export interface DeleteFloatingIpRequest__Output {
  'floatingIp': (string);
}
