// Original file: strato/host/v1/host.proto

import type { HostCertificate as _strato_host_v1_HostCertificate, HostCertificate__Output as _strato_host_v1_HostCertificate__Output } from '../../../strato/host/v1/HostCertificate.ts';

export interface HostCertificateSet {
  'host'?: (string);
  /**
   * Newest first.
   */
  'certificates'?: (_strato_host_v1_HostCertificate)[];
  /**
   * The certificate the host's agent last called with; empty before its first call.
   */
  'inUseSerial'?: (string);
  /**
   * A rotation was asked for and the agent does not call with its new
   * certificate yet.
   */
  'rotationPending'?: (boolean);
  'rotationRequestedAt'?: (string);
}

export interface HostCertificateSet__Output {
  'host': (string);
  /**
   * Newest first.
   */
  'certificates': (_strato_host_v1_HostCertificate__Output)[];
  /**
   * The certificate the host's agent last called with; empty before its first call.
   */
  'inUseSerial': (string);
  /**
   * A rotation was asked for and the agent does not call with its new
   * certificate yet.
   */
  'rotationPending': (boolean);
  'rotationRequestedAt': (string);
}
