// Original file: strato/agent/v1/agent_network.proto

import type { DhcpSubnetConfig as _strato_agent_v1_DhcpSubnetConfig, DhcpSubnetConfig__Output as _strato_agent_v1_DhcpSubnetConfig__Output } from '../../../strato/agent/v1/DhcpSubnetConfig.ts';
import type { DhcpHostConfig as _strato_agent_v1_DhcpHostConfig, DhcpHostConfig__Output as _strato_agent_v1_DhcpHostConfig__Output } from '../../../strato/agent/v1/DhcpHostConfig.ts';

/**
 * One dnsmasq in namespace qdhcp-<network_id>, reached through a veth on the
 * network's bridge; it hands out static leases only.
 */
export interface DhcpConfig {
  /**
   * Required: MAC of the DHCP port (the namespace end of the veth).
   */
  'mac'?: (string);
  'subnets'?: (_strato_agent_v1_DhcpSubnetConfig)[];
  /**
   * Static MAC → IP entries; dnsmasq serves nothing else.
   */
  'hosts'?: (_strato_agent_v1_DhcpHostConfig)[];
  /**
   * Upstream resolvers for dnsmasq; empty: it runs with --no-resolv.
   */
  'upstreamDns'?: (string)[];
  /**
   * Serve the metadata service from this namespace (networks that no router
   * joins): 169.254.169.254/32 on the namespace's interface, a proxy on
   * 169.254.169.254:80 in it, and DHCP option 121 routing 169.254.169.254/32
   * through the DHCP port's address (with the subnet's default route
   * repeated, since option 121 overrides option 3).
   */
  'metadata'?: (boolean);
}

/**
 * One dnsmasq in namespace qdhcp-<network_id>, reached through a veth on the
 * network's bridge; it hands out static leases only.
 */
export interface DhcpConfig__Output {
  /**
   * Required: MAC of the DHCP port (the namespace end of the veth).
   */
  'mac': (string);
  'subnets': (_strato_agent_v1_DhcpSubnetConfig__Output)[];
  /**
   * Static MAC → IP entries; dnsmasq serves nothing else.
   */
  'hosts': (_strato_agent_v1_DhcpHostConfig__Output)[];
  /**
   * Upstream resolvers for dnsmasq; empty: it runs with --no-resolv.
   */
  'upstreamDns': (string)[];
  /**
   * Serve the metadata service from this namespace (networks that no router
   * joins): 169.254.169.254/32 on the namespace's interface, a proxy on
   * 169.254.169.254:80 in it, and DHCP option 121 routing 169.254.169.254/32
   * through the DHCP port's address (with the subnet's default route
   * repeated, since option 121 overrides option 3).
   */
  'metadata': (boolean);
}
