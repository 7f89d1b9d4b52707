// Original file: strato/agent/v1/agent_network.proto


export interface DhcpHostConfig {
  /**
   * Required.
   */
  'mac'?: (string);
  /**
   * Required.
   */
  'ip'?: (string);
  /**
   * A DNS label (letters, digits, '-'); '' = none.
   */
  'hostname'?: (string);
}

export interface DhcpHostConfig__Output {
  /**
   * Required.
   */
  'mac': (string);
  /**
   * Required.
   */
  'ip': (string);
  /**
   * A DNS label (letters, digits, '-'); '' = none.
   */
  'hostname': (string);
}
