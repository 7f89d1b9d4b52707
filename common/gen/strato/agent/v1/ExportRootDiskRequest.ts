// Original file: strato/agent/v1/agent.proto


export interface ExportRootDiskRequest {
  'instanceId'?: (string);
}

export interface ExportRootDiskRequest__Output {
  'instanceId': (string);
}
