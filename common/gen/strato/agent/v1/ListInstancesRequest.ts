// Original file: strato/agent/v1/agent.proto


export interface ListInstancesRequest {
}

export interface ListInstancesRequest__Output {
}
