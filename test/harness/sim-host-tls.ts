// A simulated host's libvirtd as a migration peer: it listens with libvirt's TLS
// transport (listen_tls, no plain TCP) on the host's underlay address only, with the
// host's strato certificate (CN = host name, the underlay IP as SAN, signed by the
// cloud CA) as its server certificate and that CA as the only one it trusts for
// clients; QEMU's incoming migration streams bind the same address
// (HOST-FACTS "Live migration between simulated hosts").
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeCert } from './certs.ts';
import type { HostDirs } from './sim-host-dirs.ts';

export interface SimLibvirtTls {
  /** Holds ca.crt and ca.key (scripts/make-certs --ca); each host's <name>.crt/.key is made there. */
  tlsDir: string;
}

/** The marker sim-host-init.sh looks for to start libvirtd with --listen. */
export const LISTEN_MARKER = 'libvirtd-listen';

const q = (s: string): string => JSON.stringify(s);

/** Makes the host's certificate and writes the listener settings before its libvirtd starts. */
export async function configureLibvirtTls(
  dirs: HostDirs,
  tls: SimLibvirtTls,
  name: string,
  underlayIp: string,
): Promise<void> {
  await makeCert(tls.tlsDir, name, [underlayIp]);
  await appendFile(
    join(dirs.etcLibvirt, 'libvirtd.conf'),
    [
      '',
      '# strato simulated host: migrations over TLS on the underlay address only',
      'listen_tls = 1',
      'listen_tcp = 0',
      `listen_addr = ${q(underlayIp)}`,
      'auth_tls = "none"',
      'tls_no_verify_certificate = 0',
      `ca_file = ${q(join(tls.tlsDir, 'ca.crt'))}`,
      `cert_file = ${q(join(tls.tlsDir, `${name}.crt`))}`,
      `key_file = ${q(join(tls.tlsDir, `${name}.key`))}`,
      '',
    ].join('\n'),
  );
  await appendFile(
    join(dirs.etcLibvirt, 'qemu.conf'),
    ['', `migration_address = ${q(underlayIp)}`, `migration_host = ${q(underlayIp)}`, ''].join('\n'),
  );
  await writeFile(join(dirs.dir, LISTEN_MARKER), '');
}
