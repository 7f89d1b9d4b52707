// Original file: strato/agent/v1/agent_network.proto


export interface RouterGatewayConfig {
  /**
   * Required: the gateway port's id.
   */
  'portId'?: (string);
  /**
   * Required; one of HostNetworkState.networks (a flat network).
   */
  'networkId'?: (string);
  /**
   * Required.
   */
  'mac'?: (string);
  /**
   * Required: the router's external address with its prefix.
   */
  'ipCidr'?: (string);
  /**
   * The external subnet's gateway (the namespace's default route); '' = none.
   */
  'gatewayIp'?: (string);
  /**
   * SNAT the router's subnets to the gateway address.
   */
  'enableSnat'?: (boolean);
}

export interface RouterGatewayConfig__Output {
  /**
   * Required: the gateway port's id.
   */
  'portId': (string);
  /**
   * Required; one of HostNetworkState.networks (a flat network).
   */
  'networkId': (string);
  /**
   * Required.
   */
  'mac': (string);
  /**
   * Required: the router's external address with its prefix.
   */
  'ipCidr': (string);
  /**
   * The external subnet's gateway (the namespace's default route); '' = none.
   */
  'gatewayIp': (string);
  /**
   * SNAT the router's subnets to the gateway address.
   */
  'enableSnat': (boolean);
}
