// Original file: strato/network/v1/network.proto


export interface ListSubnetsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  /**
   * '' = every network.
   */
  'network'?: (string);
  'allProjects'?: (boolean);
}

export interface ListSubnetsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  /**
   * '' = every network.
   */
  'network': (string);
  'allProjects': (boolean);
}
