// Original file: strato/compute/v1/keypair.proto


export interface DeleteKeyPairRequest {
  'keyPair'?: (string);
}

export interface DeleteKeyPairRequest__Output {
  'keyPair': (string);
}
