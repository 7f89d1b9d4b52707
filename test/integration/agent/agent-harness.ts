// Running the real strato-agent as a child process for integration tests (so a
// test can kill -9 it), with certificates from test/harness/certs.ts, and calling it
// as the conductor would (mutual TLS, CN=conductor); and the lab those tests share: a
// scratch directory, the test image served by a Registry stub, a libvirt client.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Client } from '@grpc/grpc-js';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import type { ProtoGrpcType as AgentProto } from '../../../common/gen/agent.ts';
import type { AgentClient } from '../../../common/gen/strato/agent/v1/Agent.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { mtlsChannelCredentials } from '../../../common/grpc/credentials.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { distEntry } from '../../harness/dist.ts';
import { domainGone, removeDomain } from '../../harness/libvirt-domains.ts';
import { removeScratchDir, scratchDir } from '../../harness/scratch-dir.ts';
import { testImage } from '../../harness/test-image.ts';
import { RegistryStub, type StubImage, stubImage } from './registry-stub.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');

export type AgentApi = StratoClient<AgentClient>;

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
    await distEntry('strato-agent'), // what ships, rebuilt if a source changed
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
  return connectAgent(proto.strato.agent.v1.Agent, port, tlsDir, { certName, deadlineMs: 180_000 });
}

/** A client of one of the agent's services on loopback, over mutual TLS as `certName` (the conductor's by default). */
export async function connectAgent<C extends Client>(
  service: Parameters<typeof connect<C>>[0],
  port: number,
  tlsDir: string,
  o: { certName?: string; deadlineMs: number },
): Promise<StratoClient<C>> {
  const certName = o.certName ?? 'conductor';
  const credentials = await mtlsChannelCredentials({
    caFile: join(tlsDir, 'ca.crt'),
    certFile: join(tlsDir, `${certName}.crt`),
    keyFile: join(tlsDir, `${certName}.key`),
  });
  return connect(service, `127.0.0.1:${port}`, { credentials, defaultDeadlineMs: o.deadlineMs, retry: false });
}

export interface AgentLab {
  /** Traversable by QEMU's user (instance disks) and dnsmasq's (network state). */
  dir: string;
  stateDir: string;
  tlsDir: string;
  image: StubImage;
  stub: RegistryStub;
  libvirt: LibvirtClient;
  /** Starts the agent against the stub with the lab's directories (its log: `dir`/agent.log). */
  startAgent(extraArgs: readonly string[]): Promise<AgentProcess>;
}

/**
 * Opens the lab for agent `hostId`: certificates, the test image (a missing image is a
 * failure: scripts/setup-host builds it) behind a started Registry stub, a libvirt client.
 */
export async function openAgentLab(hostId: string, dirPrefix: string): Promise<AgentLab> {
  const disk = (await testImage()).disk;
  const dir = await scratchDir(dirPrefix, { traversable: true });
  let stub: RegistryStub | undefined;
  try {
    const stateDir = join(dir, 'state');
    const tlsDir = join(dir, 'tls');
    await makeTestPki(tlsDir, [hostId]);
    const image = await stubImage(randomUUID(), disk);
    stub = new RegistryStub(image);
    await stub.start({
      caFile: join(tlsDir, 'ca.crt'),
      certFile: join(tlsDir, 'conductor.crt'),
      keyFile: join(tlsDir, 'conductor.key'),
    });
    const libvirt = await LibvirtClient.connect();
    const port = stub.port;
    const startAgent = (extraArgs: readonly string[]) =>
      startAgentProcess({
        hostId,
        stateDir,
        tlsDir,
        conductor: `127.0.0.1:${port}`,
        logFile: join(dir, 'agent.log'),
        extraArgs: [...extraArgs],
      });
    return { dir, stateDir, tlsDir, image, stub, libvirt, startAgent };
  } catch (err) {
    await stub?.stop();
    await removeScratchDir(dir);
    throw err;
  }
}

/**
 * For `after`, once the test stopped its agent: removes the domains of `instanceIds`,
 * asserts libvirt knows none of them, stops the stub and removes the directory
 * (STRATO_KEEP_TEST_DIRS=1 keeps it, with the agent's log).
 */
export async function closeAgentLab(lab: AgentLab | undefined, instanceIds: Iterable<string>): Promise<void> {
  if (!lab) return;
  try {
    const names = [...instanceIds].map(domainNameFor);
    for (const n of names) await removeDomain(lab.libvirt, n);
    const left: string[] = [];
    for (const n of names) if (!(await domainGone(lab.libvirt, n))) left.push(n);
    assert.deepEqual(left, [], 'domains of the test left in libvirt');
  } finally {
    await lab.stub.stop();
    await lab.libvirt.close();
    await removeScratchDir(lab.dir);
  }
}
