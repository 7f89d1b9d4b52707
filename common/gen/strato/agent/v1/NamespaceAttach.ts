// Original file: strato/agent/v1/agent_network.proto


/**
 * A veth pair whose host end carries the port's tap name and whose other end,
 * g<port_id[:11]> with the port's MAC, is moved into `namespace`.
 */
export interface NamespaceAttach {
  /**
   * Required: an existing network namespace.
   */
  'namespace'?: (string);
}

/**
 * A veth pair whose host end carries the port's tap name and whose other end,
 * g<port_id[:11]> with the port's MAC, is moved into `namespace`.
 */
export interface NamespaceAttach__Output {
  /**
   * Required: an existing network namespace.
   */
  'namespace': (string);
}
