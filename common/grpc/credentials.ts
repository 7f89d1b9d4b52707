// Mutual TLS between conductor and agents: both sides hold a key and a
// certificate signed by the deployment's CA (scripts/make-certs), and a
// server refuses any client without one. The certificate also names the peer,
// so the conductor can accept an agent only as the host its cert names, and
// its serial and fingerprint, so the conductor can refuse one it revoked on
// every call (conductor/certificates/).
import { readFile } from 'node:fs/promises';
import type { PeerCertificate } from 'node:tls';
import { type ChannelCredentials, credentials, ServerCredentials, type VerifyOptions } from '@grpc/grpc-js';

export interface TlsFiles {
  /** PEM CA certificate that signs every peer's certificate. */
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** The PEM contents of TlsFiles. */
export interface TlsMaterial {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

export async function readTls(files: TlsFiles): Promise<TlsMaterial> {
  const [ca, cert, key] = await Promise.all([
    readFile(files.caFile),
    readFile(files.certFile),
    readFile(files.keyFile),
  ]);
  return { ca, cert, key };
}

/** Server credentials that require a client certificate signed by the CA. */
export async function mtlsServerCredentials(files: TlsFiles): Promise<ServerCredentials> {
  const { ca, cert, key } = await readTls(files);
  return ServerCredentials.createSsl(ca, [{ private_key: key, cert_chain: cert }], true);
}

/**
 * Client credentials presenting our certificate and trusting only the CA;
 * `verify.checkServerIdentity` may refuse a server's certificate beyond the
 * name check (it runs at every TLS handshake).
 */
export async function mtlsChannelCredentials(files: TlsFiles, verify?: VerifyOptions): Promise<ChannelCredentials> {
  return mtlsChannelCredentialsFrom(await readTls(files), verify);
}

export function mtlsChannelCredentialsFrom(m: TlsMaterial, verify?: VerifyOptions): ChannelCredentials {
  return credentials.createSsl(m.ca, m.key, m.cert, verify);
}

/** Plain-text credentials, for tests and loopback-only development. */
export const insecureServerCredentials = (): ServerCredentials => ServerCredentials.createInsecure();
export const insecureChannelCredentials = (): ChannelCredentials => credentials.createInsecure();

export interface PeerIdentity {
  /** Subject CN of the peer's certificate. */
  commonName: string;
  /** DNS names from subjectAltName. */
  dnsNames: string[];
  /** IP addresses from subjectAltName. */
  ipAddresses: string[];
  /** SHA-256 of the DER certificate, `AB:CD:…`. */
  fingerprint256: string;
  /** Upper-case hex without leading zeros (normalizeSerial). */
  serial: string;
  /** Validity, ISO 8601. */
  validFrom: string;
  validTo: string;
  /** The DER certificate (for its public key). */
  raw: Buffer;
}

/** A serial as strato records it: upper-case hex without leading zeros ('0' for zero). */
export function normalizeSerial(hex: string): string {
  return hex.replace(/^0+/, '').toUpperCase() || '0';
}

/** Node's certificate date ("Dec  3 08:35:21 2026 GMT") as ISO 8601; '' when unreadable. */
export function certificateDate(text: string): string {
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** The part of a grpc-js server call this needs (every call kind has it). */
export interface HasAuthContext {
  getAuthContext(): { sslPeerCertificate?: PeerCertificate } | null;
}

/**
 * Who is calling, from the verified client certificate; undefined on an
 * insecure connection. grpc-js has checked the chain against the CA already.
 */
export function peerIdentity(call: HasAuthContext): PeerIdentity | undefined {
  const cert = call.getAuthContext()?.sslPeerCertificate;
  if (!cert?.subject) return undefined;
  const cn = cert.subject.CN;
  return {
    commonName: Array.isArray(cn) ? (cn[0] ?? '') : (cn ?? ''),
    ...subjectAltNames(cert.subjectaltname),
    fingerprint256: cert.fingerprint256,
    serial: normalizeSerial(cert.serialNumber ?? ''),
    validFrom: certificateDate(cert.valid_from),
    validTo: certificateDate(cert.valid_to),
    raw: cert.raw,
  };
}

/** The DNS names and IP addresses of a subjectAltName as Node renders it ("DNS:a, DNS:b, IP Address:10.0.0.1"). */
export function subjectAltNames(text: string | undefined): { dnsNames: string[]; ipAddresses: string[] } {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  for (const part of (text ?? '').split(',')) {
    const entry = part.trim();
    if (entry.startsWith('DNS:')) dnsNames.push(entry.slice(4));
    else if (entry.startsWith('IP Address:')) ipAddresses.push(entry.slice(11));
  }
  return { dnsNames, ipAddresses };
}

/** True when the verified peer certificate names `host` (as its CN or a SAN DNS name). */
export function peerNames(identity: PeerIdentity | undefined, host: string): boolean {
  if (!identity) return false;
  return identity.commonName === host || identity.dnsNames.includes(host);
}
