// Original file: strato/agent/v1/agent_storage.proto


export interface GetStorageInfoRequest {
}

export interface GetStorageInfoRequest__Output {
}
