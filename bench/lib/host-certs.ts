// Many host certificates, quickly: one certificate per simulated host (CN and
// SAN = its host id, client and server use, signed by the test CA in `dir`,
// as scripts/make-certs issues them), all for ONE shared key — a benchmark of
// a thousand agents needs a thousand identities, not a thousand key pairs.
// One openssl call per host, a few at a time.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Writes `dir/shared-host.key` and `dir/<host>.crt` for each host; returns the key's path. */
export async function issueHostCerts(dir: string, hosts: readonly string[], parallel = 4): Promise<string> {
  const key = join(dir, 'shared-host.key');
  await exec('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const host = hosts[next++]!;
      await exec('openssl', [
        ...['req', '-new', '-x509', '-key', key, '-subj', `/CN=${host}`, '-days', '2'],
        ...['-CA', join(dir, 'ca.crt'), '-CAkey', join(dir, 'ca.key')],
        ...['-addext', `subjectAltName=DNS:${host}`, '-addext', 'extendedKeyUsage=serverAuth,clientAuth'],
        ...['-addext', 'basicConstraints=critical,CA:FALSE', '-out', join(dir, `${host}.crt`)],
      ]);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return key;
}
