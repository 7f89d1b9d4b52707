// Original file: strato/network/v1/network.proto


export interface ListNetworksRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'allProjects'?: (boolean);
}

export interface ListNetworksRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'allProjects': (boolean);
}
