// Original file: strato/compute/v1/server.proto


/**
 * A volume of a server (Nova's volume attachment).
 */
export interface ServerVolume {
  'volumeId'?: (string);
  /**
   * The hypervisor's name: vda for the boot volume, else vdc … vdz. The guest
   * finds the disk by serial (the first 20 characters of volume_id).
   */
  'device'?: (string);
  /**
   * The server's root disk.
   */
  'boot'?: (boolean);
  /**
   * Deleted with the server; else kept (available again).
   */
  'deleteOnTermination'?: (boolean);
}

/**
 * A volume of a server (Nova's volume attachment).
 */
export interface ServerVolume__Output {
  'volumeId': (string);
  /**
   * The hypervisor's name: vda for the boot volume, else vdc … vdz. The guest
   * finds the disk by serial (the first 20 characters of volume_id).
   */
  'device': (string);
  /**
   * The server's root disk.
   */
  'boot': (boolean);
  /**
   * Deleted with the server; else kept (available again).
   */
  'deleteOnTermination': (boolean);
}
