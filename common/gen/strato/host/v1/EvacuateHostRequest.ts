// Original file: strato/host/v1/host.proto


export interface EvacuateHostRequest {
  'host'?: (string);
  /**
   * Where every server goes; empty: the scheduler chooses per server.
   */
  'targetHost'?: (string);
}

export interface EvacuateHostRequest__Output {
  'host': (string);
  /**
   * Where every server goes; empty: the scheduler chooses per server.
   */
  'targetHost': (string);
}
