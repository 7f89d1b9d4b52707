// Original file: strato/image/v1/image.proto


export interface GetImageRequest {
  'image'?: (string);
}

export interface GetImageRequest__Output {
  'image': (string);
}
