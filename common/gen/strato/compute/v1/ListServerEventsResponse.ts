// Original file: strato/compute/v1/server.proto

import type { ServerEvent as _strato_compute_v1_ServerEvent, ServerEvent__Output as _strato_compute_v1_ServerEvent__Output } from '../../../strato/compute/v1/ServerEvent.ts';

export interface ListServerEventsResponse {
  'events'?: (_strato_compute_v1_ServerEvent)[];
}

export interface ListServerEventsResponse__Output {
  'events': (_strato_compute_v1_ServerEvent__Output)[];
}
