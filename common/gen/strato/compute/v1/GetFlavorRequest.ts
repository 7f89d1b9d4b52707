// Original file: strato/compute/v1/flavor.proto


export interface GetFlavorRequest {
  'flavor'?: (string);
}

export interface GetFlavorRequest__Output {
  'flavor': (string);
}
