// Original file: strato/agent/v1/agent_network.proto


export interface DetachPortResponse {
}

export interface DetachPortResponse__Output {
}
