// Original file: strato/volume/v1/volume.proto


export interface ListVolumeBackendsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListVolumeBackendsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}
