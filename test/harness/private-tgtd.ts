// A tgtd of the test's own: started in a network namespace the test made, on a control
// port of its own (`tgtadm -C`), so the host's shared tgtd and other tests' targets
// are never touched. kill() is SIGKILL (all of its state is lost, as in a crash) and
// removes its control sockets.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Tgtadm } from '../../agent/storage/iscsi/tgtadm.ts';

export class PrivateTgtd {
  readonly netns: string;
  readonly controlPort: number;
  readonly tgtadm: Tgtadm;
  #child: ChildProcess | undefined;

  constructor(netns: string, controlPort = 20000 + (randomBytes(2).readUInt16BE() % 10000)) {
    this.netns = netns;
    this.controlPort = controlPort;
    this.tgtadm = new Tgtadm({ controlPort });
  }

  #sockets(): string[] {
    return [`/run/tgtd/socket.${this.controlPort}`, `/run/tgtd/socket.${this.controlPort}.lock`];
  }

  /** Starts it (default portals: the wildcards, as a fresh tgtd has) and waits until it answers. */
  async start(): Promise<void> {
    const child = spawn(
      'nsenter',
      [`--net=/run/netns/${this.netns}`, '--', 'tgtd', '-f', '-C', String(this.controlPort)],
      {
        stdio: 'ignore',
      },
    );
    this.#child = child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`tgtd exited (${child.exitCode})`);
      if (existsSync(this.#sockets()[0]!) && (await this.tgtadm.portals().catch(() => [])).length > 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('tgtd did not start');
  }

  async kill(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    for (const f of this.#sockets()) await rm(f, { force: true });
  }
}
