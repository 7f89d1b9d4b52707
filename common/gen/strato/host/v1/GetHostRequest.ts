// Original file: strato/host/v1/host.proto


export interface GetHostRequest {
  'host'?: (string);
}

export interface GetHostRequest__Output {
  'host': (string);
}
