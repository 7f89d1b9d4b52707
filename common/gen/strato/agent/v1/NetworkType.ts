// Original file: strato/agent/v1/agent_network.proto

export const NetworkType = {
  NETWORK_TYPE_UNSPECIFIED: 'NETWORK_TYPE_UNSPECIFIED',
  /**
   * An overlay: bridge brq<network_id[:11]> and VXLAN link vxlan-<vni>, both
   * made and removed by the agent.
   */
  NETWORK_TYPE_VXLAN: 'NETWORK_TYPE_VXLAN',
  /**
   * The operator's existing bridge (physical_bridge), never created or
   * deleted by strato.
   */
  NETWORK_TYPE_FLAT: 'NETWORK_TYPE_FLAT',
} as const;

export type NetworkType =
  | 'NETWORK_TYPE_UNSPECIFIED'
  | 0
  /**
   * An overlay: bridge brq<network_id[:11]> and VXLAN link vxlan-<vni>, both
   * made and removed by the agent.
   */
  | 'NETWORK_TYPE_VXLAN'
  | 1
  /**
   * The operator's existing bridge (physical_bridge), never created or
   * deleted by strato.
   */
  | 'NETWORK_TYPE_FLAT'
  | 2

export type NetworkType__Output = typeof NetworkType[keyof typeof NetworkType]
