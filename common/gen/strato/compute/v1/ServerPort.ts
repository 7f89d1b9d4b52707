// Original file: strato/compute/v1/server.proto


export interface ServerPort {
  /**
   * Empty while the port is still being made.
   */
  'portId'?: (string);
  'networkId'?: (string);
  'networkName'?: (string);
  'mac'?: (string);
  'ips'?: (string)[];
  /**
   * True when the server created the port (deleted with the server); false
   * for a port the user gave (unbound and kept).
   */
  'owned'?: (boolean);
}

export interface ServerPort__Output {
  /**
   * Empty while the port is still being made.
   */
  'portId': (string);
  'networkId': (string);
  'networkName': (string);
  'mac': (string);
  'ips': (string)[];
  /**
   * True when the server created the port (deleted with the server); false
   * for a port the user gave (unbound and kept).
   */
  'owned': (boolean);
}
