// Original file: strato/agent/v1/agent_storage.proto

import type { ExportInitiator as _strato_agent_v1_ExportInitiator, ExportInitiator__Output as _strato_agent_v1_ExportInitiator__Output } from '../../../strato/agent/v1/ExportInitiator.ts';

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
  /**
   * More hosts the export admits at the same time, with the same CHAP account:
   * while a server with the volume moves, its destination host too (each by its
   * name in the target's ACL and its address in the filter). Empty outside a move.
   */
  'alsoAdmit'?: (_strato_agent_v1_ExportInitiator)[];
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
  /**
   * More hosts the export admits at the same time, with the same CHAP account:
   * while a server with the volume moves, its destination host too (each by its
   * name in the target's ACL and its address in the filter). Empty outside a move.
   */
  'alsoAdmit': (_strato_agent_v1_ExportInitiator__Output)[];
}
