// Original file: strato/network/v1/network.proto


export interface DeleteSecurityGroupResponse {
}

export interface DeleteSecurityGroupResponse__Output {
}
