// Original file: strato/identity/v1/identity.proto


export interface UpdateUserRequest {
  /**
   * Name or id.
   */
  'user'?: (string);
  /**
   * Absent: kept.
   */
  'name'?: (string);
  'password'?: (string);
  'enabled'?: (boolean);
  /**
   * Name or id of the new default project.
   */
  'project'?: (string);
  '_name'?: "name";
  '_password'?: "password";
  '_enabled'?: "enabled";
  '_project'?: "project";
}

export interface UpdateUserRequest__Output {
  /**
   * Name or id.
   */
  'user': (string);
  /**
   * Absent: kept.
   */
  'name'?: (string);
  'password'?: (string);
  'enabled'?: (boolean);
  /**
   * Name or id of the new default project.
   */
  'project'?: (string);
  '_name'?: "name";
  '_password'?: "password";
  '_enabled'?: "enabled";
  '_project'?: "project";
}
