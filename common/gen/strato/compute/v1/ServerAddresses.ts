// Original file: strato/compute/v1/server.proto


export interface ServerAddresses {
  /**
   * Fixed addresses on the network.
   */
  'ips'?: (string)[];
  /**
   * Floating IPs associated with the server's ports on this network (Nova's
   * OS-EXT-IPS:type "floating"), in address order.
   */
  'floatingIps'?: (string)[];
}

export interface ServerAddresses__Output {
  /**
   * Fixed addresses on the network.
   */
  'ips': (string)[];
  /**
   * Floating IPs associated with the server's ports on this network (Nova's
   * OS-EXT-IPS:type "floating"), in address order.
   */
  'floatingIps': (string)[];
}
