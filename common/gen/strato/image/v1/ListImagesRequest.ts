// Original file: strato/image/v1/image.proto


export interface ListImagesRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'allProjects'?: (boolean);
}

export interface ListImagesRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'allProjects': (boolean);
}
