// Original file: strato/agent/v1/agent_storage.proto


/**
 * An export as the storage host holds it (never the CHAP secret).
 */
export interface VolumeExport {
  'volumeId'?: (string);
  'targetIqn'?: (string);
  'lun'?: (number);
  /**
   * `address:port` (IPv6 in brackets).
   */
  'portal'?: (string);
  'chapUser'?: (string);
  'initiatorName'?: (string);
  'initiatorAddress'?: (string);
  /**
   * Initiators logged in now.
   */
  'sessions'?: (number);
}

/**
 * An export as the storage host holds it (never the CHAP secret).
 */
export interface VolumeExport__Output {
  'volumeId': (string);
  'targetIqn': (string);
  'lun': (number);
  /**
   * `address:port` (IPv6 in brackets).
   */
  'portal': (string);
  'chapUser': (string);
  'initiatorName': (string);
  'initiatorAddress': (string);
  /**
   * Initiators logged in now.
   */
  'sessions': (number);
}
