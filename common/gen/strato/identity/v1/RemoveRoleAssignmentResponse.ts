// Original file: strato/identity/v1/identity.proto


export interface RemoveRoleAssignmentResponse {
}

export interface RemoveRoleAssignmentResponse__Output {
}
