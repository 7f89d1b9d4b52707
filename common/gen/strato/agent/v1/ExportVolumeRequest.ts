// Original file: strato/agent/v1/agent_storage.proto


export interface ExportVolumeRequest {
  'volumeId'?: (string);
  /**
   * The attaching host's iSCSI initiator name, e.g. iqn.2026-01.io.strato:host:<host id>.
   */
  'initiatorName'?: (string);
  /**
   * The attaching host's underlay address.
   */
  'initiatorAddress'?: (string);
  /**
   * The attachment's CHAP secret, chosen at random by the conductor and kept there.
   */
  'chapSecret'?: (string);
}

export interface ExportVolumeRequest__Output {
  'volumeId': (string);
  /**
   * The attaching host's iSCSI initiator name, e.g. iqn.2026-01.io.strato:host:<host id>.
   */
  'initiatorName': (string);
  /**
   * The attaching host's underlay address.
   */
  'initiatorAddress': (string);
  /**
   * The attachment's CHAP secret, chosen at random by the conductor and kept there.
   */
  'chapSecret': (string);
}
