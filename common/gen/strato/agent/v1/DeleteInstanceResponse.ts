// Original file: strato/agent/v1/agent.proto


export interface DeleteInstanceResponse {
}

export interface DeleteInstanceResponse__Output {
}
