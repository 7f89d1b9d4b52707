// Original file: strato/host/v1/host.proto


export interface DrainedServer {
  'serverId'?: (string);
  'name'?: (string);
  /**
   * The migration moving it ('' when it cannot move).
   */
  'migrationId'?: (string);
  /**
   * cold | live ('' when it cannot move).
   */
  'kind'?: (string);
  /**
   * Why it cannot move ('' when it moves).
   */
  'error'?: (string);
}

export interface DrainedServer__Output {
  'serverId': (string);
  'name': (string);
  /**
   * The migration moving it ('' when it cannot move).
   */
  'migrationId': (string);
  /**
   * cold | live ('' when it cannot move).
   */
  'kind': (string);
  /**
   * Why it cannot move ('' when it moves).
   */
  'error': (string);
}
