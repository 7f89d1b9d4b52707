// Original file: strato/host/v1/host.proto


export interface IssueHostCertificateRequest {
  'host'?: (string);
  /**
   * Subject alternative names besides DNS:<host>; at most 16 of each.
   */
  'ipAddresses'?: (string)[];
  'dnsNames'?: (string)[];
  /**
   * 0: the conductor's default; at most 3650.
   */
  'validityDays'?: (number);
}

export interface IssueHostCertificateRequest__Output {
  'host': (string);
  /**
   * Subject alternative names besides DNS:<host>; at most 16 of each.
   */
  'ipAddresses': (string)[];
  'dnsNames': (string)[];
  /**
   * 0: the conductor's default; at most 3650.
   */
  'validityDays': (number);
}
