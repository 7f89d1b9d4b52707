// Original file: strato/agent/v1/agent.proto


export interface FlavorSpec {
  'name'?: (string);
  'vcpus'?: (number);
  'ramMib'?: (number);
  'diskGib'?: (number);
}

export interface FlavorSpec__Output {
  'name': (string);
  'vcpus': (number);
  'ramMib': (number);
  'diskGib': (number);
}
