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
  /**
   * This host's image cache directory: the root overlay's base is there, named by
   * its sha256 (empty for a boot from volume is allowed: no base to rewrite).
   */
  'imageDir'?: (string);
  /**
   * The iSCSI initiator name this host's QEMU presents for the instance's
   * volumes (the request's volume specs name it; '' without volumes). The
   * source writes it into the migrated domain's volume disks: the storage
   * host admits this host under this name. Volumes are shared storage,
   * reached from both hosts during the move: they are never copied.
   */
  'initiatorName'?: (string);
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
  /**
   * This host's image cache directory: the root overlay's base is there, named by
   * its sha256 (empty for a boot from volume is allowed: no base to rewrite).
   */
  'imageDir': (string);
  /**
   * The iSCSI initiator name this host's QEMU presents for the instance's
   * volumes (the request's volume specs name it; '' without volumes). The
   * source writes it into the migrated domain's volume disks: the storage
   * host admits this host under this name. Volumes are shared storage,
   * reached from both hosts during the move: they are never copied.
   */
  'initiatorName': (string);
}
