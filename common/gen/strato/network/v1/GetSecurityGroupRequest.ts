// Original file: strato/network/v1/network.proto


export interface GetSecurityGroupRequest {
  'securityGroup'?: (string);
}

export interface GetSecurityGroupRequest__Output {
  'securityGroup': (string);
}
