// Original file: strato/host/v1/host.proto

import type { Capacity as _strato_host_v1_Capacity, Capacity__Output as _strato_host_v1_Capacity__Output } from '../../../strato/host/v1/Capacity.ts';
import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from '../../../strato/host/v1/InstanceReport.ts';

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
}
