// Original file: strato/agent/v1/agent_network.proto

import type { RouterInterfaceConfig as _strato_agent_v1_RouterInterfaceConfig, RouterInterfaceConfig__Output as _strato_agent_v1_RouterInterfaceConfig__Output } from '../../../strato/agent/v1/RouterInterfaceConfig.ts';
import type { RouterGatewayConfig as _strato_agent_v1_RouterGatewayConfig, RouterGatewayConfig__Output as _strato_agent_v1_RouterGatewayConfig__Output } from '../../../strato/agent/v1/RouterGatewayConfig.ts';
import type { FloatingIpConfig as _strato_agent_v1_FloatingIpConfig, FloatingIpConfig__Output as _strato_agent_v1_FloatingIpConfig__Output } from '../../../strato/agent/v1/FloatingIpConfig.ts';

/**
 * A router: network namespace qrouter-<router_id> with IPv4 forwarding on,
 * one leg per joined subnet (a veth whose host end tqr<port_id[:11]> joins the
 * network's bridge and whose namespace end qr-<port_id[:11]> holds the
 * interface's address and MAC) and, with a gateway, one leg on the external
 * network's bridge (host end tqg<port_id[:11]>, namespace end
 * qg-<port_id[:11]>) with the gateway address, the floating addresses (/32,
 * so the kernel answers ARP for them) and the default route. NAT is one
 * nftables table in the namespace, replaced atomically: SNAT of the router's
 * subnets to the gateway address (enable_snat), and per floating IP a DNAT
 * (floating → fixed) and SNAT (fixed → floating) pair. Names come from
 * common/network-names.ts.
 */
export interface RouterConfig {
  /**
   * Required; letters, digits and '-'.
   */
  'routerId'?: (string);
  /**
   * One per joined subnet; port_id unique, subnets do not overlap.
   */
  'interfaces'?: (_strato_agent_v1_RouterInterfaceConfig)[];
  /**
   * Absent: the router only routes between its subnets.
   */
  'gateway'?: (_strato_agent_v1_RouterGatewayConfig | null);
  /**
   * Floating IPs carried by this router (requires gateway); floating_ip unique.
   */
  'floatingIps'?: (_strato_agent_v1_FloatingIpConfig)[];
  /**
   * Serve the metadata service (169.254.169.254:80 in the namespace) to the
   * guests of the router's subnets.
   */
  'metadata'?: (boolean);
}

/**
 * A router: network namespace qrouter-<router_id> with IPv4 forwarding on,
 * one leg per joined subnet (a veth whose host end tqr<port_id[:11]> joins the
 * network's bridge and whose namespace end qr-<port_id[:11]> holds the
 * interface's address and MAC) and, with a gateway, one leg on the external
 * network's bridge (host end tqg<port_id[:11]>, namespace end
 * qg-<port_id[:11]>) with the gateway address, the floating addresses (/32,
 * so the kernel answers ARP for them) and the default route. NAT is one
 * nftables table in the namespace, replaced atomically: SNAT of the router's
 * subnets to the gateway address (enable_snat), and per floating IP a DNAT
 * (floating → fixed) and SNAT (fixed → floating) pair. Names come from
 * common/network-names.ts.
 */
export interface RouterConfig__Output {
  /**
   * Required; letters, digits and '-'.
   */
  'routerId': (string);
  /**
   * One per joined subnet; port_id unique, subnets do not overlap.
   */
  'interfaces': (_strato_agent_v1_RouterInterfaceConfig__Output)[];
  /**
   * Absent: the router only routes between its subnets.
   */
  'gateway': (_strato_agent_v1_RouterGatewayConfig__Output | null);
  /**
   * Floating IPs carried by this router (requires gateway); floating_ip unique.
   */
  'floatingIps': (_strato_agent_v1_FloatingIpConfig__Output)[];
  /**
   * Serve the metadata service (169.254.169.254:80 in the namespace) to the
   * guests of the router's subnets.
   */
  'metadata': (boolean);
}
