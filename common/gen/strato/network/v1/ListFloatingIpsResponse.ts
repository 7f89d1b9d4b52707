// Original file: strato/network/v1/router.proto

import type { FloatingIp as _strato_network_v1_FloatingIp, FloatingIp__Output as _strato_network_v1_FloatingIp__Output } from '../../../strato/network/v1/FloatingIp.ts';

export interface ListFloatingIpsResponse {
  'floatingIps'?: (_strato_network_v1_FloatingIp)[];
  'nextPageToken'?: (string);
}

export interface ListFloatingIpsResponse__Output {
  'floatingIps': (_strato_network_v1_FloatingIp__Output)[];
  'nextPageToken': (string);
}
