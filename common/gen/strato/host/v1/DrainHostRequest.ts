// Original file: strato/host/v1/host.proto


export interface DrainHostRequest {
  'host'?: (string);
}

export interface DrainHostRequest__Output {
  'host': (string);
}
