// The client side of the hypervisors' mutual TLS: libvirtd dials the destination's
// libvirtd with a pkipath holding cacert.pem, clientcert.pem and clientkey.pem. They
// are this host's strato certificates (CA-signed, the underlay IP as SAN), copied
// before every migration so a renewed certificate is the one used. Root's only.
import { chmod, copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../state-dir/file-access.ts';

export interface TlsFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
}

export function migrationPkiDir(stateDir: string): string {
  return join(stateDir, 'libvirt-pki');
}

/** Writes the pkipath directory from `tls` and returns it. */
export async function writeMigrationPki(stateDir: string, tls: TlsFiles): Promise<string> {
  const dir = migrationPkiDir(stateDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  for (const [from, name] of [
    [tls.caFile, 'cacert.pem'],
    [tls.certFile, 'clientcert.pem'],
    [tls.keyFile, 'clientkey.pem'],
  ] as const) {
    await copyFile(from, join(dir, name));
    await chmod(join(dir, name), PRIVATE_FILE_MODE);
  }
  return dir;
}
