// Original file: strato/compute/v1/server_move.proto

import type { Migration as _strato_compute_v1_Migration, Migration__Output as _strato_compute_v1_Migration__Output } from '../../../strato/compute/v1/Migration.ts';

export interface ListMigrationsResponse {
  'migrations'?: (_strato_compute_v1_Migration)[];
}

export interface ListMigrationsResponse__Output {
  'migrations': (_strato_compute_v1_Migration__Output)[];
}
