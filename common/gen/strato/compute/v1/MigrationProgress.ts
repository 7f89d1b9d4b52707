// Original file: strato/compute/v1/server_move.proto

import type { Long } from '@grpc/proto-loader';

export interface MigrationProgress {
  'memoryTotalBytes'?: (number | string | Long);
  'memoryProcessedBytes'?: (number | string | Long);
  'memoryRemainingBytes'?: (number | string | Long);
  'diskTotalBytes'?: (number | string | Long);
  'diskProcessedBytes'?: (number | string | Long);
  'diskRemainingBytes'?: (number | string | Long);
  /**
   * Live, finished: how long the guest was paused for the switch-over.
   */
  'downtimeMs'?: (number);
  'elapsedMs'?: (number | string | Long);
}

export interface MigrationProgress__Output {
  'memoryTotalBytes': (string);
  'memoryProcessedBytes': (string);
  'memoryRemainingBytes': (string);
  'diskTotalBytes': (string);
  'diskProcessedBytes': (string);
  'diskRemainingBytes': (string);
  /**
   * Live, finished: how long the guest was paused for the switch-over.
   */
  'downtimeMs': (number);
  'elapsedMs': (string);
}
