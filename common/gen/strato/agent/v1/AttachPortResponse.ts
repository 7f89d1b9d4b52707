// Original file: strato/agent/v1/agent_network.proto


export interface AttachPortResponse {
}

export interface AttachPortResponse__Output {
}
