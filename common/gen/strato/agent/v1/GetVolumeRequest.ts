// Original file: strato/agent/v1/agent_storage.proto


export interface GetVolumeRequest {
  'volumeId'?: (string);
}

export interface GetVolumeRequest__Output {
  'volumeId': (string);
}
