// Original file: strato/identity/v1/identity.proto


export interface User {
  'id'?: (string);
  'name'?: (string);
  /**
   * The default project (where a login without a project goes).
   */
  'projectId'?: (string);
  /**
   * The user's role in project_id ("admin", "member" or "reader"; '' for
   * none); in WhoAmI and LoginResponse the effective role in the token's
   * project.
   */
  'role'?: (string);
  'createdAt'?: (string);
  'enabled'?: (boolean);
  /**
   * '' until the first update.
   */
  'updatedAt'?: (string);
}

export interface User__Output {
  'id': (string);
  'name': (string);
  /**
   * The default project (where a login without a project goes).
   */
  'projectId': (string);
  /**
   * The user's role in project_id ("admin", "member" or "reader"; '' for
   * none); in WhoAmI and LoginResponse the effective role in the token's
   * project.
   */
  'role': (string);
  'createdAt': (string);
  'enabled': (boolean);
  /**
   * '' until the first update.
   */
  'updatedAt': (string);
}
