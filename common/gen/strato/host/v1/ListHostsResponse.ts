// Original file: strato/host/v1/host.proto

import type { Host as _strato_host_v1_Host, Host__Output as _strato_host_v1_Host__Output } from '../../../strato/host/v1/Host.ts';

export interface ListHostsResponse {
  'hosts'?: (_strato_host_v1_Host)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken'?: (string);
}

export interface ListHostsResponse__Output {
  'hosts': (_strato_host_v1_Host__Output)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken': (string);
}
