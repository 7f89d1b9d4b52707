// Original file: strato/host/v1/host.proto


export interface RenewCertificateRequest {
  /**
   * The calling host; must match the client certificate.
   */
  'hostId'?: (string);
  /**
   * PKCS#10 certificate request, PEM.
   */
  'csr'?: (string);
}

export interface RenewCertificateRequest__Output {
  /**
   * The calling host; must match the client certificate.
   */
  'hostId': (string);
  /**
   * PKCS#10 certificate request, PEM.
   */
  'csr': (string);
}
