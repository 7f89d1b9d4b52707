// Original file: strato/network/v1/router.proto


export interface ExternalGateway {
  'networkId'?: (string);
  /**
   * The router's address on the external network.
   */
  'ipAddress'?: (string);
  'subnetId'?: (string);
  'enableSnat'?: (boolean);
  /**
   * The gateway port (device_owner "network:router_gateway").
   */
  'portId'?: (string);
}

export interface ExternalGateway__Output {
  'networkId': (string);
  /**
   * The router's address on the external network.
   */
  'ipAddress': (string);
  'subnetId': (string);
  'enableSnat': (boolean);
  /**
   * The gateway port (device_owner "network:router_gateway").
   */
  'portId': (string);
}
