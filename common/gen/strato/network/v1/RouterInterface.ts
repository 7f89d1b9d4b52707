// Original file: strato/network/v1/router.proto


export interface RouterInterface {
  'routerId'?: (string);
  'subnetId'?: (string);
  /**
   * The interface port (device_owner "network:router_interface").
   */
  'portId'?: (string);
  /**
   * The subnet's gateway address, held by the port.
   */
  'ipAddress'?: (string);
  'networkId'?: (string);
}

export interface RouterInterface__Output {
  'routerId': (string);
  'subnetId': (string);
  /**
   * The interface port (device_owner "network:router_interface").
   */
  'portId': (string);
  /**
   * The subnet's gateway address, held by the port.
   */
  'ipAddress': (string);
  'networkId': (string);
}
