// The tgtd of a simulated storage host: started inside the host's network and mount
// namespaces, so its control socket (/run/tgtd/socket.0) lives in the host's private
// /run and its portal listens in the host's namespace only; the agent inside reaches it
// as any agent reaches its host's tgtd (control port 0). The test owns the process:
// kill() is SIGKILL (tgtd loses every target, as in a crash) and start() again is a
// restart. What tgtd holds is read with tgtadm inside the host. The host's teardown
// stops whatever is left of it with the host's other processes.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { access, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseAccounts, parsePortals, parseTargets, type TgtTarget } from '../../agent/storage/iscsi/tgt-show.ts';
import type { RunResult } from './host-plumbing.ts';

/** What a simulated host offers its tgtd (sim-hosts.ts SimHost, without the import circle). */
export interface TgtdHost {
  readonly name: string;
  /** The host's private /run, as the root namespace sees it. */
  readonly runDir: string;
  readonly dir: string;
  exec(cmd: string, args: readonly string[]): Promise<RunResult>;
  spawn(cmd: string, args: readonly string[], options: { stdio: ['ignore', number, number] }): ChildProcess;
}

const START_TIMEOUT_MS = 15_000;

export class SimTgtd {
  readonly #host: TgtdHost;
  #child: ChildProcess | undefined;
  #exited: Promise<unknown> = Promise.resolve();

  constructor(host: TgtdHost) {
    this.#host = host;
  }

  get pid(): number | undefined {
    return this.running ? this.#child?.pid : undefined;
  }

  get running(): boolean {
    const c = this.#child;
    return c !== undefined && c.exitCode === null && c.signalCode === null;
  }

  /** The control socket and its lock, as the root namespace sees them. */
  #sockets(): string[] {
    const s = join(this.#host.runDir, 'tgtd', 'socket.0');
    return [s, `${s}.lock`];
  }

  /** Starts tgtd in the foreground (a fresh one has the wildcard portals) and waits until it answers. */
  async start(): Promise<void> {
    if (this.running) return;
    // A killed tgtd leaves its socket behind; a new one would refuse to bind it.
    for (const f of this.#sockets()) await rm(f, { force: true });
    const log = await open(join(this.#host.dir, 'tgtd.log'), 'a');
    let child: ChildProcess;
    try {
      // nsenter execs tgtd itself (no fork for these namespaces): the child's pid is tgtd's.
      child = this.#host.spawn('tgtd', ['-f'], { stdio: ['ignore', log.fd, log.fd] });
    } finally {
      await log.close();
    }
    this.#child = child;
    this.#exited = once(child, 'exit').catch(() => undefined);
    child.on('error', () => {}); // seen below as an exit
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (!this.running) throw new Error(`tgtd of ${this.#host.name} exited (see ${this.#host.dir}/tgtd.log)`);
      const up = await access(this.#sockets()[0]!).then(
        () => this.portals().then((p) => p.length > 0),
        () => false,
      );
      if (up) return;
      if (Date.now() > deadline) throw new Error(`tgtd of ${this.#host.name} did not answer in ${START_TIMEOUT_MS} ms`);
      await sleep(50);
    }
  }

  /** SIGKILL: every target, account and session is gone with it. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (child === undefined || !this.running) return;
    child.kill('SIGKILL');
    await this.#exited;
  }

  async #tgtadm(mode: string): Promise<string> {
    return (await this.#host.exec('tgtadm', ['--lld', 'iscsi', '--op', 'show', '--mode', mode])).stdout;
  }

  async targets(): Promise<TgtTarget[]> {
    return parseTargets(await this.#tgtadm('target'));
  }

  async accounts(): Promise<string[]> {
    return parseAccounts(await this.#tgtadm('account'));
  }

  async portals(): Promise<{ address: string; port: number }[]> {
    return parsePortals(await this.#tgtadm('portal').catch(() => ''));
  }
}
