// Original file: strato/network/v1/router.proto


export interface ListRoutersRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'allProjects'?: (boolean);
}

export interface ListRoutersRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'allProjects': (boolean);
}
