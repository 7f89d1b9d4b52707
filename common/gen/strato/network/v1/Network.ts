// Original file: strato/network/v1/network.proto


export interface Network {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  /**
   * "vxlan" | "flat".
   */
  'providerType'?: (string);
  /**
   * The VNI of a vxlan network; 0 for flat.
   */
  'segmentationId'?: (number);
  /**
   * The operator's bridge of a flat network; '' for vxlan.
   */
  'physicalBridge'?: (string);
  'mtu'?: (number);
  /**
   * In creation order.
   */
  'subnetIds'?: (string)[];
  /**
   * The MAC of the network's DHCP server (its port in the qdhcp namespace).
   */
  'dhcpMacAddress'?: (string);
  'createdAt'?: (string);
  /**
   * An external network (Neutron's router:external): routers take their
   * gateway address and floating IPs come from its subnets. Only admins
   * create one (flat only); every project sees it and may use it for
   * gateways and floating IPs, but may not put ports of its own on it.
   */
  'external'?: (boolean);
}

export interface Network__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  /**
   * "vxlan" | "flat".
   */
  'providerType': (string);
  /**
   * The VNI of a vxlan network; 0 for flat.
   */
  'segmentationId': (number);
  /**
   * The operator's bridge of a flat network; '' for vxlan.
   */
  'physicalBridge': (string);
  'mtu': (number);
  /**
   * In creation order.
   */
  'subnetIds': (string)[];
  /**
   * The MAC of the network's DHCP server (its port in the qdhcp namespace).
   */
  'dhcpMacAddress': (string);
  'createdAt': (string);
  /**
   * An external network (Neutron's router:external): routers take their
   * gateway address and floating IPs come from its subnets. Only admins
   * create one (flat only); every project sees it and may use it for
   * gateways and floating IPs, but may not put ports of its own on it.
   */
  'external': (boolean);
}
