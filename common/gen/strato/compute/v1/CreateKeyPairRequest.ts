// Original file: strato/compute/v1/keypair.proto


export interface CreateKeyPairRequest {
  'name'?: (string);
}

export interface CreateKeyPairRequest__Output {
  'name': (string);
}
