// Original file: strato/network/v1/router.proto


export interface ListFloatingIpsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'allProjects'?: (boolean);
  /**
   * '' = any; else only those associated with this port id.
   */
  'port'?: (string);
}

export interface ListFloatingIpsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'allProjects': (boolean);
  /**
   * '' = any; else only those associated with this port id.
   */
  'port': (string);
}
