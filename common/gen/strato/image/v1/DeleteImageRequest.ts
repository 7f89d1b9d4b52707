// Original file: strato/image/v1/image.proto


export interface DeleteImageRequest {
  'image'?: (string);
}

export interface DeleteImageRequest__Output {
  'image': (string);
}
