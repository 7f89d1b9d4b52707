// Original file: strato/identity/v1/identity.proto


export interface LoginRequest {
  'username'?: (string);
  'password'?: (string);
  /**
   * Project name or id; empty means the user's default project.
   */
  'project'?: (string);
}

export interface LoginRequest__Output {
  'username': (string);
  'password': (string);
  /**
   * Project name or id; empty means the user's default project.
   */
  'project': (string);
}
