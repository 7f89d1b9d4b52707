// Runs a host tool (qemu-img, genisoimage) asynchronously, never through a shell,
// and turns a failure into a StratoError that quotes the tool's own words.
import { spawn } from 'node:child_process';
import { StratoError } from '../../common/errors.ts';

export interface ToolResult {
  stdout: string;
  stderr: string;
}

/** Resolves with the output on exit 0; otherwise rejects INTERNAL with `reason`. */
export function runTool(cmd: string, args: readonly string[], reason: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', (err) =>
      reject(new StratoError('INTERNAL', reason, `${cmd}: ${err.message}`, { cause: err, details: { tool: cmd } })),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ stdout, stderr });
      const why = signal ? `killed by ${signal}` : `exit ${code}`;
      reject(
        new StratoError('INTERNAL', reason, `${cmd} failed (${why}): ${stderr.trim().slice(-2000)}`, {
          details: { tool: cmd },
        }),
      );
    });
  });
}
