// Original file: strato/identity/v1/identity.proto


export interface DeleteProjectRequest {
  /**
   * Name or id.
   */
  'project'?: (string);
}

export interface DeleteProjectRequest__Output {
  /**
   * Name or id.
   */
  'project': (string);
}
