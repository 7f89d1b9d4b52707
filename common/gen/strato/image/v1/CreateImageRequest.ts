// Original file: strato/image/v1/image.proto


export interface CreateImageRequest {
  'name'?: (string);
  'diskFormat'?: (string);
  'public'?: (boolean);
}

export interface CreateImageRequest__Output {
  'name': (string);
  'diskFormat': (string);
  'public': (boolean);
}
