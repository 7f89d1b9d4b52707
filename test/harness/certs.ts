// Mutual-TLS material for tests, made by the same script an operator runs
// (scripts/make-certs): a CA, the conductor's certificate (CN=conductor, named by every
// address agents and clients dial) and one certificate per host, named by its host id.
import { fileURLToPath } from 'node:url';
import { run } from './exec.ts';

export const MAKE_CERTS = fileURLToPath(new URL('../../scripts/make-certs', import.meta.url));

export async function makeCa(dir: string): Promise<void> {
  await run(MAKE_CERTS, ['--dir', dir, '--ca']);
}

/** A certificate `name` signed by the CA in `dir`, valid for these IP addresses and DNS names. */
export async function makeCert(dir: string, name: string, ips: readonly string[], dns: readonly string[] = []) {
  await run(MAKE_CERTS, [
    ...['--dir', dir, '--name', name],
    ...ips.flatMap((ip) => ['--ip', ip]),
    ...dns.flatMap((d) => ['--dns', d]),
  ]);
}

/** Everything on loopback: a CA, `conductor` (127.0.0.1, localhost) and each of `hosts` (127.0.0.1). */
export async function makeTestPki(dir: string, hosts: readonly string[] = []): Promise<void> {
  await makeCa(dir);
  await makeCert(dir, 'conductor', ['127.0.0.1'], ['localhost']);
  for (const h of hosts) await makeCert(dir, h, ['127.0.0.1']);
}
