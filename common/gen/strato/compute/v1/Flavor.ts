// Original file: strato/compute/v1/flavor.proto


export interface Flavor {
  'id'?: (string);
  'name'?: (string);
  'vcpus'?: (number);
  'ramMib'?: (number);
  'diskGib'?: (number);
  'createdAt'?: (string);
}

export interface Flavor__Output {
  'id': (string);
  'name': (string);
  'vcpus': (number);
  'ramMib': (number);
  'diskGib': (number);
  'createdAt': (string);
}
