// Original file: strato/agent/v1/agent_storage.proto


export interface DeleteVolumeResponse {
}

export interface DeleteVolumeResponse__Output {
}
