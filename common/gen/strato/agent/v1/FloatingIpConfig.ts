// Original file: strato/agent/v1/agent_network.proto


export interface FloatingIpConfig {
  /**
   * Required: an address of the gateway's subnet.
   */
  'floatingIp'?: (string);
  /**
   * Required: an address inside one of the router's interfaces' subnets.
   */
  'fixedIp'?: (string);
}

export interface FloatingIpConfig__Output {
  /**
   * Required: an address of the gateway's subnet.
   */
  'floatingIp': (string);
  /**
   * Required: an address inside one of the router's interfaces' subnets.
   */
  'fixedIp': (string);
}
