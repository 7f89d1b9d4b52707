// Original file: strato/identity/v1/identity.proto


export interface ListRoleAssignmentsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  /**
   * Name or id; empty: any.
   */
  'user'?: (string);
  /**
   * Name or id; empty: any.
   */
  'project'?: (string);
}

export interface ListRoleAssignmentsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  /**
   * Name or id; empty: any.
   */
  'user': (string);
  /**
   * Name or id; empty: any.
   */
  'project': (string);
}
