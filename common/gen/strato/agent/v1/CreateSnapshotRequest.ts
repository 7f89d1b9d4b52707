// Original file: strato/agent/v1/agent_storage.proto


export interface CreateSnapshotRequest {
  'snapshotId'?: (string);
  'volumeId'?: (string);
}

export interface CreateSnapshotRequest__Output {
  'snapshotId': (string);
  'volumeId': (string);
}
