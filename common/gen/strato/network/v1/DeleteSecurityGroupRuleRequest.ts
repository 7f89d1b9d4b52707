// Original file: strato/network/v1/network.proto


export interface DeleteSecurityGroupRuleRequest {
  'ruleId'?: (string);
}

export interface DeleteSecurityGroupRuleRequest__Output {
  'ruleId': (string);
}
