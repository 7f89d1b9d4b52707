// Original file: strato/compute/v1/server_move.proto

import type { MigrationProgress as _strato_compute_v1_MigrationProgress, MigrationProgress__Output as _strato_compute_v1_MigrationProgress__Output } from '../../../strato/compute/v1/MigrationProgress.ts';

export interface Migration {
  'id'?: (string);
  'serverId'?: (string);
  'projectId'?: (string);
  /**
   * cold | live | resize
   */
  'kind'?: (string);
  'sourceHost'?: (string);
  /**
   * '' until chosen.
   */
  'destHost'?: (string);
  /**
   * Nova's: queued, preparing, running, post-migrating, finished (a
   * migration's end; a resize waits in it for confirm or revert), confirmed,
   * reverted, error, cancelled.
   */
  'status'?: (string);
  'oldFlavorId'?: (string);
  'newFlavorId'?: (string);
  'progress'?: (_strato_compute_v1_MigrationProgress | null);
  /**
   * error/cancelled: why.
   */
  'error'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Migration__Output {
  'id': (string);
  'serverId': (string);
  'projectId': (string);
  /**
   * cold | live | resize
   */
  'kind': (string);
  'sourceHost': (string);
  /**
   * '' until chosen.
   */
  'destHost': (string);
  /**
   * Nova's: queued, preparing, running, post-migrating, finished (a
   * migration's end; a resize waits in it for confirm or revert), confirmed,
   * reverted, error, cancelled.
   */
  'status': (string);
  'oldFlavorId': (string);
  'newFlavorId': (string);
  'progress': (_strato_compute_v1_MigrationProgress__Output | null);
  /**
   * error/cancelled: why.
   */
  'error': (string);
  'createdAt': (string);
  'updatedAt': (string);
}
