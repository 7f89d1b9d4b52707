// Original file: strato/identity/v1/identity.proto


export interface UpdateProjectRequest {
  /**
   * Name or id.
   */
  'project'?: (string);
  /**
   * Absent: kept.
   */
  'name'?: (string);
  /**
   * Absent: kept; "": cleared.
   */
  'description'?: (string);
  '_name'?: "name";
  '_description'?: "description";
}

export interface UpdateProjectRequest__Output {
  /**
   * Name or id.
   */
  'project': (string);
  /**
   * Absent: kept.
   */
  'name'?: (string);
  /**
   * Absent: kept; "": cleared.
   */
  'description'?: (string);
  '_name'?: "name";
  '_description'?: "description";
}
