// Original file: strato/network/v1/network.proto


export interface GetNetworkRequest {
  'network'?: (string);
}

export interface GetNetworkRequest__Output {
  'network': (string);
}
