// Original file: strato/identity/v1/identity.proto


export interface RoleAssignmentRequest {
  /**
   * Name or id.
   */
  'user'?: (string);
  /**
   * Name or id.
   */
  'project'?: (string);
  /**
   * "admin", "member" or "reader".
   */
  'role'?: (string);
}

export interface RoleAssignmentRequest__Output {
  /**
   * Name or id.
   */
  'user': (string);
  /**
   * Name or id.
   */
  'project': (string);
  /**
   * "admin", "member" or "reader".
   */
  'role': (string);
}
