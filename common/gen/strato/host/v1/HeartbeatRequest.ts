// Original file: strato/host/v1/host.proto

import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from '../../../strato/host/v1/InstanceReport.ts';
import type { StorageReport as _strato_host_v1_StorageReport, StorageReport__Output as _strato_host_v1_StorageReport__Output } from '../../../strato/host/v1/StorageReport.ts';

export interface HeartbeatRequest {
  'hostId'?: (string);
  'instances'?: (_strato_host_v1_InstanceReport)[];
  /**
   * A storage host's current capacity; absent: unchanged since the last report.
   */
  'storage'?: (_strato_host_v1_StorageReport | null);
}

export interface HeartbeatRequest__Output {
  'hostId': (string);
  'instances': (_strato_host_v1_InstanceReport__Output)[];
  /**
   * A storage host's current capacity; absent: unchanged since the last report.
   */
  'storage': (_strato_host_v1_StorageReport__Output | null);
}
