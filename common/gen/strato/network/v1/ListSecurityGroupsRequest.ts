// Original file: strato/network/v1/network.proto


export interface ListSecurityGroupsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'allProjects'?: (boolean);
}

export interface ListSecurityGroupsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'allProjects': (boolean);
}
