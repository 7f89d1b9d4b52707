// Original file: strato/agent/v1/agent.proto


export interface AttachVolumeResponse {
}

export interface AttachVolumeResponse__Output {
}
