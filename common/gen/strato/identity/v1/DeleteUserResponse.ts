// Original file: strato/identity/v1/identity.proto


export interface DeleteUserResponse {
}

export interface DeleteUserResponse__Output {
}
