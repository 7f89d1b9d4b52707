// Original file: strato/network/v1/network.proto


export interface DeletePortRequest {
  'port'?: (string);
}

export interface DeletePortRequest__Output {
  'port': (string);
}
