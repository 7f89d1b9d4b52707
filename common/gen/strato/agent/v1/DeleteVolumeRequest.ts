// Original file: strato/agent/v1/agent_storage.proto


export interface DeleteVolumeRequest {
  'volumeId'?: (string);
}

export interface DeleteVolumeRequest__Output {
  'volumeId': (string);
}
