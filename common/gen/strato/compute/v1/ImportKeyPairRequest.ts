// Original file: strato/compute/v1/keypair.proto


export interface ImportKeyPairRequest {
  'name'?: (string);
  'publicKey'?: (string);
}

export interface ImportKeyPairRequest__Output {
  'name': (string);
  'publicKey': (string);
}
