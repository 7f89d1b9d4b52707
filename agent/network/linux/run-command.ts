// Spawning the few tools the driver still needs (nft, nsenter + dnsmasq), optionally
// inside a named network namespace via `nsenter --net=/run/netns/NAME` (never
// `ip netns exec`: it would also remount /sys, which nft and dnsmasq do not need).
import { spawn } from 'node:child_process';
import { internal, unavailable } from '../../../common/errors.ts';
import { NETNS_RUN_DIR } from '../netlink/namespaces.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** argv prefix that runs a command inside named namespace `ns` (none for the agent's own). */
export function inNetns(ns: string | undefined): string[] {
  return ns === undefined ? [] : ['nsenter', `--net=${NETNS_RUN_DIR}/${ns}`, '--'];
}

/** Runs to completion; resolves with the exit code (callers decide what failure means). */
export function runCommand(argv: readonly string[], stdin?: string): Promise<CommandResult> {
  const [cmd, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, args, { stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', (err) =>
      reject(unavailable('TOOL_UNAVAILABLE', `${cmd} could not be started`, { cause: err, details: { cmd: cmd! } })),
    );
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

export async function runChecked(argv: readonly string[], reason: string, stdin?: string): Promise<string> {
  const r = await runCommand(argv, stdin);
  if (r.code !== 0) {
    throw internal(reason, `${argv.join(' ')} failed: ${r.stderr.trim() || `exit ${r.code}`}`, {
      details: { exitCode: String(r.code), stderr: r.stderr.trim().slice(0, 2000) },
    });
  }
  return r.stdout;
}
