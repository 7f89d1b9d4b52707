// Runs the storage tools (lvm, tgtadm, qemu-img, cp, losetup, blkdiscard, nft) without
// a shell and always with a deadline: a tool stuck on a hung device or a dead daemon
// must fail the call (and be killed), never hold a volume's lock forever.
import { spawn } from 'node:child_process';
import { StratoError, unavailable } from '../../common/errors.ts';

export interface RunOptions {
  timeoutMs: number;
  /** Added to the agent's environment. */
  env?: Record<string, string>;
  stdin?: string;
  /** Sees stdout as it arrives (qemu-img's progress). */
  onStdout?: (chunk: string) => void;
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

const KEEP = 64 * 1024; // a tool's output is kept up to this; progress output can be long

/** Resolves with the exit code (callers decide what failure means). */
export function runProcess(argv: readonly string[], opts: RunOptions): Promise<ProcessResult> {
  const [cmd, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, args, {
      stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: opts.env === undefined ? process.env : { ...process.env, ...opts.env },
      timeout: opts.timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      opts.onStdout?.(d);
      if (stdout.length < KEEP) stdout += d;
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < KEEP) stderr += d;
    });
    child.on('error', (err) =>
      reject(unavailable('TOOL_UNAVAILABLE', `${cmd} could not be started`, { cause: err, details: { tool: cmd! } })),
    );
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && code === null) {
        reject(
          new StratoError('DEADLINE_EXCEEDED', 'TOOL_TIMEOUT', `${cmd} did not finish within ${opts.timeoutMs} ms`, {
            details: { tool: cmd! },
          }),
        );
        return;
      }
      resolve({ code: code ?? 128, stdout, stderr });
    });
    if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
  });
}

/** Resolves with stdout on exit 0; otherwise rejects INTERNAL with `reason` and the tool's own words. */
export async function runChecked(argv: readonly string[], reason: string, opts: RunOptions): Promise<string> {
  const r = await runProcess(argv, opts);
  if (r.code !== 0) throw toolFailed(argv, r, reason);
  return r.stdout;
}

export function toolFailed(argv: readonly string[], r: ProcessResult, reason: string): StratoError {
  const words = r.stderr.trim().split('\n').slice(-5).join(' ').slice(0, 1000) || `exit ${r.code}`;
  return new StratoError('INTERNAL', reason, `${argv[0]} ${argv[1] ?? ''} failed: ${words}`, {
    details: { tool: argv[0]!, exitCode: String(r.code) },
  });
}

/** A deadline for copying `bytes`: a minute plus 20 MiB/s, generous for slow disks. */
export const copyTimeoutMs = (bytes: number): number => 60_000 + Math.ceil(bytes / (20 * 1024 * 1024)) * 1000;
