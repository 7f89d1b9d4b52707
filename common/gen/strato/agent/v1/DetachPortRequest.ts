// Original file: strato/agent/v1/agent_network.proto


export interface DetachPortRequest {
  'instanceId'?: (string);
  'portId'?: (string);
}

export interface DetachPortRequest__Output {
  'instanceId': (string);
  'portId': (string);
}
