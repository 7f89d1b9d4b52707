// Original file: strato/agent/v1/agent_storage.proto


export interface DeleteSnapshotRequest {
  'snapshotId'?: (string);
}

export interface DeleteSnapshotRequest__Output {
  'snapshotId': (string);
}
