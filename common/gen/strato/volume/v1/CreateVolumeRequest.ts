// Original file: strato/volume/v1/volume.proto


export interface CreateVolumeRequest {
  'name'?: (string);
  'description'?: (string);
  /**
   * 1-65536; 0 = the size of the snapshot or source volume.
   */
  'sizeGib'?: (number);
  /**
   * Image id or name.
   */
  'image'?: (string);
  /**
   * Snapshot id or name.
   */
  'snapshot'?: (string);
  /**
   * Volume id or name: a copy of that volume.
   */
  'sourceVolume'?: (string);
  /**
   * "" (any), "lvm" or "file".
   */
  'backend'?: (string);
  /**
   * Absent: an empty volume (reads as zeros).
   */
  'source'?: "image"|"snapshot"|"sourceVolume";
}

export interface CreateVolumeRequest__Output {
  'name': (string);
  'description': (string);
  /**
   * 1-65536; 0 = the size of the snapshot or source volume.
   */
  'sizeGib': (number);
  /**
   * Image id or name.
   */
  'image'?: (string);
  /**
   * Snapshot id or name.
   */
  'snapshot'?: (string);
  /**
   * Volume id or name: a copy of that volume.
   */
  'sourceVolume'?: (string);
  /**
   * "" (any), "lvm" or "file".
   */
  'backend': (string);
  /**
   * Absent: an empty volume (reads as zeros).
   */
  'source'?: "image"|"snapshot"|"sourceVolume";
}
