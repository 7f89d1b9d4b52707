// Original file: strato/network/v1/network.proto


export interface GetPortRequest {
  'port'?: (string);
}

export interface GetPortRequest__Output {
  'port': (string);
}
