// Original file: strato/identity/v1/identity.proto


export interface GetUserRequest {
  /**
   * Name or id.
   */
  'user'?: (string);
}

export interface GetUserRequest__Output {
  /**
   * Name or id.
   */
  'user': (string);
}
