// Original file: strato/host/v1/host.proto


export interface RegisterResponse {
  'heartbeatIntervalS'?: (number);
  /**
   * Instance ids the conductor expects on this host.
   */
  'expectedInstanceIds'?: (string)[];
  /**
   * The host counts as down after this long without a heartbeat.
   */
  'downAfterS'?: (number);
  /**
   * An admin asked for a new certificate (HostCertificates.RotateHostCertificate):
   * call RenewCertificate with a new key.
   */
  'renewCertificate'?: (boolean);
}

export interface RegisterResponse__Output {
  'heartbeatIntervalS': (number);
  /**
   * Instance ids the conductor expects on this host.
   */
  'expectedInstanceIds': (string)[];
  /**
   * The host counts as down after this long without a heartbeat.
   */
  'downAfterS': (number);
  /**
   * An admin asked for a new certificate (HostCertificates.RotateHostCertificate):
   * call RenewCertificate with a new key.
   */
  'renewCertificate': (boolean);
}
