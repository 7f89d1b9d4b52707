// A real strato daemon run by an end-to-end test: a child process whose stdout and
// stderr go to a log file (appended across restarts, so a test that kills and
// restarts a daemon keeps one history). The test owns the process: `kill` it with
// any signal, `restart` it with the same command line.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { open, readFile } from 'node:fs/promises';

export type Spawner = (
  cmd: string,
  args: readonly string[],
  opts: { stdio: ['ignore', number, number] },
) => ChildProcess;

export const NODE = new URL('../../../node_modules/.bin/node', import.meta.url).pathname;

export interface DaemonOptions {
  name: string;
  /** The script and its flags, run with the repository's Node. */
  args: readonly string[];
  logFile: string;
  /** How to start it (inside a simulated host: `host.spawn`). @default child_process.spawn */
  spawner?: Spawner;
  env?: NodeJS.ProcessEnv;
  /** Called after every (re)start with the new pid. */
  onStart?: (pid: number | undefined) => Promise<void> | void;
}

export class Daemon {
  readonly name: string;
  readonly logFile: string;
  private readonly options: DaemonOptions;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(options: DaemonOptions) {
    this.options = options;
    this.name = options.name;
    this.logFile = options.logFile;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const log = await open(this.logFile, 'a');
    try {
      await log.write(`--- ${new Date().toISOString()} starting ${this.name}\n`);
      const spawner: Spawner =
        this.options.spawner ??
        ((cmd, args, opts) => spawn(cmd, args, { ...opts, env: this.options.env ?? process.env }));
      const child = spawner(NODE, ['--disable-warning=ExperimentalWarning', ...this.options.args], {
        stdio: ['ignore', log.fd, log.fd],
      });
      this.child = child;
      this.exited = once(child, 'exit').then(
        () => undefined,
        () => undefined,
      );
      child.on('error', () => {}); // surfaced by waiting for readiness instead
    } finally {
      await log.close();
    }
    await this.options.onStart?.(this.child.pid);
  }

  /** Sends `signal` and waits for the process to be gone (SIGKILL after `graceMs`). */
  async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  async restart(): Promise<void> {
    await this.kill('SIGTERM');
    await this.start();
  }

  /** The last `lines` lines of the log. */
  async tail(lines = 40): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  }
}
