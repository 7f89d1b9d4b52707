// Original file: strato/compute/v1/keypair.proto


export interface GetKeyPairRequest {
  'keyPair'?: (string);
}

export interface GetKeyPairRequest__Output {
  'keyPair': (string);
}
