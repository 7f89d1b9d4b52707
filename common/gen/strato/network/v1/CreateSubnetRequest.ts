// Original file: strato/network/v1/network.proto

import type { AllocationPool as _strato_network_v1_AllocationPool, AllocationPool__Output as _strato_network_v1_AllocationPool__Output } from '../../../strato/network/v1/AllocationPool.ts';

export interface CreateSubnetRequest {
  'name'?: (string);
  'network'?: (string);
  'cidr'?: (string);
  /**
   * '' = first host address; "none" = no gateway.
   */
  'gatewayIp'?: (string);
  'allocationPools'?: (_strato_network_v1_AllocationPool)[];
  'dnsServers'?: (string)[];
  /**
   * DHCP is on unless this is set (`--no-dhcp`).
   */
  'disableDhcp'?: (boolean);
}

export interface CreateSubnetRequest__Output {
  'name': (string);
  'network': (string);
  'cidr': (string);
  /**
   * '' = first host address; "none" = no gateway.
   */
  'gatewayIp': (string);
  'allocationPools': (_strato_network_v1_AllocationPool__Output)[];
  'dnsServers': (string)[];
  /**
   * DHCP is on unless this is set (`--no-dhcp`).
   */
  'disableDhcp': (boolean);
}
