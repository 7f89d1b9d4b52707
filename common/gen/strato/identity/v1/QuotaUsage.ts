// Original file: strato/identity/v1/quota.proto

import type { Long } from '@grpc/proto-loader';

export interface QuotaUsage {
  /**
   * instances | cores | ram | volumes | gigabytes | snapshots | networks |
   * ports | security_groups | floating_ips | routers
   */
  'resource'?: (string);
  /**
   * -1: unlimited.
   */
  'limit'?: (number | string | Long);
  'inUse'?: (number | string | Long);
  /**
   * The limit is the cloud's default (no admin set one for this project).
   */
  'isDefault'?: (boolean);
}

export interface QuotaUsage__Output {
  /**
   * instances | cores | ram | volumes | gigabytes | snapshots | networks |
   * ports | security_groups | floating_ips | routers
   */
  'resource': (string);
  /**
   * -1: unlimited.
   */
  'limit': (string);
  'inUse': (string);
  /**
   * The limit is the cloud's default (no admin set one for this project).
   */
  'isDefault': (boolean);
}
