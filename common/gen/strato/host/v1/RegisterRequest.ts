// Original file: strato/host/v1/host.proto

import type { Capacity as _strato_host_v1_Capacity, Capacity__Output as _strato_host_v1_Capacity__Output } from '../../../strato/host/v1/Capacity.ts';
import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from '../../../strato/host/v1/InstanceReport.ts';
import type { StorageReport as _strato_host_v1_StorageReport, StorageReport__Output as _strato_host_v1_StorageReport__Output } from '../../../strato/host/v1/StorageReport.ts';
import type { Orphans as _strato_host_v1_Orphans, Orphans__Output as _strato_host_v1_Orphans__Output } from '../../../strato/host/v1/Orphans.ts';

export interface RegisterRequest {
  'hostId'?: (string);
  /**
   * host:port of the agent's own gRPC server.
   */
  'address'?: (string);
  'capacity'?: (_strato_host_v1_Capacity | null);
  'virtType'?: (string);
  'agentVersion'?: (string);
  'instances'?: (_strato_host_v1_InstanceReport)[];
  /**
   * The host's VXLAN tunnel endpoint (underlay) IPv4 address: the other hosts
   * of a network send its VXLAN traffic here. Empty: the host takes part in no
   * VXLAN network and serves no DHCP (flat networks still work).
   */
  'underlayIp'?: (string);
  /**
   * The host's roles: "compute", "storage", "network". Empty: compute only (an agent
   * older than roles).
   */
  'roles'?: (string)[];
  /**
   * With the storage role: its backend and capacity (required then).
   */
  'storage'?: (_strato_host_v1_StorageReport | null);
  /**
   * When the agent process started (RFC 3339); empty: not said. At most 64
   * characters (INVALID_ARGUMENT STARTED_AT_INVALID otherwise).
   */
  'startedAt'?: (string);
  /**
   * Why the host cannot do all it should now (short phrases such as "libvirt
   * unreachable"); empty when healthy. At most 16, each at most 200 printable
   * characters (INVALID_ARGUMENT DEGRADED_REASONS_INVALID otherwise).
   */
  'degradedReasons'?: (string)[];
  /**
   * Orphans found on the host (see Orphans); absent counts as all 0.
   */
  'orphans'?: (_strato_host_v1_Orphans | null);
}

export interface RegisterRequest__Output {
  'hostId': (string);
  /**
   * host:port of the agent's own gRPC server.
   */
  'address': (string);
  'capacity': (_strato_host_v1_Capacity__Output | null);
  'virtType': (string);
  'agentVersion': (string);
  'instances': (_strato_host_v1_InstanceReport__Output)[];
  /**
   * The host's VXLAN tunnel endpoint (underlay) IPv4 address: the other hosts
   * of a network send its VXLAN traffic here. Empty: the host takes part in no
   * VXLAN network and serves no DHCP (flat networks still work).
   */
  'underlayIp': (string);
  /**
   * The host's roles: "compute", "storage", "network". Empty: compute only (an agent
   * older than roles).
   */
  'roles': (string)[];
  /**
   * With the storage role: its backend and capacity (required then).
   */
  'storage': (_strato_host_v1_StorageReport__Output | null);
  /**
   * When the agent process started (RFC 3339); empty: not said. At most 64
   * characters (INVALID_ARGUMENT STARTED_AT_INVALID otherwise).
   */
  'startedAt': (string);
  /**
   * Why the host cannot do all it should now (short phrases such as "libvirt
   * unreachable"); empty when healthy. At most 16, each at most 200 printable
   * characters (INVALID_ARGUMENT DEGRADED_REASONS_INVALID otherwise).
   */
  'degradedReasons': (string)[];
  /**
   * Orphans found on the host (see Orphans); absent counts as all 0.
   */
  'orphans': (_strato_host_v1_Orphans__Output | null);
}
