// Original file: strato/agent/v1/agent_storage.proto


/**
 * One more initiator an export admits (ExportVolumeRequest.also_admit).
 */
export interface ExportInitiator {
  /**
   * iqn.2026-01.io.strato:host:<host id>
   */
  'name'?: (string);
  /**
   * Its underlay address (the portal's address family).
   */
  'address'?: (string);
}

/**
 * One more initiator an export admits (ExportVolumeRequest.also_admit).
 */
export interface ExportInitiator__Output {
  /**
   * iqn.2026-01.io.strato:host:<host id>
   */
  'name': (string);
  /**
   * Its underlay address (the portal's address family).
   */
  'address': (string);
}
