// Original file: strato/network/v1/network.proto

import type { AllocationPool as _strato_network_v1_AllocationPool, AllocationPool__Output as _strato_network_v1_AllocationPool__Output } from '../../../strato/network/v1/AllocationPool.ts';

export interface Subnet {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  'networkId'?: (string);
  'cidr'?: (string);
  /**
   * '' when the subnet has no gateway.
   */
  'gatewayIp'?: (string);
  'allocationPools'?: (_strato_network_v1_AllocationPool)[];
  'dnsServers'?: (string)[];
  'enableDhcp'?: (boolean);
  /**
   * The DHCP server's address; '' without DHCP.
   */
  'dhcpServerIp'?: (string);
  'createdAt'?: (string);
}

export interface Subnet__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  'networkId': (string);
  'cidr': (string);
  /**
   * '' when the subnet has no gateway.
   */
  'gatewayIp': (string);
  'allocationPools': (_strato_network_v1_AllocationPool__Output)[];
  'dnsServers': (string)[];
  'enableDhcp': (boolean);
  /**
   * The DHCP server's address; '' without DHCP.
   */
  'dhcpServerIp': (string);
  'createdAt': (string);
}
