// Original file: strato/compute/v1/flavor.proto


export interface DeleteFlavorRequest {
  'flavor'?: (string);
}

export interface DeleteFlavorRequest__Output {
  'flavor': (string);
}
