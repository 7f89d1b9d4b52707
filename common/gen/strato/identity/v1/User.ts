// Original file: strato/identity/v1/identity.proto


export interface User {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  /**
   * "admin" or "member".
   */
  'role'?: (string);
  'createdAt'?: (string);
}

export interface User__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  /**
   * "admin" or "member".
   */
  'role': (string);
  'createdAt': (string);
}
