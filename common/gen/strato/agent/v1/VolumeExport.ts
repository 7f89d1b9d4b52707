// Original file: strato/agent/v1/agent_storage.proto

import type { ExportInitiator as _strato_agent_v1_ExportInitiator, ExportInitiator__Output as _strato_agent_v1_ExportInitiator__Output } from '../../../strato/agent/v1/ExportInitiator.ts';

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
  /**
   * The other initiators it admits (ExportVolumeRequest.also_admit), sorted by name.
   */
  'alsoAdmitted'?: (_strato_agent_v1_ExportInitiator)[];
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
  /**
   * The other initiators it admits (ExportVolumeRequest.also_admit), sorted by name.
   */
  'alsoAdmitted': (_strato_agent_v1_ExportInitiator__Output)[];
}
