// A real strato-agent process (its bundle, dist/strato-agent.mjs) in its TEST-ONLY fake-hypervisor
// mode (agent/fake-mode-drivers.ts): the daemon as shipped — services, instance
// manager, registrar, reconciler — over fake hypervisor and network drivers, so
// a benchmark can measure its memory and load without libvirtd or root.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distEntry } from '../../test/harness/dist.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules', '.bin', 'node');

export interface FakeModeAgentOptions {
  hostId: string;
  /** Holds ca.crt, <hostId>.crt and <hostId>.key. */
  tlsDir: string;
  /** The conductor's registry endpoint. */
  registry: string;
  stateDir: string;
  capacity: { vcpus: number; ramMib: number; diskGib: number };
  /** Extra flags, e.g. a shorter --resync-interval-s. */
  flags?: string[];
}

export interface FakeModeAgent {
  pid: number;
  /** The end of what it wrote on stderr (its warnings and errors), for a failure's message. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export async function startFakeModeAgent(o: FakeModeAgentOptions): Promise<FakeModeAgent> {
  await mkdir(o.stateDir, { recursive: true });
  const args = [
    await distEntry('strato-agent'), // what ships, rebuilt if a source changed
    '--fake-hypervisor',
    ...['--conductor', o.registry, '--tls-dir', o.tlsDir, '--host-id', o.hostId],
    ...['--listen', '127.0.0.1:0', '--state-dir', o.stateDir, '--metrics-listen', 'off'],
    ...['--vcpus', String(o.capacity.vcpus), '--ram-mib', String(o.capacity.ramMib)],
    ...['--disk-gib', String(o.capacity.diskGib), '--disk-reserve-mib', '0'],
    ...(o.flags ?? []),
  ];
  const child: ChildProcess = spawn(NODE, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, STRATO_LOG_LEVEL: process.env.STRATO_LOG_LEVEL ?? 'warn' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = once(child, 'exit');
  return {
    pid: child.pid ?? 0,
    stderr: () => stderr,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
