// Original file: strato/network/v1/network.proto


export interface FixedIp {
  'subnetId'?: (string);
  'ipAddress'?: (string);
}

export interface FixedIp__Output {
  'subnetId': (string);
  'ipAddress': (string);
}
