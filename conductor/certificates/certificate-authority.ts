// The deployment's CA as the conductor holds it: <tls-dir>/ca.crt and ca.key,
// made by `scripts/make-certs --dir <tls-dir> --ca` on the conductor host (under
// systemd the unit hands the key to the service alone, LoadCredential=, from
// /etc/strato/tls, which stays root's). The key
// must be readable by its owner only; without a key the conductor still checks
// and revokes certificates but issues none (CA_UNAVAILABLE). Signing runs openssl
// (common/pki/openssl.ts): node:crypto cannot make certificates.
import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failedPrecondition, invalidArgument, StratoError } from '../../common/errors.ts';
import { certificateDate, normalizeSerial, subjectAltNames } from '../../common/grpc/credentials.ts';
import { openssl, runOpenssl } from '../../common/pki/openssl.ts';
import type { CertificateFacts } from './certificate-record.ts';

export interface CaFiles {
  caFile: string;
  keyFile: string;
}

export interface SignRequest {
  /** Verified already (checkRequest). */
  csrPem: string;
  hostId: string;
  dnsNames: readonly string[];
  ipAddresses: readonly string[];
  validityDays: number;
}

export interface SignedCertificate {
  pem: string;
  facts: CertificateFacts;
}

/** What a certificate request carries that the CA checks: its key. */
export interface CheckedRequest {
  publicKey: KeyObject;
}

/** The facts of a certificate, as the records keep them. */
export function certificateFacts(cert: X509Certificate): CertificateFacts {
  return {
    serial: normalizeSerial(cert.serialNumber),
    fingerprint256: cert.fingerprint256,
    notBefore: certificateDate(cert.validFrom),
    notAfter: certificateDate(cert.validTo),
    ...subjectAltNames(cert.subjectAltName),
  };
}

const csrInvalid = (why: string) => invalidArgument('CSR_INVALID', `csr ${why}`, { details: { field: 'csr' } });

/** Keys a host certificate may have: what TLS peers here all speak, and not weak. */
function strongEnough(key: KeyObject): boolean {
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') return d.namedCurve === 'prime256v1' || d.namedCurve === 'secp384r1';
  if (key.asymmetricKeyType === 'rsa') return (d.modulusLength ?? 0) >= 2048 && (d.modulusLength ?? 0) <= 8192;
  return key.asymmetricKeyType === 'ed25519';
}

/**
 * The request's key, once openssl verified the request's self-signature (the
 * proof that the caller holds the key). Errors: INVALID_ARGUMENT/CSR_INVALID.
 */
export async function checkRequest(csrPem: string): Promise<CheckedRequest> {
  const r = await runOpenssl(['req', '-noout', '-verify', '-pubkey'], { stdin: csrPem });
  // OpenSSL 3.0 exits 0 even when the signature does not verify: its words decide.
  if (r.code !== 0 || !/verify OK/.test(r.stderr)) throw csrInvalid('is not a certificate request signed by its key');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(r.stdout);
  } catch {
    throw csrInvalid('holds no public key');
  }
  if (!strongEnough(publicKey)) throw csrInvalid('must be for an EC P-256/P-384, Ed25519 or RSA 2048+ key');
  return { publicKey };
}

/** 128 random bits as a positive serial with no leading zero (so every tool prints it alike). */
function newSerial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x10;
  return b.toString('hex').toUpperCase();
}

export class CertificateAuthority {
  readonly caPem: string;
  private readonly files: CaFiles;

  private constructor(files: CaFiles, caPem: string) {
    this.files = files;
    this.caPem = caPem;
  }

  /**
   * The CA in `files`, or undefined when there is no key this process may read
   * (issuing is off; checking and revoking still work).
   * Throws (the conductor does not start) for a key others may read or one that
   * is not the certificate's.
   */
  static async load(files: CaFiles): Promise<CertificateAuthority | undefined> {
    let mode: number;
    try {
      mode = (await stat(files.keyFile)).mode;
    } catch (err) {
      // No key here (or none this account may see): the CA lives elsewhere.
      if (['ENOENT', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw err;
    }
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `${files.keyFile} may be read by others (mode ${(mode & 0o777).toString(8)}): chmod 600 it (the CA key signs every host)`,
      );
    }
    let keyPem: Buffer;
    try {
      keyPem = await readFile(files.keyFile);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EACCES') return undefined;
      throw err;
    }
    const caPem = await readFile(files.caFile, 'utf8');
    const ca = new X509Certificate(caPem);
    if (!ca.ca || !ca.checkPrivateKey(createPrivateKey(keyPem))) {
      throw new Error(`${files.keyFile} is not the key of the CA certificate ${files.caFile}`);
    }
    return new CertificateAuthority(files, caPem);
  }

  /**
   * Signs a certificate for the request's key: CN and first DNS SAN the host,
   * usable by TLS servers and clients, a fresh random serial.
   */
  async sign(r: SignRequest): Promise<SignedCertificate> {
    const san = [`DNS:${r.hostId}`, ...r.dnsNames.map((n) => `DNS:${n}`), ...r.ipAddresses.map((a) => `IP:${a}`)];
    // `x509 -req` signs the request's key (and checks its self-signature); the
    // request's own subject and extensions are ignored: -subj and the extension
    // file (names checked by certificate-input.ts; nothing secret) say what the
    // certificate is.
    const dir = await mkdtemp(join(tmpdir(), 'strato-sign-'));
    try {
      const extFile = join(dir, 'ext.cnf');
      await writeFile(
        extFile,
        [
          '[host]',
          'basicConstraints = critical,CA:FALSE',
          'keyUsage = critical,digitalSignature,keyEncipherment',
          'extendedKeyUsage = serverAuth,clientAuth',
          `subjectAltName = ${san.join(',')}`,
          '',
        ].join('\n'),
        { mode: 0o600 },
      );
      const pem = await openssl(
        [
          ...['x509', '-req', '-CA', this.files.caFile, '-CAkey', this.files.keyFile],
          ...['-subj', `/CN=${r.hostId}`, '-set_serial', `0x${newSerial()}`, '-days', String(r.validityDays)],
          ...['-sha256', '-extfile', extFile, '-extensions', 'host'],
        ],
        'CERTIFICATE_SIGNING_FAILED',
        { stdin: r.csrPem },
      );
      return this.checked(pem);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private checked(pem: string): SignedCertificate {
    const cert = new X509Certificate(pem);
    if (!cert.verify(new X509Certificate(this.caPem).publicKey)) {
      throw new StratoError('INTERNAL', 'CERTIFICATE_SIGNING_FAILED', 'openssl made a certificate the CA did not sign');
    }
    return { pem, facts: certificateFacts(cert) };
  }
}

export function requireCa(ca: CertificateAuthority | undefined): CertificateAuthority {
  if (!ca) {
    throw failedPrecondition(
      'CA_UNAVAILABLE',
      'this conductor holds no CA key (ca.key in its TLS directory): it cannot sign certificates',
    );
  }
  return ca;
}
