// Original file: strato/network/v1/network.proto


export interface DeleteSecurityGroupRequest {
  'securityGroup'?: (string);
}

export interface DeleteSecurityGroupRequest__Output {
  'securityGroup': (string);
}
