// Original file: strato/identity/v1/identity.proto


export interface RoleAssignment {
  'userId'?: (string);
  'userName'?: (string);
  'projectId'?: (string);
  'projectName'?: (string);
  'role'?: (string);
}

export interface RoleAssignment__Output {
  'userId': (string);
  'userName': (string);
  'projectId': (string);
  'projectName': (string);
  'role': (string);
}
