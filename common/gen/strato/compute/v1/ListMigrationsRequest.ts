// Original file: strato/compute/v1/server_move.proto


export interface ListMigrationsRequest {
  /**
   * '' = every server.
   */
  'server'?: (string);
  /**
   * '' = every host.
   */
  'host'?: (string);
}

export interface ListMigrationsRequest__Output {
  /**
   * '' = every server.
   */
  'server': (string);
  /**
   * '' = every host.
   */
  'host': (string);
}
