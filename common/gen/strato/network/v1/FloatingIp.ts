// Original file: strato/network/v1/router.proto


export interface FloatingIp {
  'id'?: (string);
  'projectId'?: (string);
  'floatingIpAddress'?: (string);
  'floatingNetworkId'?: (string);
  'subnetId'?: (string);
  /**
   * '' when unassociated.
   */
  'portId'?: (string);
  'fixedIpAddress'?: (string);
  /**
   * The router that carries it while associated; ''.
   */
  'routerId'?: (string);
  /**
   * "ACTIVE" when associated, else "DOWN" (Neutron's words).
   */
  'status'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  /**
   * The server the port belongs to, when it is a server's port; ''.
   */
  'serverId'?: (string);
}

export interface FloatingIp__Output {
  'id': (string);
  'projectId': (string);
  'floatingIpAddress': (string);
  'floatingNetworkId': (string);
  'subnetId': (string);
  /**
   * '' when unassociated.
   */
  'portId': (string);
  'fixedIpAddress': (string);
  /**
   * The router that carries it while associated; ''.
   */
  'routerId': (string);
  /**
   * "ACTIVE" when associated, else "DOWN" (Neutron's words).
   */
  'status': (string);
  'createdAt': (string);
  'updatedAt': (string);
  /**
   * The server the port belongs to, when it is a server's port; ''.
   */
  'serverId': (string);
}
