// The mutual-TLS material of a test cloud, made by the same script an operator runs
// (scripts/make-certs): a CA, the conductor's certificate (named by every address
// agents and clients dial) and one certificate per host, named by its host id and
// underlay address (the conductor dials agents there).
import { fileURLToPath } from 'node:url';
import { run } from '../../harness/host-plumbing.ts';

const MAKE_CERTS = fileURLToPath(new URL('../../../scripts/make-certs', import.meta.url));

export async function makeCa(dir: string): Promise<void> {
  await run(MAKE_CERTS, ['--dir', dir, '--ca']);
}

export async function makeCert(dir: string, name: string, ips: readonly string[]): Promise<void> {
  await run(MAKE_CERTS, ['--dir', dir, '--name', name, ...ips.flatMap((ip) => ['--ip', ip])]);
}
