// Original file: strato/compute/v1/server.proto


export interface DeleteServerRequest {
  'server'?: (string);
}

export interface DeleteServerRequest__Output {
  'server': (string);
}
