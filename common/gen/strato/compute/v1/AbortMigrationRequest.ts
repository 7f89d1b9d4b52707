// Original file: strato/compute/v1/server_move.proto


export interface AbortMigrationRequest {
  'migration'?: (string);
}

export interface AbortMigrationRequest__Output {
  'migration': (string);
}
