// Original file: strato/compute/v1/server_move.proto


export interface GetMigrationRequest {
  'migration'?: (string);
}

export interface GetMigrationRequest__Output {
  'migration': (string);
}
