// Original file: strato/network/v1/network.proto


export interface DeleteSecurityGroupRuleResponse {
}

export interface DeleteSecurityGroupRuleResponse__Output {
}
