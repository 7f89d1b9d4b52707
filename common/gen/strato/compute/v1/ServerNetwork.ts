// Original file: strato/compute/v1/server.proto


/**
 * One NIC of a new server (like Nova's --nic net-id=..,v4-fixed-ip=..|port-id=..):
 * exactly one of network and port.
 */
export interface ServerNetwork {
  /**
   * Network id or name: a port is created on it.
   */
  'network'?: (string);
  /**
   * Port id or name: this existing port is used.
   */
  'port'?: (string);
  /**
   * With network only: the address to take (else the pools choose).
   */
  'fixedIp'?: (string);
}

/**
 * One NIC of a new server (like Nova's --nic net-id=..,v4-fixed-ip=..|port-id=..):
 * exactly one of network and port.
 */
export interface ServerNetwork__Output {
  /**
   * Network id or name: a port is created on it.
   */
  'network': (string);
  /**
   * Port id or name: this existing port is used.
   */
  'port': (string);
  /**
   * With network only: the address to take (else the pools choose).
   */
  'fixedIp': (string);
}
