// Original file: strato/agent/v1/agent.proto


export interface GetMigrationRequest {
  'instanceId'?: (string);
  'migrationId'?: (string);
}

export interface GetMigrationRequest__Output {
  'instanceId': (string);
  'migrationId': (string);
}
