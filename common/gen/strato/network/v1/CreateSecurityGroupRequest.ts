// Original file: strato/network/v1/network.proto


export interface CreateSecurityGroupRequest {
  'name'?: (string);
  'description'?: (string);
}

export interface CreateSecurityGroupRequest__Output {
  'name': (string);
  'description': (string);
}
