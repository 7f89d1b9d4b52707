// Original file: strato/compute/v1/server.proto


export interface GetServerRequest {
  'server'?: (string);
}

export interface GetServerRequest__Output {
  'server': (string);
}
