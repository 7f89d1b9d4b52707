// Original file: strato/identity/v1/quota.proto


export interface GetQuotaRequest {
  /**
   * Project name or id; empty: the caller's own project.
   */
  'project'?: (string);
}

export interface GetQuotaRequest__Output {
  /**
   * Project name or id; empty: the caller's own project.
   */
  'project': (string);
}
