// Original file: strato/identity/v1/identity.proto


export interface RevokeTokenRequest {
  'token'?: (string);
}

export interface RevokeTokenRequest__Output {
  'token': (string);
}
