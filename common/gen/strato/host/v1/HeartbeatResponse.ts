// Original file: strato/host/v1/host.proto


export interface HeartbeatResponse {
  'expectedInstanceIds'?: (string)[];
  /**
   * As in RegisterResponse.
   */
  'renewCertificate'?: (boolean);
}

export interface HeartbeatResponse__Output {
  'expectedInstanceIds': (string)[];
  /**
   * As in RegisterResponse.
   */
  'renewCertificate': (boolean);
}
