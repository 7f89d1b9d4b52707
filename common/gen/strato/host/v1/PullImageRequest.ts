// Original file: strato/host/v1/host.proto


export interface PullImageRequest {
  'imageId'?: (string);
}

export interface PullImageRequest__Output {
  'imageId': (string);
}
