// Original file: strato/agent/v1/agent_storage.proto


export interface UnexportVolumeRequest {
  'volumeId'?: (string);
}

export interface UnexportVolumeRequest__Output {
  'volumeId': (string);
}
