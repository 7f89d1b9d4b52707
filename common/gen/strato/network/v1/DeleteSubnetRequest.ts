// Original file: strato/network/v1/network.proto


export interface DeleteSubnetRequest {
  'subnet'?: (string);
}

export interface DeleteSubnetRequest__Output {
  'subnet': (string);
}
