// Original file: strato/identity/v1/identity.proto


export interface ListUsersRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  /**
   * Name or id; empty: every user.
   */
  'project'?: (string);
}

export interface ListUsersRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  /**
   * Name or id; empty: every user.
   */
  'project': (string);
}
