// Original file: strato/identity/v1/identity.proto


export interface WhoAmIRequest {
}

export interface WhoAmIRequest__Output {
}
