// Original file: strato/host/v1/host.proto

import type { HostCertificate as _strato_host_v1_HostCertificate, HostCertificate__Output as _strato_host_v1_HostCertificate__Output } from '../../../strato/host/v1/HostCertificate.ts';

export interface IssueHostCertificateResponse {
  'certificate'?: (_strato_host_v1_HostCertificate | null);
  'certificatePem'?: (string);
  /**
   * PKCS#8 PEM; the only copy.
   */
  'privateKeyPem'?: (string);
  /**
   * The CA certificate hosts trust (the conductor's and every agent's certificates chain to it).
   */
  'caCertificatePem'?: (string);
}

export interface IssueHostCertificateResponse__Output {
  'certificate': (_strato_host_v1_HostCertificate__Output | null);
  'certificatePem': (string);
  /**
   * PKCS#8 PEM; the only copy.
   */
  'privateKeyPem': (string);
  /**
   * The CA certificate hosts trust (the conductor's and every agent's certificates chain to it).
   */
  'caCertificatePem': (string);
}
