// What the conductor remembers of each host's mutual-TLS certificates, as stored:
//
//   /host-certificates/<host id>    HostCertificatesRecord
//
// One record per host holds every certificate it may still present: those the
// conductor issued or renewed, and one made elsewhere (scripts/make-certs) that
// the host called with before it had a record ("adopted"). Once a record
// exists, the host is pinned to it: a certificate the record does not hold as
// valid is refused on every call (certificate-rules.ts). Revoked entries stay
// until they expire, as in a CRL; expired ones are dropped when the record is
// next written (TLS refuses them anyway).

export const HOST_CERTIFICATES = '/host-certificates/';
export const hostCertificatesKey = (hostId: string): string => HOST_CERTIFICATES + encodeURIComponent(hostId);

export type CertificateOrigin = 'issued' | 'renewed' | 'adopted';
export type RevocationReason = 'revoked' | 'superseded';
export type CertificateState = 'valid' | 'revoked' | 'expired';

/** The facts of a certificate that a check needs (from the certificate itself). */
export interface CertificateFacts {
  /** Upper-case hex, no leading zeros (common/grpc/credentials.ts normalizeSerial). */
  serial: string;
  fingerprint256: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  dnsNames: string[];
  ipAddresses: string[];
}

export interface CertificateEntry extends CertificateFacts {
  origin: CertificateOrigin;
  /** When the conductor recorded it (ISO 8601): the order "newer" means. */
  recordedAt: string;
  revokedAt?: string;
  revocationReason?: RevocationReason;
}

export interface HostCertificatesRecord {
  hostId: string;
  /** In the order recorded, oldest first. */
  certificates: CertificateEntry[];
  /** The serial the host's agent last called with. */
  inUseSerial?: string;
  /** Set by RotateHostCertificate; cleared once the agent calls with a certificate recorded since. */
  rotationRequestedAt?: string;
}
