// Original file: strato/agent/v1/agent_storage.proto


export interface UnexportVolumeResponse {
}

export interface UnexportVolumeResponse__Output {
}
