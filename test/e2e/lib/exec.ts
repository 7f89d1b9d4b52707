// Running a command to completion with its output in a file, not a pipe: scripts
// that start daemons (libvirtd -d, the quick start's background daemons) could hand
// a pipe down to a process that outlives them, and the test would wait forever.
import { spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';

export interface ExecResult {
  code: number | null;
  /** stdout and stderr, interleaved as written. */
  output: string;
  ms: number;
}

export async function execToFile(
  cmd: string,
  args: readonly string[],
  o: { logFile: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ExecResult> {
  const fh = await open(o.logFile, 'w');
  const t0 = performance.now();
  let code: number | null;
  try {
    const child = spawn(cmd, args, { stdio: ['ignore', fh.fd, fh.fd], env: o.env ?? process.env });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs);
    code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c) => resolve(c));
    }).finally(() => clearTimeout(timer));
  } finally {
    await fh.close();
  }
  return { code, output: await readFile(o.logFile, 'utf8'), ms: Math.round(performance.now() - t0) };
}
