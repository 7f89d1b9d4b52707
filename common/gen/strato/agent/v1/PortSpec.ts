// Original file: strato/agent/v1/agent.proto


/**
 * One NIC of an instance, as the hypervisor needs it. Also used by
 * AgentNetwork.AttachPort (agent_network.proto).
 */
export interface PortSpec {
  'portId'?: (string);
  /**
   * Lower-case unicast MAC, e.g. fa:16:3e:12:34:56.
   */
  'mac'?: (string);
  'networkId'?: (string);
  /**
   * The bridge the tap joins: brq<network_id[:11]> (vxlan) or the operator's
   * bridge (flat).
   */
  'bridge'?: (string);
  /**
   * tap<port_id[:11]>.
   */
  'tap'?: (string);
  /**
   * Guest MTU.
   */
  'mtu'?: (number);
  /**
   * The port's fixed IPv4 addresses (what DHCP hands out, what anti-spoofing allows).
   */
  'ips'?: (string)[];
}

/**
 * One NIC of an instance, as the hypervisor needs it. Also used by
 * AgentNetwork.AttachPort (agent_network.proto).
 */
export interface PortSpec__Output {
  'portId': (string);
  /**
   * Lower-case unicast MAC, e.g. fa:16:3e:12:34:56.
   */
  'mac': (string);
  'networkId': (string);
  /**
   * The bridge the tap joins: brq<network_id[:11]> (vxlan) or the operator's
   * bridge (flat).
   */
  'bridge': (string);
  /**
   * tap<port_id[:11]>.
   */
  'tap': (string);
  /**
   * Guest MTU.
   */
  'mtu': (number);
  /**
   * The port's fixed IPv4 addresses (what DHCP hands out, what anti-spoofing allows).
   */
  'ips': (string)[];
}
