// Original file: strato/host/v1/host.proto

import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from '../../../strato/host/v1/InstanceReport.ts';

export interface HeartbeatRequest {
  'hostId'?: (string);
  'instances'?: (_strato_host_v1_InstanceReport)[];
}

export interface HeartbeatRequest__Output {
  'hostId': (string);
  'instances': (_strato_host_v1_InstanceReport__Output)[];
}
