// Mutual TLS between conductor and agents: both sides hold a key and a
// certificate signed by the deployment's CA (scripts/make-certs), and a
// server refuses any client without one. The certificate also names the peer,
// so the conductor can accept an agent only as the host its cert names.
import { readFile } from 'node:fs/promises';
import type { PeerCertificate } from 'node:tls';
import { type ChannelCredentials, credentials, ServerCredentials } from '@grpc/grpc-js';

export interface TlsFiles {
  /** PEM CA certificate that signs every peer's certificate. */
  caFile: string;
  certFile: string;
  keyFile: string;
}

interface TlsMaterial {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

async function readTls(files: TlsFiles): Promise<TlsMaterial> {
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

/** Client credentials presenting our certificate and trusting only the CA. */
export async function mtlsChannelCredentials(files: TlsFiles): Promise<ChannelCredentials> {
  const { ca, cert, key } = await readTls(files);
  return credentials.createSsl(ca, key, cert);
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
  fingerprint256: string;
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
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  // Node renders SANs as "DNS:a, DNS:b, IP Address:10.0.0.1".
  for (const part of (cert.subjectaltname ?? '').split(',')) {
    const entry = part.trim();
    if (entry.startsWith('DNS:')) dnsNames.push(entry.slice(4));
    else if (entry.startsWith('IP Address:')) ipAddresses.push(entry.slice(11));
  }
  return {
    commonName: Array.isArray(cn) ? (cn[0] ?? '') : (cn ?? ''),
    dnsNames,
    ipAddresses,
    fingerprint256: cert.fingerprint256,
  };
}

/** True when the verified peer certificate names `host` (as its CN or a SAN DNS name). */
export function peerNames(identity: PeerIdentity | undefined, host: string): boolean {
  if (!identity) return false;
  return identity.commonName === host || identity.dnsNames.includes(host);
}
