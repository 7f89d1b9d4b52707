// Original file: strato/agent/v1/agent_network.proto

import type { NetworkConfig as _strato_agent_v1_NetworkConfig, NetworkConfig__Output as _strato_agent_v1_NetworkConfig__Output } from '../../../strato/agent/v1/NetworkConfig.ts';
import type { PortConfig as _strato_agent_v1_PortConfig, PortConfig__Output as _strato_agent_v1_PortConfig__Output } from '../../../strato/agent/v1/PortConfig.ts';
import type { RouterConfig as _strato_agent_v1_RouterConfig, RouterConfig__Output as _strato_agent_v1_RouterConfig__Output } from '../../../strato/agent/v1/RouterConfig.ts';

/**
 * Everything that should exist on one host. A network's links exist on the
 * host while at least one of its ports is bound here or the host serves its
 * DHCP; a listed network with neither is left out.
 * 
 * Growing it: fields are added, never reinterpreted. A reader drops fields it
 * does not know, so whatever an older agent must not silently ignore (a new
 * kind of rule, say) comes as a new enum value, which such an agent refuses
 * (INVALID_ARGUMENT) instead of leaving it unenforced.
 */
export interface HostNetworkState {
  /**
   * One entry per network with a port here or DHCP served here; network_id
   * unique.
   */
  'networks'?: (_strato_agent_v1_NetworkConfig)[];
  /**
   * The ports bound to this host; port_id unique.
   */
  'ports'?: (_strato_agent_v1_PortConfig)[];
  /**
   * Underlay (VTEP) addresses of every host registered with the conductor
   * (this host's own may be listed; it is ignored). The kernel binds its VXLAN
   * socket to the wildcard address, so while strato's tables exist the host
   * drops UDP 4789 from any source that is neither listed here nor a VXLAN peer
   * of one of `networks`. Listing every registered host, not only today's
   * peers, means a host that joins a network is accepted before either side
   * sends: the filter never races a network's membership. Empty: only the
   * networks' peers are accepted.
   */
  'underlayPeers'?: (string)[];
  /**
   * The routers this host runs (router_id unique). Each router's networks are
   * listed in `networks` (their links exist here while a router has a leg on
   * them, ports or not).
   */
  'routers'?: (_strato_agent_v1_RouterConfig)[];
}

/**
 * Everything that should exist on one host. A network's links exist on the
 * host while at least one of its ports is bound here or the host serves its
 * DHCP; a listed network with neither is left out.
 * 
 * Growing it: fields are added, never reinterpreted. A reader drops fields it
 * does not know, so whatever an older agent must not silently ignore (a new
 * kind of rule, say) comes as a new enum value, which such an agent refuses
 * (INVALID_ARGUMENT) instead of leaving it unenforced.
 */
export interface HostNetworkState__Output {
  /**
   * One entry per network with a port here or DHCP served here; network_id
   * unique.
   */
  'networks': (_strato_agent_v1_NetworkConfig__Output)[];
  /**
   * The ports bound to this host; port_id unique.
   */
  'ports': (_strato_agent_v1_PortConfig__Output)[];
  /**
   * Underlay (VTEP) addresses of every host registered with the conductor
   * (this host's own may be listed; it is ignored). The kernel binds its VXLAN
   * socket to the wildcard address, so while strato's tables exist the host
   * drops UDP 4789 from any source that is neither listed here nor a VXLAN peer
   * of one of `networks`. Listing every registered host, not only today's
   * peers, means a host that joins a network is accepted before either side
   * sends: the filter never races a network's membership. Empty: only the
   * networks' peers are accepted.
   */
  'underlayPeers': (string)[];
  /**
   * The routers this host runs (router_id unique). Each router's networks are
   * listed in `networks` (their links exist here while a router has a leg on
   * them, ports or not).
   */
  'routers': (_strato_agent_v1_RouterConfig__Output)[];
}
