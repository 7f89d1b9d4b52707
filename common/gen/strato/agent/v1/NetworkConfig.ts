// Original file: strato/agent/v1/agent_network.proto

import type { NetworkType as _strato_agent_v1_NetworkType, NetworkType__Output as _strato_agent_v1_NetworkType__Output } from '../../../strato/agent/v1/NetworkType.ts';
import type { DhcpConfig as _strato_agent_v1_DhcpConfig, DhcpConfig__Output as _strato_agent_v1_DhcpConfig__Output } from '../../../strato/agent/v1/DhcpConfig.ts';

export interface NetworkConfig {
  /**
   * Required; letters, digits and '-' (names are derived from it).
   */
  'networkId'?: (string);
  /**
   * Required.
   */
  'type'?: (_strato_agent_v1_NetworkType);
  /**
   * VXLAN network identifier, 1..16777215; required for vxlan, ignored for flat.
   */
  'vni'?: (number);
  /**
   * The operator's bridge; required for flat, ignored for vxlan. It must
   * exist on the host (else FAILED_PRECONDITION PHYSICAL_BRIDGE_MISSING).
   */
  'physicalBridge'?: (string);
  /**
   * Guest-facing MTU (bridge, taps, DHCP option 26). 0: the default, the
   * underlay's MTU − 50 for vxlan, the bridge's MTU for flat.
   */
  'mtu'?: (number);
  /**
   * Underlay addresses of the OTHER hosts with ports on this network (this
   * host's own is ignored): the VXLAN link's flood (all-zeros FDB) entries.
   */
  'vxlanPeers'?: (string)[];
  /**
   * Present only on the host the conductor chose to serve the network's DHCP.
   */
  'dhcp'?: (_strato_agent_v1_DhcpConfig | null);
}

export interface NetworkConfig__Output {
  /**
   * Required; letters, digits and '-' (names are derived from it).
   */
  'networkId': (string);
  /**
   * Required.
   */
  'type': (_strato_agent_v1_NetworkType__Output);
  /**
   * VXLAN network identifier, 1..16777215; required for vxlan, ignored for flat.
   */
  'vni': (number);
  /**
   * The operator's bridge; required for flat, ignored for vxlan. It must
   * exist on the host (else FAILED_PRECONDITION PHYSICAL_BRIDGE_MISSING).
   */
  'physicalBridge': (string);
  /**
   * Guest-facing MTU (bridge, taps, DHCP option 26). 0: the default, the
   * underlay's MTU − 50 for vxlan, the bridge's MTU for flat.
   */
  'mtu': (number);
  /**
   * Underlay addresses of the OTHER hosts with ports on this network (this
   * host's own is ignored): the VXLAN link's flood (all-zeros FDB) entries.
   */
  'vxlanPeers': (string)[];
  /**
   * Present only on the host the conductor chose to serve the network's DHCP.
   */
  'dhcp': (_strato_agent_v1_DhcpConfig__Output | null);
}
