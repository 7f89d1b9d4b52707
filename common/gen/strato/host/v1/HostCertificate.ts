// Original file: strato/host/v1/host.proto


/**
 * One certificate of a host, as the conductor records it.
 */
export interface HostCertificate {
  /**
   * Upper-case hex, without leading zeros (as `openssl x509 -serial` prints it).
   */
  'serial'?: (string);
  /**
   * SHA-256 of the DER certificate, colon-separated upper-case hex.
   */
  'fingerprintSha256'?: (string);
  'notBefore'?: (string);
  'notAfter'?: (string);
  /**
   * valid | revoked | expired
   */
  'state'?: (string);
  /**
   * issued (IssueHostCertificate) | renewed (Registry.RenewCertificate) |
   * adopted (made elsewhere, e.g. by scripts/make-certs, and recorded when the
   * host first called with it)
   */
  'origin'?: (string);
  /**
   * When the conductor recorded it.
   */
  'recordedAt'?: (string);
  /**
   * Empty unless revoked.
   */
  'revokedAt'?: (string);
  /**
   * revoked (by an admin) | superseded (the host called with a newer one)
   */
  'revocationReason'?: (string);
  'dnsNames'?: (string)[];
  'ipAddresses'?: (string)[];
}

/**
 * One certificate of a host, as the conductor records it.
 */
export interface HostCertificate__Output {
  /**
   * Upper-case hex, without leading zeros (as `openssl x509 -serial` prints it).
   */
  'serial': (string);
  /**
   * SHA-256 of the DER certificate, colon-separated upper-case hex.
   */
  'fingerprintSha256': (string);
  'notBefore': (string);
  'notAfter': (string);
  /**
   * valid | revoked | expired
   */
  'state': (string);
  /**
   * issued (IssueHostCertificate) | renewed (Registry.RenewCertificate) |
   * adopted (made elsewhere, e.g. by scripts/make-certs, and recorded when the
   * host first called with it)
   */
  'origin': (string);
  /**
   * When the conductor recorded it.
   */
  'recordedAt': (string);
  /**
   * Empty unless revoked.
   */
  'revokedAt': (string);
  /**
   * revoked (by an admin) | superseded (the host called with a newer one)
   */
  'revocationReason': (string);
  'dnsNames': (string)[];
  'ipAddresses': (string)[];
}
