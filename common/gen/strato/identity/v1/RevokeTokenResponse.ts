// Original file: strato/identity/v1/identity.proto


export interface RevokeTokenResponse {
}

export interface RevokeTokenResponse__Output {
}
