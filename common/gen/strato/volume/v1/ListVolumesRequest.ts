// Original file: strato/volume/v1/volume.proto


export interface ListVolumesRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'allProjects'?: (boolean);
}

export interface ListVolumesRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'allProjects': (boolean);
}
