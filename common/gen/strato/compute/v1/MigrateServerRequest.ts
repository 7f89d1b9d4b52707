// Original file: strato/compute/v1/server_move.proto


export interface MigrateServerRequest {
  /**
   * Id or name.
   */
  'server'?: (string);
  'live'?: (boolean);
  /**
   * A host id; '' = the scheduler picks.
   */
  'host'?: (string);
  /**
   * MiB/s for the copy; 0 = unlimited.
   */
  'bandwidthMibS'?: (number);
}

export interface MigrateServerRequest__Output {
  /**
   * Id or name.
   */
  'server': (string);
  'live': (boolean);
  /**
   * A host id; '' = the scheduler picks.
   */
  'host': (string);
  /**
   * MiB/s for the copy; 0 = unlimited.
   */
  'bandwidthMibS': (number);
}
