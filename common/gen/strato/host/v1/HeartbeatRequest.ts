// Original file: strato/host/v1/host.proto

import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from '../../../strato/host/v1/InstanceReport.ts';
import type { StorageReport as _strato_host_v1_StorageReport, StorageReport__Output as _strato_host_v1_StorageReport__Output } from '../../../strato/host/v1/StorageReport.ts';
import type { Orphans as _strato_host_v1_Orphans, Orphans__Output as _strato_host_v1_Orphans__Output } from '../../../strato/host/v1/Orphans.ts';

export interface HeartbeatRequest {
  'hostId'?: (string);
  'instances'?: (_strato_host_v1_InstanceReport)[];
  /**
   * A storage host's current capacity; absent: unchanged since the last report.
   */
  'storage'?: (_strato_host_v1_StorageReport | null);
  /**
   * As in RegisterRequest: the host's reasons now; empty when healthy.
   */
  'degradedReasons'?: (string)[];
  /**
   * The host could not list its instances (its hypervisor is unreachable):
   * `instances` is no report and is ignored, and the heartbeat does not keep
   * the host up (a host that cannot see its guests takes no new work and goes
   * down after down_after_s, as if silent); it still updates the reasons and
   * orphans the Hosts API shows, and the reply still lists what is expected.
   */
  'instancesUnknown'?: (boolean);
  /**
   * As in RegisterRequest.
   */
  'orphans'?: (_strato_host_v1_Orphans | null);
}

export interface HeartbeatRequest__Output {
  'hostId': (string);
  'instances': (_strato_host_v1_InstanceReport__Output)[];
  /**
   * A storage host's current capacity; absent: unchanged since the last report.
   */
  'storage': (_strato_host_v1_StorageReport__Output | null);
  /**
   * As in RegisterRequest: the host's reasons now; empty when healthy.
   */
  'degradedReasons': (string)[];
  /**
   * The host could not list its instances (its hypervisor is unreachable):
   * `instances` is no report and is ignored, and the heartbeat does not keep
   * the host up (a host that cannot see its guests takes no new work and goes
   * down after down_after_s, as if silent); it still updates the reasons and
   * orphans the Hosts API shows, and the reply still lists what is expected.
   */
  'instancesUnknown': (boolean);
  /**
   * As in RegisterRequest.
   */
  'orphans': (_strato_host_v1_Orphans__Output | null);
}
