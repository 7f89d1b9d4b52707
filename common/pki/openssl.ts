// The openssl command line, for what node:crypto cannot do: certificate
// requests and signing certificates (scripts/make-certs uses the same tool).
// Never through a shell: arguments are an array, input (a certificate request)
// goes through stdin (openssl's default input when no -in is given: Node's
// stdin is a socket, which `/dev/stdin` cannot open), and every run has a
// deadline.
import { spawn } from 'node:child_process';
import { StratoError } from '../errors.ts';

export interface OpensslOptions {
  /** Fed to the child's stdin (what openssl reads without -in). */
  stdin?: string;
  /** @default 15_000 */
  timeoutMs?: number;
}

export interface OpensslResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs openssl; resolves with its exit code and output (callers decide what failure means). */
export function runOpenssl(args: readonly string[], o: OpensslOptions = {}): Promise<OpensslResult> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, {
      stdio: [o.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      // The system's openssl.cnf must not add extensions or defaults to what we sign.
      env: { ...process.env, OPENSSL_CONF: '/dev/null' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', (err) =>
      reject(new StratoError('UNAVAILABLE', 'OPENSSL_UNAVAILABLE', `openssl could not be started: ${err.message}`)),
    );
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && code === null) {
        reject(
          new StratoError('DEADLINE_EXCEEDED', 'OPENSSL_TIMEOUT', `openssl did not finish within ${timeoutMs} ms`),
        );
        return;
      }
      resolve({ code: code ?? 128, stdout, stderr });
    });
    // A child that exits before reading all of stdin (a bad argument) must not crash us.
    child.stdin?.on('error', () => {});
    if (o.stdin !== undefined) child.stdin!.end(o.stdin);
  });
}

/** Runs openssl and returns its stdout; a non-zero exit is an INTERNAL error with `reason` and its stderr. */
export async function openssl(args: readonly string[], reason: string, o: OpensslOptions = {}): Promise<string> {
  const r = await runOpenssl(args, o);
  if (r.code !== 0) {
    throw new StratoError('INTERNAL', reason, `openssl ${args[0]} failed: ${r.stderr.trim().slice(-500)}`);
  }
  return r.stdout;
}
