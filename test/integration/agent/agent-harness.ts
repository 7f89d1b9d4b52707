// Running the real strato-agent as a child process for integration tests (so a
// test can kill -9 it), with certificates from scripts/make-certs, and calling it
// as the conductor would (mutual TLS, CN=conductor).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ProtoGrpcType as AgentProto } from '../../../common/gen/agent.ts';
import type { AgentClient } from '../../../common/gen/strato/agent/v1/Agent.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { mtlsChannelCredentials } from '../../../common/grpc/credentials.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const MAKE_CERTS = join(ROOT, 'scripts/make-certs');

export type AgentApi = StratoClient<AgentClient>;

export async function makeTestCerts(dir: string, hostId: string): Promise<void> {
  await run(MAKE_CERTS, ['--dir', dir, '--ca']);
  await run(MAKE_CERTS, ['--dir', dir, '--name', 'conductor', '--ip', '127.0.0.1']);
  await run(MAKE_CERTS, ['--dir', dir, '--name', hostId, '--ip', '127.0.0.1']);
}

export interface AgentProcess {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<string>;
}

export interface AgentProcessOptions {
  hostId: string;
  stateDir: string;
  tlsDir: string;
  conductor: string;
  logFile: string;
  extraArgs?: string[];
}

/** Starts the agent and resolves once it logs `agent started` (with its port). */
export async function startAgentProcess(o: AgentProcessOptions): Promise<AgentProcess> {
  const args = [
    join(ROOT, 'agent/main.ts'),
    '--host-id',
    o.hostId,
    '--listen',
    '127.0.0.1:0',
    '--conductor',
    o.conductor,
    '--tls-dir',
    o.tlsDir,
    '--state-dir',
    o.stateDir,
    '--virt-type',
    'qemu',
    ...(o.extraArgs ?? []),
  ];
  const child = spawn(NODE, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STRATO_LOG_LEVEL: 'debug' },
  });
  const logOut = createWriteStream(o.logFile, { flags: 'a' });
  child.stderr?.pipe(logOut, { end: false });
  const exited = once(child, 'exit').then(([code, signal]) => String(signal ?? code));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start within 30 s; see ${o.logFile}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logOut.write(`${line}\n`);
      if (line.includes('"agent started"')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited (${code}) before starting; see ${o.logFile}`));
    });
  });
  return { child, port, exited };
}

export async function agentApi(port: number, tlsDir: string, certName = 'conductor'): Promise<AgentApi> {
  const proto = toGrpcObject<AgentProto>(await loadProtoPackage());
  const credentials = await mtlsChannelCredentials({
    caFile: join(tlsDir, 'ca.crt'),
    certFile: join(tlsDir, `${certName}.crt`),
    keyFile: join(tlsDir, `${certName}.key`),
  });
  return connect(proto.strato.agent.v1.Agent, `127.0.0.1:${port}`, {
    credentials,
    defaultDeadlineMs: 180_000,
    retry: false,
  });
}
