// Original file: strato/agent/v1/agent.proto


export interface DetachVolumeResponse {
}

export interface DetachVolumeResponse__Output {
}
