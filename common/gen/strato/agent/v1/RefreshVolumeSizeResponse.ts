// Original file: strato/agent/v1/agent.proto


export interface RefreshVolumeSizeResponse {
}

export interface RefreshVolumeSizeResponse__Output {
}
