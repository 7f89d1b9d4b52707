// Original file: strato/agent/v1/agent_network.proto


export interface DhcpSubnetConfig {
  /**
   * Required, e.g. 10.0.0.0/24.
   */
  'cidr'?: (string);
  /**
   * Required: the DHCP port's fixed IP in this subnet; dnsmasq listens on it.
   */
  'serverIp'?: (string);
  /**
   * Router option; '' = the subnet has no gateway (the option is suppressed).
   */
  'gateway'?: (string);
  /**
   * DNS servers option; empty: dnsmasq offers itself.
   */
  'dns'?: (string)[];
}

export interface DhcpSubnetConfig__Output {
  /**
   * Required, e.g. 10.0.0.0/24.
   */
  'cidr': (string);
  /**
   * Required: the DHCP port's fixed IP in this subnet; dnsmasq listens on it.
   */
  'serverIp': (string);
  /**
   * Router option; '' = the subnet has no gateway (the option is suppressed).
   */
  'gateway': (string);
  /**
   * DNS servers option; empty: dnsmasq offers itself.
   */
  'dns': (string)[];
}
