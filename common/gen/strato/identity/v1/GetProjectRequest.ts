// Original file: strato/identity/v1/identity.proto


export interface GetProjectRequest {
  /**
   * Name or id.
   */
  'project'?: (string);
}

export interface GetProjectRequest__Output {
  /**
   * Name or id.
   */
  'project': (string);
}
