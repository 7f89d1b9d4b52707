// Original file: strato/host/v1/host.proto


export interface MetadataPublicKey {
  'name'?: (string);
  'key'?: (string);
}

export interface MetadataPublicKey__Output {
  'name': (string);
  'key': (string);
}
