// Original file: strato/agent/v1/agent_network.proto


export interface RouterInterfaceConfig {
  /**
   * Required: the interface port's id (names derive from it).
   */
  'portId'?: (string);
  /**
   * Required; one of HostNetworkState.networks.
   */
  'networkId'?: (string);
  /**
   * Required.
   */
  'mac'?: (string);
  /**
   * Required: the subnet's gateway address with its prefix, e.g. 10.0.0.1/24.
   */
  'ipCidr'?: (string);
}

export interface RouterInterfaceConfig__Output {
  /**
   * Required: the interface port's id (names derive from it).
   */
  'portId': (string);
  /**
   * Required; one of HostNetworkState.networks.
   */
  'networkId': (string);
  /**
   * Required.
   */
  'mac': (string);
  /**
   * Required: the subnet's gateway address with its prefix, e.g. 10.0.0.1/24.
   */
  'ipCidr': (string);
}
