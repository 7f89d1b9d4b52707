// Original file: strato/compute/v1/flavor.proto


export interface CreateFlavorRequest {
  'name'?: (string);
  'vcpus'?: (number);
  'ramMib'?: (number);
  'diskGib'?: (number);
}

export interface CreateFlavorRequest__Output {
  'name': (string);
  'vcpus': (number);
  'ramMib': (number);
  'diskGib': (number);
}
