// "The internet" for router tests: a network namespace the test makes, joined by a
// veth to an external bridge inside one simulated host (that host's flat, external
// network). It holds the external subnet's gateway address, so it answers pings and
// TCP there, and it can reach floating IPs. Traffic never leaves the machine: every
// address lives in namespaces this test created.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { run, runExit } from '../../harness/exec.ts';
import type { SimHost } from '../../harness/sim-hosts.ts';

/** A TCP server inside the namespace that prints `PEER <address> <line>` per line received. */
const LISTENER = `
const net = require('node:net');
net.createServer((s) => {
  let buf = '';
  s.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\\n')) >= 0) {
      console.log('PEER ' + s.remoteAddress + ' ' + buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  s.on('error', () => {});
}).listen(Number(process.argv[1]), '0.0.0.0', () => console.log('LISTENING'));
`;

/** Connects, sends one line, and says whether the peer took it (exit 0) within the timeout. */
const PROBE = `
const net = require('node:net');
const [host, port, line, ms] = process.argv.slice(1);
const s = net.connect({ host, port: Number(port) }, () => s.end(line + '\\n', () => process.exit(0)));
s.on('error', () => process.exit(2));
setTimeout(() => process.exit(3), Number(ms));
`;

export interface Peer {
  address: string;
  line: string;
  atMs: number;
}

export class Outside {
  readonly ns = `e2e-out-${randomBytes(3).toString('hex')}`;
  /** The veth end on the external bridge (inside the host) and the one in `ns`. */
  private readonly hostEnd = `veo${randomBytes(3).toString('hex')}`;
  private readonly nsEnd = `vei${randomBytes(3).toString('hex')}`;
  private readonly children: ChildProcess[] = [];
  readonly peers: Peer[] = [];

  private readonly host: SimHost;
  /** The external bridge inside `host`. */
  readonly bridge: string;
  /** The namespace's address with its prefix, e.g. 198.51.100.1/24. */
  readonly cidr: string;

  constructor(host: SimHost, bridge: string, cidr: string) {
    this.host = host;
    this.bridge = bridge;
    this.cidr = cidr;
  }

  get ip(): string {
    return this.cidr.split('/')[0]!;
  }

  /** Makes the bridge inside the host (the operator's part of a flat network) and the namespace on it. */
  async create(): Promise<void> {
    await this.host.exec('ip', ['link', 'add', this.bridge, 'type', 'bridge']);
    await this.host.exec('ip', ['link', 'set', this.bridge, 'up']);
    await run('ip', ['netns', 'add', this.ns]);
    await run('ip', ['link', 'add', this.hostEnd, 'type', 'veth', 'peer', 'name', this.nsEnd]);
    await run('ip', ['link', 'set', this.nsEnd, 'netns', this.ns]);
    await run('ip', ['link', 'set', this.hostEnd, 'netns', this.host.netns]);
    await this.host.exec('ip', ['link', 'set', this.hostEnd, 'master', this.bridge, 'up']);
    await this.exec('ip', ['link', 'set', 'lo', 'up']);
    await this.exec('ip', ['addr', 'add', this.cidr, 'dev', this.nsEnd]);
    await this.exec('ip', ['link', 'set', this.nsEnd, 'up']);
  }

  exec(cmd: string, args: readonly string[]) {
    return run('ip', ['netns', 'exec', this.ns, cmd, ...args]);
  }

  /** Starts a line-logging TCP server on `port`; resolves once it listens. */
  async listen(port: number): Promise<void> {
    const child = spawn('ip', ['netns', 'exec', this.ns, process.execPath, '-e', LISTENER, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.children.push(child);
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the outside listener exited (${code})`)));
      lines.on('line', (l) => {
        if (l === 'LISTENING') resolve();
        const m = /^PEER (\S+) (.*)$/.exec(l);
        if (m) this.peers.push({ address: m[1]!.replace(/^::ffff:/, ''), line: m[2]!, atMs: Date.now() });
      });
    });
  }

  /** One TCP connection to `address:port` carrying `line`: true when it connected and sent. */
  async probe(address: string, port: number, line: string, timeoutMs = 3000): Promise<boolean> {
    const r = await runExit('ip', [
      'netns',
      'exec',
      this.ns,
      process.execPath,
      '-e',
      PROBE,
      address,
      String(port),
      line,
      String(timeoutMs),
    ]);
    return r.code === 0;
  }

  /**
   * Pings `address` every 200 ms until stopped; the returned list fills with the
   * wall-clock times (ms) of the replies, as ping stamped them (-D), so output
   * buffering cannot move them. stdbuf makes ping flush each line into the pipe.
   */
  pinger(address: string): { replies: number[]; stop(): void } {
    const argv = ['netns', 'exec', this.ns, 'stdbuf', '-oL', 'ping', '-D', '-n', '-i', '0.2', address];
    const child = spawn('ip', argv, { stdio: ['ignore', 'pipe', 'ignore'] });
    this.children.push(child);
    const replies: number[] = [];
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = /^\[(\d+\.\d+)\] .*bytes from/.exec(l);
      if (m) replies.push(Math.round(Number(m[1]) * 1000));
    });
    return { replies, stop: () => child.kill('SIGKILL') };
  }

  /** Removes the processes, the namespace, the veth and the bridge. Idempotent. */
  async remove(): Promise<void> {
    for (const c of this.children) c.kill('SIGKILL');
    await runExit('ip', ['netns', 'del', this.ns]);
    await this.host.exec('ip', ['link', 'del', this.hostEnd]).catch(() => {});
    await this.host.exec('ip', ['link', 'del', this.bridge]).catch(() => {});
  }
}

/** The longest time between consecutive replies in [fromMs, toMs]. */
export function longestGapMs(replies: readonly number[], fromMs: number, toMs: number): number {
  const inWindow = replies.filter((t) => t >= fromMs && t <= toMs);
  let worst = inWindow.length === 0 ? toMs - fromMs : 0;
  let prev = fromMs;
  for (const t of inWindow) {
    worst = Math.max(worst, t - prev);
    prev = t;
  }
  return Math.max(worst, toMs - prev);
}
