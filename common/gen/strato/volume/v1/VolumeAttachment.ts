// Original file: strato/volume/v1/volume.proto


/**
 * The one attachment of a volume (a list so that multi-attach can come later).
 */
export interface VolumeAttachment {
  'serverId'?: (string);
  'serverName'?: (string);
  /**
   * The hypervisor's name for the disk: "vda" for a boot volume, else vdc …
   * vdz (vdb is the config drive). The guest's kernel names disks in probe
   * order and may call it otherwise: find it by serial instead, the first 20
   * characters of the volume id (/dev/disk/by-id/virtio-<those characters>,
   * or /sys/block/vd* /serial).
   */
  'device'?: (string);
  /**
   * The server's root disk (boot from volume): it cannot be detached.
   */
  'boot'?: (boolean);
  /**
   * Deleted with the server (Nova's delete_on_termination); else kept,
   * available again, when the server is deleted.
   */
  'deleteOnTermination'?: (boolean);
  /**
   * Empty while attaching.
   */
  'attachedAt'?: (string);
}

/**
 * The one attachment of a volume (a list so that multi-attach can come later).
 */
export interface VolumeAttachment__Output {
  'serverId': (string);
  'serverName': (string);
  /**
   * The hypervisor's name for the disk: "vda" for a boot volume, else vdc …
   * vdz (vdb is the config drive). The guest's kernel names disks in probe
   * order and may call it otherwise: find it by serial instead, the first 20
   * characters of the volume id (/dev/disk/by-id/virtio-<those characters>,
   * or /sys/block/vd* /serial).
   */
  'device': (string);
  /**
   * The server's root disk (boot from volume): it cannot be detached.
   */
  'boot': (boolean);
  /**
   * Deleted with the server (Nova's delete_on_termination); else kept,
   * available again, when the server is deleted.
   */
  'deleteOnTermination': (boolean);
  /**
   * Empty while attaching.
   */
  'attachedAt': (string);
}
