// Original file: strato/host/v1/host.proto


export interface RegisterResponse {
  'heartbeatIntervalS'?: (number);
  /**
   * Instance ids the conductor expects on this host.
   */
  'expectedInstanceIds'?: (string)[];
}

export interface RegisterResponse__Output {
  'heartbeatIntervalS': (number);
  /**
   * Instance ids the conductor expects on this host.
   */
  'expectedInstanceIds': (string)[];
}
