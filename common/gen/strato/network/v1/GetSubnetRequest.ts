// Original file: strato/network/v1/network.proto


export interface GetSubnetRequest {
  'subnet'?: (string);
}

export interface GetSubnetRequest__Output {
  'subnet': (string);
}
