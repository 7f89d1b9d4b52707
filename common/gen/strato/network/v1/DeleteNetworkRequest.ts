// Original file: strato/network/v1/network.proto


export interface DeleteNetworkRequest {
  'network'?: (string);
}

export interface DeleteNetworkRequest__Output {
  'network': (string);
}
