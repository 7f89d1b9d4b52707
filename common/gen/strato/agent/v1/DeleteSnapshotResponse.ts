// Original file: strato/agent/v1/agent_storage.proto


export interface DeleteSnapshotResponse {
}

export interface DeleteSnapshotResponse__Output {
}
