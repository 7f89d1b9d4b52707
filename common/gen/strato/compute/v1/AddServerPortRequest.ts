// Original file: strato/compute/v1/server.proto


export interface AddServerPortRequest {
  'server'?: (string);
  /**
   * Exactly one of network and port, as in CreateServerRequest.networks.
   */
  'network'?: (string);
  'port'?: (string);
  'fixedIp'?: (string);
}

export interface AddServerPortRequest__Output {
  'server': (string);
  /**
   * Exactly one of network and port, as in CreateServerRequest.networks.
   */
  'network': (string);
  'port': (string);
  'fixedIp': (string);
}
