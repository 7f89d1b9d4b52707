// Original file: strato/identity/v1/identity.proto


export interface LogoutRequest {
}

export interface LogoutRequest__Output {
}
