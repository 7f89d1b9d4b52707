// Original file: strato/agent/v1/agent.proto


/**
 * Where the destination is ready to receive; opaque to the conductor.
 */
export interface PrepareIncomingResponse {
  /**
   * host:port (or address) of this host's hypervisor for migrations: its
   * underlay address.
   */
  'migrationAddress'?: (string);
  /**
   * The instance's directory on this host (its disk paths follow from it).
   */
  'instanceDir'?: (string);
}

/**
 * Where the destination is ready to receive; opaque to the conductor.
 */
export interface PrepareIncomingResponse__Output {
  /**
   * host:port (or address) of this host's hypervisor for migrations: its
   * underlay address.
   */
  'migrationAddress': (string);
  /**
   * The instance's directory on this host (its disk paths follow from it).
   */
  'instanceDir': (string);
}
