// Original file: strato/identity/v1/identity.proto


export interface DeleteUserRequest {
  /**
   * Name or id.
   */
  'user'?: (string);
}

export interface DeleteUserRequest__Output {
  /**
   * Name or id.
   */
  'user': (string);
}
