// Running a command from a test: `run` rejects when it fails (the error carries the
// exit `code`, `stdout` and `stderr`, and its message quotes stderr); `runExit` resolves
// with the exit code instead, for tests that assert on a command's failures.
import { type ExecFileOptions, execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** `execFile` as a promise, with all its overloads (options, encodings). */
export const run = promisify(execFile);

export interface ExitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs to completion; a non-zero exit resolves (with its code), a command that cannot start rejects. */
export async function runExit(
  cmd: string,
  args: readonly string[],
  options: ExecFileOptions = {},
): Promise<ExitResult> {
  try {
    const r = await run(cmd, args, { ...options, encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err; // ENOENT, a timeout kill: not an exit code
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** As runExit, with `input` written to the command's standard input (then closed). */
export function runExitWithInput(
  cmd: string,
  args: readonly string[],
  input: string,
  options: ExecFileOptions = {},
): Promise<ExitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { ...options, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve({ code: 0, stdout, stderr });
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'number') return reject(err);
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}
