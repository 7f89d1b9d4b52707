// The conductor as its own process (its bundle, dist/strato-conductor.mjs, as it ships), for tests that must
// kill -9 it. Ready when it logs "conductor started"; stdout/stderr are kept.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { distEntry } from '../../harness/dist.ts';

const NODE = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));

export interface ChildConductor {
  proc: ChildProcess;
  output(): string;
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
}

export async function startChildConductor(args: string[], timeoutMs = 20_000): Promise<ChildConductor> {
  const proc = spawn(NODE, [await distEntry('strato-conductor'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STRATO_LOG_LEVEL: 'info', STRATO_SERVICE: 'strato-conductor-test' },
  });
  let out = '';
  const exited = once(proc, 'exit');
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const child: ChildConductor = {
    proc,
    output: () => out,
    async kill9() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
  const until = Date.now() + timeoutMs;
  while (!out.includes('"conductor started"')) {
    if (proc.exitCode !== null || Date.now() > until) {
      await child.kill9();
      throw new Error(`conductor did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}
