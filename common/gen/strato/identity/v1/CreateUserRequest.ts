// Original file: strato/identity/v1/identity.proto


export interface CreateUserRequest {
  'name'?: (string);
  'password'?: (string);
  /**
   * Project name or id: the default project.
   */
  'project'?: (string);
  'role'?: (string);
}

export interface CreateUserRequest__Output {
  'name': (string);
  'password': (string);
  /**
   * Project name or id: the default project.
   */
  'project': (string);
  'role': (string);
}
