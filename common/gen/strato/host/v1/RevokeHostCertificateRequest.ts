// Original file: strato/host/v1/host.proto


export interface RevokeHostCertificateRequest {
  'host'?: (string);
  /**
   * One certificate; empty: every certificate of the host.
   */
  'serial'?: (string);
}

export interface RevokeHostCertificateRequest__Output {
  'host': (string);
  /**
   * One certificate; empty: every certificate of the host.
   */
  'serial': (string);
}
