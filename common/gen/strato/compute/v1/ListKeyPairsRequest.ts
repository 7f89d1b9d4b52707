// Original file: strato/compute/v1/keypair.proto


export interface ListKeyPairsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListKeyPairsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}
