// Original file: strato/agent/v1/agent_storage.proto


export interface ListVolumesRequest {
}

export interface ListVolumesRequest__Output {
}
