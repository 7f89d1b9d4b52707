// Original file: strato/host/v1/host.proto


export interface Capacity {
  'vcpus'?: (number);
  'ramMib'?: (number);
  'diskGib'?: (number);
}

export interface Capacity__Output {
  'vcpus': (number);
  'ramMib': (number);
  'diskGib': (number);
}
