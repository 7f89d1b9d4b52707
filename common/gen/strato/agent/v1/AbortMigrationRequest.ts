// Original file: strato/agent/v1/agent.proto


export interface AbortMigrationRequest {
  'instanceId'?: (string);
  'migrationId'?: (string);
}

export interface AbortMigrationRequest__Output {
  'instanceId': (string);
  'migrationId': (string);
}
