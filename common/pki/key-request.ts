// A new private key and a certificate request for it: what the conductor makes
// for a host it installs (HostCertificates.IssueHostCertificate: key and
// request come out of one openssl run on its stdout, so the key is written
// nowhere), and a request for a key a host already holds in its file (the
// agent's renewal: the key never leaves the host).
import { openssl } from './openssl.ts';

/** What a certificate's CN may be here: a host id or `conductor` (safe inside openssl's -subj). */
const SUBJECT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/;

function subject(commonName: string): string {
  if (!SUBJECT_NAME_RE.test(commonName)) throw new Error(`not a certificate subject name: ${commonName}`);
  return `/CN=${commonName}`;
}

const pemBlock = (text: string, label: string): string | undefined =>
  new RegExp(`-----BEGIN ${label}-----\\r?\\n[\\s\\S]*?-----END ${label}-----\\r?\\n?`).exec(text)?.[0];

/** An EC P-256 key (what scripts/make-certs makes) in PKCS#8 PEM and a PKCS#10 request for it, subject CN=`commonName`. */
export async function newKeyAndRequest(commonName: string): Promise<{ keyPem: string; csrPem: string }> {
  const out = await openssl(
    [
      ...['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-noenc'],
      ...['-keyout', '-', '-out', '-', '-subj', subject(commonName)],
    ],
    'CSR_FAILED',
  );
  const keyPem = pemBlock(out, 'PRIVATE KEY');
  const csrPem = pemBlock(out, 'CERTIFICATE REQUEST');
  if (!keyPem || !csrPem) throw new Error('openssl req printed no key and request');
  return { keyPem, csrPem };
}

/** A PKCS#10 request (PEM) for the key in `keyFile`, subject CN=`commonName`, signed with the key. */
export async function certificateRequest(keyFile: string, commonName: string): Promise<string> {
  return openssl(['req', '-new', '-key', keyFile, '-subj', subject(commonName)], 'CSR_FAILED');
}
