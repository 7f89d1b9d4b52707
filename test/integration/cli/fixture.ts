// The real strato-conductor (dist/strato-conductor.mjs, spawned) on loopback with a
// temp data dir and certificates from scripts/make-certs, a clouds.yaml for
// the CLI pointing at its public API (TLS, no client certificate), and a
// helper that runs bin/strato with its own HOME (so the token cache and the
// compile cache are the test's own). No agents: servers go to ERROR
// ("No valid host"); booting real guests is test/e2e's business.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { makeTestPki } from '../../harness/certs.ts';
import { distEntry } from '../../harness/dist.ts';
import { runExit, runExitWithInput } from '../../harness/exec.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const STRATO = join(ROOT, 'bin', 'strato');
// bin/strato runs dist/strato.mjs and the fixture runs the conductor's bundle: both
// built (when a source changed) before any importer runs one.
const CONDUCTOR_MAIN = await distEntry('strato-conductor');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const START_TIMEOUT_MS = 30_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliFixture {
  dir: string;
  /** HOME of the CLI runs (token cache under it). */
  home: string;
  endpoint: string;
  /** The conductor's registry (mutual TLS), for agents. */
  registryAddress: string;
  /** The certificates (scripts/make-certs): add a host's with `--name`. */
  pki: string;
  caFile: string;
  configFile: string;
  adminPasswordFile: string;
  /** The conductor's process id (bench/footprint.bench.ts reads its memory). */
  conductorPid: number;
  /** Runs bin/strato with the fixture's HOME and config; never throws on a non-zero exit. */
  strato(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** The same, with `stdin` on its standard input. */
  stratoIn(args: string[], stdin: string, env?: Record<string, string>): Promise<CliResult>;
  close(): Promise<void>;
}

/** Starts the conductor (its bundle, dist/strato-conductor.mjs) and resolves its ports from its 'conductor started' log line. */
async function startConductor(
  dir: string,
  pki: string,
): Promise<{ child: ChildProcess; port: number; registryPort: number; log: string[] }> {
  const child = spawn(
    NODE,
    [
      CONDUCTOR_MAIN,
      '--data-dir',
      join(dir, 'data'),
      '--listen',
      '127.0.0.1:0',
      '--registry-listen',
      '127.0.0.1:0',
      '--tls-dir',
      pki,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, STRATO_LOG_LEVEL: 'info' } },
  );
  const log: string[] = [];
  child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const ports = await new Promise<{ port: number; registryPort: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`conductor did not start in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      log.push(line);
      try {
        const rec = JSON.parse(line) as { msg?: string; publicPort?: number; registryPort?: number };
        if (rec.msg === 'conductor started' && rec.publicPort && rec.registryPort) {
          clearTimeout(timer);
          resolve({ port: rec.publicPort, registryPort: rec.registryPort });
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`conductor exited (${code ?? signal}) before starting:\n${log.slice(-20).join('\n')}`));
    });
  });
  return { child, ...ports, log };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function startCliFixture(): Promise<CliFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-cli-test-'));
  const cleanups: (() => unknown)[] = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  };
  try {
    const pki = join(dir, 'pki');
    await makeTestPki(pki);
    const { child, port, registryPort } = await startConductor(dir, pki);
    // Never leave the daemon behind, even if the test process dies on an error.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    cleanups.push(async () => {
      await stopChild(child);
      process.off('exit', killOnExit);
    });

    const home = join(dir, 'home');
    await mkdir(home, { mode: 0o700 });
    const endpoint = `127.0.0.1:${port}`;
    const caFile = join(pki, 'ca.crt');
    const configFile = join(dir, 'clouds.yaml');
    const adminPasswordFile = join(dir, 'data', 'admin-password');
    await writeFile(
      configFile,
      [
        'clouds:',
        '  default:',
        `    endpoint: ${endpoint}`,
        '    ca_file: pki/ca.crt',
        '    auth:',
        '      username: admin',
        '      password_file: data/admin-password',
        '      project: admin',
        '',
      ].join('\n'),
    );
    const options = (env: Record<string, string>) => ({
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, STRATO_CONFIG: configFile, ...env },
      timeout: 60_000,
    });
    const strato = (args: string[], env: Record<string, string> = {}): Promise<CliResult> =>
      runExit(STRATO, args, options(env));
    const stratoIn = (args: string[], stdin: string, env: Record<string, string> = {}): Promise<CliResult> =>
      runExitWithInput(STRATO, args, stdin, options(env));
    const registryAddress = `127.0.0.1:${registryPort}`;
    return {
      dir,
      home,
      endpoint,
      registryAddress,
      pki,
      caFile,
      configFile,
      adminPasswordFile,
      conductorPid: child.pid ?? 0,
      strato,
      stratoIn,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
