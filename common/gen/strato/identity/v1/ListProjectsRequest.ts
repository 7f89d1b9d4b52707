// Original file: strato/identity/v1/identity.proto


export interface ListProjectsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListProjectsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}
