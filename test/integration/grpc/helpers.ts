// Shared setup for the gRPC helper tests: certificates from scripts/make-certs
// in a temp dir, and clients for the fixture Echo service.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const MAKE_CERTS = fileURLToPath(new URL('../../../scripts/make-certs', import.meta.url));

export async function makeCerts(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(MAKE_CERTS, ['--dir', dir, ...args]);
  return stdout;
}

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-grpc-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
