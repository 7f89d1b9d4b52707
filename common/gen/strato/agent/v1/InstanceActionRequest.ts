// Original file: strato/agent/v1/agent.proto


export interface InstanceActionRequest {
  'instanceId'?: (string);
  'action'?: (string);
  'hard'?: (boolean);
  'acpiTimeoutS'?: (number);
}

export interface InstanceActionRequest__Output {
  'instanceId': (string);
  'action': (string);
  'hard': (boolean);
  'acpiTimeoutS': (number);
}
