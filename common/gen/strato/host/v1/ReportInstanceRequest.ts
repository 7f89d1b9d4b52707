// Original file: strato/host/v1/host.proto

import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from '../../../strato/host/v1/InstanceReport.ts';

export interface ReportInstanceRequest {
  'hostId'?: (string);
  'instance'?: (_strato_host_v1_InstanceReport | null);
}

export interface ReportInstanceRequest__Output {
  'hostId': (string);
  'instance': (_strato_host_v1_InstanceReport__Output | null);
}
